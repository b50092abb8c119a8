package dev.connectorruntime.serve;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.secret.Secret;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The HTTP gateway: POST /actions/{name}, GET /actions, GET /openapi.json, errors as problems (SPEC §11). */
class GatewayTest extends ServeHttpTestBase {

    private HttpResponse<String> getPath(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void postingInputsToAnActionAnswersItsOutput() throws Exception {
        serve(null);

        HttpResponse<String> r = post("/actions/list-contacts", "{\"limit\":2}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body()).isEqualTo("[\"Ada Lovelace\",\"Alan Turing\"]");
        assertThat(post("/actions/list-contacts", "").statusCode()).isEqualTo(200); // no body: no inputs
    }

    @Test
    void badInputsAre400WithEveryProblem() throws Exception {
        serve(null);

        HttpResponse<String> r = post("/actions/list-contacts", "{\"limit\":\"5\",\"lmit\":1}");

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode p = problem(r);
        assertThat(p.get("type").asText()).isEqualTo("urn:connector-runtime:problem:bad-input");
        assertThat(p.get("title").asText()).isEqualTo("Bad input");
        assertThat(p.get("status").asInt()).isEqualTo(400);
        assertThat(p.get("kind").asText()).isEqualTo("usage");
        assertThat(p.get("errors")).hasSize(2);
    }

    @Test
    void malformedBodiesWrongTypesAndUnknownActionsAreRefusedPrecisely() throws Exception {
        serve(null);

        HttpResponse<String> garbage = post("/actions/list-contacts", "{limit:");
        HttpResponse<String> array = post("/actions/list-contacts", "[1]");
        HttpResponse<String> text = post("/actions/list-contacts", "limit=2", "Content-Type", "text/plain");
        HttpResponse<String> unknown = post("/actions/list-contact", "{}");
        HttpResponse<String> get = getPath("/actions/list-contacts");
        HttpResponse<String> large = post("/actions/list-contacts", "{\"pad\":\"" + "x".repeat(2000) + "\"}");

        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(problem(garbage).get("detail").asText()).isEqualTo("the body is not JSON");
        assertThat(array.statusCode()).isEqualTo(400);
        assertThat(problem(array).get("detail").asText()).isEqualTo("the body must be a JSON object of inputs, not array");
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(problem(unknown).get("hint").asText()).isEqualTo("did you mean `list-contacts`?");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(large.statusCode()).isEqualTo(413);
    }

    @Test
    void anUpstreamAuthFailureIs502NeverA401() throws Exception {
        fixture.instance.stubFor(get(urlPathEqualTo("/services/data/v58.0/query")).willReturn(aResponse()
                .withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")));
        serve(null);

        HttpResponse<String> r = post("/actions/list-contacts", "{}");

        assertThat(r.statusCode()).isEqualTo(502);
        JsonNode p = problem(r);
        assertThat(p.get("kind").asText()).isEqualTo("auth");
        assertThat(p.get("upstream_status").asInt()).isEqualTo(401);
        assertThat(p.get("api_error").get(0).get("errorCode").asText()).isEqualTo("INVALID_SESSION_ID");
        assertThat(r.body()).doesNotContain(McpFixture.TOKEN).doesNotContain(McpFixture.PASSWORD);
    }

    @Test
    void anUpstreamErrorIs502WithTheApisBody() throws Exception {
        fixture.instance.stubFor(get(urlPathEqualTo("/services/data/v58.0/query")).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("[{\"message\":\"unexpected token: LIMIT\",\"errorCode\":\"MALFORMED_QUERY\"}]")));
        serve(null);

        HttpResponse<String> r = post("/actions/list-contacts", "{}");

        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(problem(r).get("api_error").get(0).get("errorCode").asText()).isEqualTo("MALFORMED_QUERY");
    }

    @Test
    void aSlowUpstreamIs504WithinTheCallersTimeout() throws Exception {
        fixture.instance.stubFor(get(urlPathEqualTo("/services/data/v58.0/query")).willReturn(aResponse()
                .withFixedDelay(5_000).withHeader("Content-Type", "application/json").withBody(McpFixture.CONTACTS)));
        serve(null);
        long start = System.nanoTime();

        HttpResponse<String> r = post("/actions/list-contacts", "{}", "X-Request-Timeout", "500ms");

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4_000);
        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(problem(r).get("kind").asText()).isEqualTo("network");
        assertThat(post("/actions/list-contacts", "{}", "X-Request-Timeout", "soon").statusCode()).isEqualTo(400);
    }

    @Test
    void aFullQueueIs503WithRetryAfter() throws Exception {
        fixture.instance.stubFor(get(urlPathEqualTo("/services/data/v58.0/query")).willReturn(aResponse()
                .withFixedDelay(1_500).withHeader("Content-Type", "application/json").withBody(McpFixture.CONTACTS)));
        concurrency = 1;
        queue = 1;
        serve(null);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/actions/list-contacts"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(), HttpResponse.BodyHandlers.ofString()));
            Thread.sleep(100);
        }

        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> refused = null;
        for (var c : calls) {
            HttpResponse<String> r = c.get();
            statuses.add(r.statusCode());
            if (r.statusCode() == 503) {
                refused = r;
            }
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 200, 503, 503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(problem(refused).get("kind").asText()).isEqualTo("overloaded");
    }

    @Test
    void theCatalogListsEachActionWithItsSchema() throws Exception {
        serve(null);

        JsonNode list = Json.parse(getPath("/actions").body()).get("actions");

        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("name").asText()).isEqualTo("list-contacts");
        assertThat(list.get(0).get("url").asText()).isEqualTo("/actions/list-contacts");
        assertThat(list.get(0).get("read_only").asBoolean()).isTrue();
        assertThat(list.get(0).at("/input_schema/properties/limit/type").asText()).isEqualTo("integer");
    }

    @Test
    void theOpenApiDocumentIsValidOpenApi31WithAndWithoutAServeToken() throws Exception {
        serve(Secret.of(SERVE_TOKEN));
        String withToken = getPath("/openapi.json", "Authorization", "Bearer " + SERVE_TOKEN).body();
        stop.countDown();
        exit.get();

        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(withToken);

        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        var op = parsed.getOpenAPI().getPaths().get("/actions/list-contacts").getPost();
        assertThat(op.getOperationId()).isEqualTo("list-contacts");
        assertThat(op.getSummary()).isEqualTo("List Salesforce contacts");
        assertThat(parsed.getOpenAPI().getSecurity()).hasSize(1);
        assertThat(parsed.getOpenAPI().getComponents().getSecuritySchemes().get("serveToken").getScheme())
                .isEqualTo("bearer");
        assertThat(parsed.getOpenAPI().getServers().get(0).getUrl()).startsWith("http://127.0.0.1:");
        JsonNode doc = Json.parse(withToken);
        assertThat(doc.toString()).doesNotContain("nullable");
        assertThat(doc.at("/paths/~1actions~1list-contacts/post/requestBody/content/application~1json/schema/required")
                .isArray()).isTrue();
    }

    @Test
    void withoutAServeTokenTheDocumentSaysSecurityIsEmpty() throws Exception {
        serve(null);

        JsonNode doc = Json.parse(getPath("/openapi.json").body());

        assertThat(doc.get("security").toString()).isEqualTo("[]");
        assertThat(doc.at("/components/securitySchemes").isMissingNode()).isTrue();
        assertThat(new OpenAPIV3Parser().readContents(doc.toString()).getMessages()).isEmpty();
    }
}
