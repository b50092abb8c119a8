package dev.connectorruntime.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.load.Workspace;
import dev.connectorruntime.model.Example;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.validate.Definitions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox on the wire, driven by a plain HTTP client over the repository's own definitions: what it accepts,
 * what it refuses and in whose words (salesforce-wire.md).
 */
class SandboxTest {

    static final Workspace REPO = new Workspace(Path.of(""));
    static final String QUERY = "/services/data/v58.0/query";
    static final String PASSWORD_GRANT = "grant_type=password&username=sandbox-salesforce-username"
            + "&password=sandbox-salesforce-passwordsandbox-salesforce-security-token"
            + "&client_id=sandbox-salesforce-consumer-key&client_secret=sandbox-salesforce-consumer-secret";

    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final List<Sandbox> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(Sandbox::close);
    }

    Sandbox start(String action, String example) {
        Definitions.Pair pair = Definitions.forRun(REPO, action);
        Example chosen = pair.action().examples().stream().filter(e -> e.name().equals(example)).findFirst()
                .orElseThrow();
        Sandbox sandbox = Sandbox.start(pair.connector(), pair.action(), chosen);
        started.add(sandbox);
        return sandbox;
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder get(Sandbox sandbox, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(sandbox.origin() + pathAndQuery));
    }

    HttpRequest.Builder tokenRequest(Sandbox sandbox, String form) {
        return HttpRequest.newBuilder(URI.create(sandbox.origin() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    String token(Sandbox sandbox) throws IOException, InterruptedException {
        return Json.parse(send(tokenRequest(sandbox, PASSWORD_GRANT)).body()).get("access_token").asText();
    }

    @Test
    void listensOnLoopbackOnAFreePort() {
        Sandbox a = start("list-contacts", "two contacts");
        Sandbox b = start("list-contacts", "two contacts");

        assertThat(a.origin().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(a.origin().getPort()).isNotEqualTo(b.origin().getPort());
    }

    @Test
    void apiWhenTheRequestCarriesNoTokenThenAnswers401AsSalesforceDoesAndServesNothing() throws Exception {
        Sandbox sandbox = start("list-contacts", "two contacts");

        HttpResponse<String> r = send(get(sandbox, QUERY + "?q=SELECT%20Name%20FROM%20Contact%20LIMIT%202"));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("[{\"message\":\"INVALID_HEADER_TYPE\",\"errorCode\":\"INVALID_AUTH_HEADER\"}]");
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"sandbox\"");
        assertThat(sandbox.served()).isZero();
    }

    @Test
    void apiWhenTheTokenIsNotOneTheSandboxIssuedThenAnswers401InvalidSession() throws Exception {
        Sandbox sandbox = start("list-contacts", "two contacts");
        token(sandbox);

        HttpResponse<String> r = send(get(sandbox, QUERY).header("Authorization", "Bearer 00Dreal!token"));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
        assertThat(sandbox.served()).isZero();
    }

    @Test
    void tokenEndpointWhenThePasswordGrantHasItsShapeThenAnswersAsSalesforceWithItsOwnAddressAsInstanceUrl()
            throws Exception {
        Sandbox sandbox = start("list-contacts", "two contacts");

        HttpResponse<String> r = send(tokenRequest(sandbox, PASSWORD_GRANT));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode json = Json.parse(r.body());
        assertThat(json.get("access_token").asText()).isEqualTo("sandbox-access-token-1");
        assertThat(json.get("instance_url").asText()).isEqualTo(sandbox.origin().toString());
        assertThat(json.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(json.get("issued_at").asText()).matches("\\d{13}");
        assertThat(json.has("expires_in")).isFalse();
        assertThat(json.has("refresh_token")).isFalse();
    }

    @Test
    void apiWhenTheTokenIsTheSandboxsThenAnswersTheExamplesResponse() throws Exception {
        Sandbox sandbox = start("list-contacts", "two contacts");
        String token = token(sandbox);

        HttpResponse<String> r = send(get(sandbox, QUERY + "?q=x").header("Authorization", "Bearer " + token));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(r.headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=1/15000");
        assertThat(r.body()).isEqualTo("{\"totalSize\":2,\"done\":true,\"records\":[{\"Name\":\"Ada Lovelace\"},"
                + "{\"Name\":\"Alan Turing\"}]}");
        assertThat(sandbox.served()).isEqualTo(1);
        assertThat(sandbox.problems()).isEmpty();
    }

    @Test
    void tokenEndpointWhenTheBodyIsJsonThenRefusesAsUnsupportedGrantType() throws Exception {
        Sandbox sandbox = start("list-contacts", "two contacts");

        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(sandbox.origin() + "/services/oauth2/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"password\"}")));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(r.body()).isEqualTo("{\"error\":\"unsupported_grant_type\",\"error_description\":\"sandbox: the token"
                + " request must be form-encoded (application/x-www-form-urlencoded), not `application/json`\"}");
    }

    @Test
    void tokenEndpointWhenTheGrantIsNotTheConnectorsThenRefuses() throws Exception {
        Sandbox sandbox = start("list-contacts", "two contacts");

        HttpResponse<String> r = send(tokenRequest(sandbox, "grant_type=client_credentials"
                + "&client_id=sandbox-salesforce-consumer-key&client_secret=sandbox-salesforce-consumer-secret"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"error\":\"unsupported_grant_type\"")
                .contains("expected grant_type `password`, got `client_credentials`");
    }

    @Test
    void tokenEndpointWhenThePasswordIsMissingThenInvalidGrantWithoutQuotingAnyValue() throws Exception {
        Sandbox sandbox = start("list-contacts", "two contacts");

        HttpResponse<String> r = send(tokenRequest(sandbox, "grant_type=password&username=sandbox-salesforce-username"
                + "&client_id=sandbox-salesforce-consumer-key&client_secret=sandbox-salesforce-consumer-secret"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"error\":\"invalid_grant\",\"error_description\":\"sandbox: the `password`"
                + " field is missing\"}");
    }

    @Test
    void tokenEndpointWhenTheClientSecretIsWrongThenInvalidClient() throws Exception {
        Sandbox sandbox = start("list-contacts", "two contacts");

        HttpResponse<String> r = send(tokenRequest(sandbox, PASSWORD_GRANT.replace("consumer-secret", "guess")));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("{\"error\":\"invalid_client\",\"error_description\":\"sandbox: `client_secret`"
                + " is not the sandbox's value\"}");
    }

    @Test
    void apiWhenTheFirstRequestDiffersFromTheExamplesRequestThenAnswers400SayingWhatDiffered() throws Exception {
        Sandbox sandbox = start("list-contacts", "records as Salesforce sends them");
        String token = token(sandbox);

        HttpResponse<String> r = send(get(sandbox, QUERY + "?q=SELECT%20Id%20FROM%20Contact%20LIMIT%203&debug=1")
                .header("Authorization", "Bearer " + token).header("Accept", "text/csv"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Json.parse(r.body()).get("message").asText()).isEqualTo("sandbox: the request differs from example"
                + " `records as Salesforce sends them`: query q: expected `SELECT Name FROM Contact LIMIT 3`, got"
                + " `SELECT Id FROM Contact LIMIT 3`; query debug: not expected, got `1`; header Accept: expected"
                + " `application/json`, got `text/csv`");
        assertThat(sandbox.problems()).containsExactly("the request differs from the example's `request`:",
                "  query q: expected `SELECT Name FROM Contact LIMIT 3`, got `SELECT Id FROM Contact LIMIT 3`",
                "  query debug: not expected, got `1`",
                "  header Accept: expected `application/json`, got `text/csv`");
        assertThat(sandbox.served()).isZero();
    }

    @Test
    void apiWhenAskedForMoreThanTheExamplesResponsesThenRefusesAndSaysSo() throws Exception {
        Sandbox sandbox = start("list-contacts", "two contacts");
        String token = token(sandbox);
        send(get(sandbox, QUERY).header("Authorization", "Bearer " + token));

        HttpResponse<String> r = send(get(sandbox, QUERY + "/next").header("Authorization", "Bearer " + token));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(sandbox.problems()).containsExactly("the action sent more requests than the example has responses:"
                + " example `two contacts` has 1 response, and this is request 2 (GET " + QUERY + "/next)");
    }

    @Test
    void apiServesPagesInOrderWithGithubsLinkHeaderMovedToItsOwnOrigin() throws Exception {
        Sandbox sandbox = start("list-issues", "two pages of bugs");
        HttpRequest.Builder first = get(sandbox, "/repos/octocat/Hello-World/issues?state=open&labels=bug&per_page=100")
                .header("Authorization", "Bearer sandbox-github-token")
                .header("Accept", "application/vnd.github+json").header("X-GitHub-Api-Version", "2022-11-28");

        HttpResponse<String> page1 = send(first);
        HttpResponse<String> page2 = send(get(sandbox, "/repositories/1296269/issues?page=2")
                .header("Authorization", "Bearer sandbox-github-token"));

        String next = sandbox.origin() + "/repositories/1296269/issues?state=open&labels=bug&per_page=100&page=2";
        assertThat(page1.headers().firstValue("Link")).hasValue("<" + next + ">; rel=\"next\", <" + next
                + ">; rel=\"last\"");
        assertThat(Json.parse(page1.body()).get(0).get("html_url").asText())
                .isEqualTo("https://github.com/octocat/Hello-World/issues/1347");
        assertThat(Json.parse(page2.body()).get(0).get("number").asInt()).isEqualTo(1360);
        assertThat(sandbox.served()).isEqualTo(2);
    }

    @Test
    void apiWhenAGithubRequestHasNoTokenThenAnswersAsGithubDoes() throws Exception {
        Sandbox sandbox = start("list-issues", "two pages of bugs");

        HttpResponse<String> r = send(get(sandbox, "/repos/octocat/Hello-World/issues"));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("{\"message\":\"Requires authentication\","
                + "\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}");
    }

    @Test
    void tokenEndpointWhenSpotifysClientCredentialsComeInTheBodyInsteadOfBasicThenInvalidClient() throws Exception {
        Sandbox sandbox = start("search-artists", "nina simone");

        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(sandbox.origin() + "/api/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"
                        + "&client_id=sandbox-spotify-client-id&client_secret=sandbox-spotify-client-secret")));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("\"error\":\"invalid_client\"")
                .contains("`client_auth: basic`: expected the client's id and secret in an HTTP Basic");
    }
}
