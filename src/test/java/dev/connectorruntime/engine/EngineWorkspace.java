package dev.connectorruntime.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.connectorruntime.auth.TokenStore;
import dev.connectorruntime.http.Retrier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A workspace for engine tests: one OAuth2 client-credentials connector whose token endpoint and API are one
 * loopback WireMock server, and the actions {@code list-a} ({@code GET /api/a}) and {@code list-b}
 * ({@code GET /api/b}).
 */
final class EngineWorkspace {

    static final Map<String, String> SECRETS = Map.of("API_CLIENT_ID", "engine-client",
            "API_CLIENT_SECRET", "engine-client-secret-0001");

    private EngineWorkspace() {
    }

    static Path create(Path dir, int port) {
        try {
            Files.createDirectories(dir.resolve("connectors"));
            Files.createDirectories(dir.resolve("actions"));
            Files.writeString(dir.resolve("connectors/api.yaml"), String.join("\n",
                    "name: api",
                    "description: An API on loopback",
                    "base_url: http://127.0.0.1:" + port + "/api",
                    "auth:",
                    "  type: oauth2",
                    "  grant_type: client_credentials",
                    "  token_url: http://127.0.0.1:" + port + "/token",
                    "  client_id: <<api_client_id>>",
                    "  client_secret: <<api_client_secret>>",
                    ""));
            action(dir, "list-a", "/a");
            action(dir, "list-b", "/b");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void action(Path dir, String name, String path) throws IOException {
        Files.writeString(dir.resolve("actions/" + name + ".yaml"), String.join("\n",
                "name: " + name,
                "description: Lists things",
                "connector: api",
                "request:",
                "  method: GET",
                "  path: " + path,
                ""));
    }

    /** An engine on the workspace: secrets from {@link #SECRETS}, tokens in memory, retries that do not sleep. */
    static ConnectorRuntime.Builder engine(Path dir) {
        return ConnectorRuntime.builder().workspace(dir).secrets(SecretSource.of(SECRETS))
                .tokenStore(TokenStore.NONE).environment(Map.of())
                .retriers(executor -> new Retrier(executor, d -> { }, bound -> 0, Clock.systemUTC()));
    }

    /** The token endpoint issues {@code token}, valid for {@code expiresIn} seconds. */
    static void issue(WireMockServer server, String token, long expiresIn) {
        server.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withHeader("Content-Type",
                "application/json").withBody("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\","
                + "\"expires_in\":" + expiresIn + "}")));
    }

    /** {@code GET /api/PATH} answers {@code body} to requests bearing {@code token}. */
    static void answer(WireMockServer server, String path, String token, String body) {
        server.stubFor(get(urlPathEqualTo("/api" + path)).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

    static int tokenRequests(WireMockServer server) {
        return server.countRequestsMatching(postRequestedFor(urlEqualTo("/token")).build()).getCount();
    }
}
