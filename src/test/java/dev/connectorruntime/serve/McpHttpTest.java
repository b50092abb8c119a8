package dev.connectorruntime.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.auth.TokenStore;
import dev.connectorruntime.engine.ConnectorRuntime;
import dev.connectorruntime.engine.SecretSource;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.secret.Redactor;
import dev.connectorruntime.secret.Secret;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --http}: MCP's Streamable HTTP at {@code /mcp} with the official SDK's client, and the server's own
 * checks (token, Host, Origin, body cap, content type, method) with a plain HTTP client (SPEC §11).
 */
class McpHttpTest extends ServeHttpTestBase {

    @Test
    void theSdksStreamableHttpClientListsAndCallsTools() throws Exception {
        serve(null);
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base)
                .endpoint("/mcp").jsonMapper(McpFixture.MAPPER).build();
        try (McpSyncClient client = McpFixture.client(transport).build()) {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.protocolVersion()).isEqualTo("2025-11-25");

            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).containsExactly("list-contacts");
            McpSchema.CallToolResult ok = client.callTool(new McpSchema.CallToolRequest("list-contacts",
                    Map.of("limit", 2)));
            assertThat(ok.isError()).isFalse();
            assertThat(((McpSchema.TextContent) ok.content().get(0)).text())
                    .isEqualTo("[\"Ada Lovelace\",\"Alan Turing\"]");

            McpSchema.CallToolResult bad = client.callTool(new McpSchema.CallToolRequest("list-contacts",
                    Map.of("limit", 0)));
            assertThat(bad.isError()).isTrue();
            assertThat(((McpSchema.TextContent) bad.content().get(0)).text())
                    .contains("\"code\":\"bad-input\"").contains("input `limit` must be at least 1, not 0");
        }
        awaitLog();
        assertThat(log).anyMatch(l -> l.matches("http POST /mcp 200 \\d+ms id=[0-9a-f-]{36}"));
    }

    @Test
    void withAServeTokenEveryRouteButHealthzNeedsIt() throws Exception {
        serve(Secret.of(SERVE_TOKEN));

        HttpResponse<String> none = post("/mcp", PING);
        HttpResponse<String> wrong = post("/mcp", PING, "Authorization", "Bearer nope");
        HttpResponse<String> right = post("/mcp", PING, "Authorization", "Bearer " + SERVE_TOKEN);
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(problem(none).get("type").asText()).isEqualTo("urn:connector-runtime:problem:unauthenticated");
        assertThat(problem(none).get("hint").asText()).isEqualTo("send `Authorization: Bearer <token>`, the value of"
                + " CONNECTOR_RUNTIME_SERVE_TOKEN where the server runs");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(String.join("\n", log)).doesNotContain(SERVE_TOKEN);
    }

    @Test
    void aForeignHostOrOriginIsForbidden() throws Exception {
        serve(null);

        String host = raw("POST /mcp HTTP/1.1\r\nHost: attacker.example\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + PING.length() + "\r\nConnection: close\r\n\r\n" + PING);
        HttpResponse<String> origin = post("/mcp", PING, "Origin", "https://attacker.example");
        HttpResponse<String> local = post("/mcp", PING, "Origin", "http://localhost:6274");

        assertThat(host).startsWith("HTTP/1.1 403 ").contains("\"detail\":\"the Host `attacker.example` is not allowed\"");
        assertThat(origin.statusCode()).isEqualTo(403);
        assertThat(problem(origin).get("detail").asText())
                .isEqualTo("the Origin `https://attacker.example` is not allowed");
        assertThat(local.statusCode()).isEqualTo(200);
    }

    @Test
    void theBodyCapTheContentTypeAndTheMethodAreChecked() throws Exception {
        serve(null);

        HttpResponse<String> large = post("/mcp", "{\"pad\":\"" + "x".repeat(2000) + "\"}");
        HttpResponse<String> text = post("/mcp", PING, "Content-Type", "text/plain");
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(base + "/mcp")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> garbage = post("/mcp", "{not json");
        HttpResponse<String> nowhere = post("/nowhere", "{}");

        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(problem(large).get("detail").asText()).isEqualTo("the request body is larger than 1KB");
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(Json.parse(garbage.body()).at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(nowhere.statusCode()).isEqualTo(404);
    }

    @Test
    void theCallersRequestIdIsEchoedAndLogged() throws Exception {
        serve(null);

        HttpResponse<String> r = post("/mcp", PING, "X-Request-Id", "trace-42");

        assertThat(r.headers().firstValue("X-Request-Id")).hasValue("trace-42");
        awaitLog();
        assertThat(log).anyMatch(l -> l.startsWith("http POST /mcp 200 ") && l.endsWith(" id=trace-42"));
    }
}
