package dev.connectorruntime.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.model.Request;
import dev.connectorruntime.model.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's public API (SPEC §10): calls, metadata, the catalog, failures. */
class EngineApiTest {

    @TempDir
    Path dir;

    WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        EngineWorkspace.create(dir, server.port());
        EngineWorkspace.issue(server, "tok-api", 3600);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void callWithAJsonTreeThenReturnsTheOutputWithPagesAttemptsAndTime() throws IOException {
        Files.writeString(dir.resolve("actions/find.yaml"), String.join("\n",
                "name: find",
                "description: Finds things by name",
                "connector: api",
                "inputs:",
                "  name: { type: string, required: true }",
                "  limit: { type: integer, default: 10, maximum: 50 }",
                "request:",
                "  method: GET",
                "  path: /a",
                "  query: { q: '{{name}}', n: '{{limit}}' }",
                "output: '[].id'",
                ""));
        EngineWorkspace.answer(server, "/a", "tok-api", "[{\"id\":1},{\"id\":2}]");
        try (ConnectorRuntime runtime = EngineWorkspace.engine(dir).build()) {
            CallResult r = runtime.call(CallRequest.of("find")
                    .inputs(Json.parse("{\"name\":\"Ada Lovelace\",\"limit\":5}")).build());
            assertThat(r.json().toString()).isEqualTo("[1,2]");
            assertThat(r.pages()).isEqualTo(1);
            assertThat(r.attempts()).as("the token request and the API request").isEqualTo(2);
            assertThat(r.elapsed()).isPositive();
            assertThat(runtime.call("find", Map.of("name", "Alan", "limit", 7)).toString()).isEqualTo("[1,2]");
        }
        assertThat(server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/api/a"))).get(0).getUrl()).isEqualTo("/api/a?q=Ada%20Lovelace&n=5");
    }

    @Test
    void callWithBadInputsThenUsageFailureWithBadInputCodeAndNothingSent() throws IOException {
        Files.writeString(dir.resolve("actions/find.yaml"), String.join("\n",
                "name: find",
                "connector: api",
                "inputs:",
                "  limit: { type: integer, maximum: 50 }",
                "request:",
                "  method: GET",
                "  path: /a",
                ""));
        try (ConnectorRuntime runtime = EngineWorkspace.engine(dir).build()) {
            Failure f = catchThrowableOfType(Failure.class, () -> runtime.call("find", Map.of("limit", 99)));
            assertThat(f.kind()).isEqualTo(Kind.USAGE);
            assertThat(f.exitCode()).isEqualTo(2);
            assertThat(f.getMessage()).contains("limit");
        }
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void unknownActionThenUsageFailureNamingIt() {
        try (ConnectorRuntime runtime = EngineWorkspace.engine(dir).build()) {
            Failure f = catchThrowableOfType(Failure.class, () -> runtime.call("list-c", Map.of()));
            assertThat(f.kind()).isEqualTo(Kind.USAGE);
            assertThat(f.getMessage()).isEqualTo("unknown action `list-c`");
        }
    }

    @Test
    void catalogListsTheActionsThatCheckWithTheirInputSchemasAndTheOthersWithWhy() throws IOException {
        Files.writeString(dir.resolve("actions/broken.yaml"), "name: broken\nconnector: api\nrequest: {}\n");
        try (ConnectorRuntime runtime = EngineWorkspace.engine(dir).build()) {
            List<ActionInfo> actions = runtime.actions();
            assertThat(actions).extracting(ActionInfo::name).containsExactly("list-a", "list-b");
            ActionInfo a = runtime.action("list-a");
            assertThat(a.connector()).isEqualTo("api");
            assertThat(a.method()).isEqualTo(Request.Method.GET);
            assertThat(a.path()).isEqualTo("/a");
            assertThat(a.inputSchema().toString())
                    .isEqualTo("{\"type\":\"object\",\"properties\":{},\"required\":[],\"additionalProperties\":false}");
            assertThat(runtime.problems()).containsOnlyKeys("broken");
            assertThat(runtime.problems().get("broken").kind()).isEqualTo(Kind.INVALID);
        }
    }

    @Test
    void catalogGivesEachActionItsToolItsToolNameWhetherIdempotentAndItsConnectorsDescription() throws IOException {
        Files.writeString(dir.resolve("actions/create-a.yaml"), String.join("\n",
                "name: create-a",
                "connector: api",
                "idempotent: true",
                "request: {method: POST, path: /a}",
                "tool: {name: make_a, description: Makes an a, read_only: false, expose: false}",
                ""));
        try (ConnectorRuntime runtime = EngineWorkspace.engine(dir).build()) {
            ActionInfo created = runtime.action("create-a");
            ActionInfo listed = runtime.action("list-a");

            assertThat(created.tool()).isEqualTo(new Tool("make_a", "Makes an a", false, false));
            assertThat(created.toolName()).isEqualTo("make_a");
            assertThat(created.idempotent()).isTrue();
            assertThat(created.connectorDescription()).isEqualTo("An API on loopback");
            assertThat(listed.tool()).isSameAs(Tool.DEFAULT);
            assertThat(listed.toolName()).isEqualTo("list-a");
            assertThat(listed.idempotent()).isFalse();
        }
    }

    @Test
    void apiErrorThatEchoesTheTokenThenTheFailureCarriesItMasked() {
        server.stubFor(get(urlPathEqualTo("/api/a")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"message\":\"bad request with Bearer tok-api\",\"errorCode\":\"MALFORMED_QUERY\"}]")));
        try (ConnectorRuntime runtime = EngineWorkspace.engine(dir).build()) {
            Failure f = catchThrowableOfType(Failure.class, () -> runtime.call("list-a", Map.of()));
            assertThat(f.kind()).isEqualTo(Kind.API);
            assertThat(f.code()).isEqualTo(Code.API_ERROR);
            assertThat(f.status()).isEqualTo(400);
            assertThat(f.apiError()).doesNotContain("tok-api").contains("****");
            assertThat(f.apiErrorJson().get(0).get("errorCode").asText()).isEqualTo("MALFORMED_QUERY");
            assertThat(f.getCause()).isNull();
        }
    }

    @Test
    void missingSecretThenInvalidBeforeAnyTraffic() {
        try (ConnectorRuntime runtime = EngineWorkspace.engine(dir).secrets(SecretSource.of(Map.of())).build()) {
            Failure f = catchThrowableOfType(Failure.class, () -> runtime.call("list-a", Map.of()));
            assertThat(f.kind()).isEqualTo(Kind.INVALID);
            assertThat(f.exitCode()).isEqualTo(3);
            assertThat(f.problems()).extracting(p -> p.code().toString())
                    .containsExactly("secret-missing", "secret-missing");
        }
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void buildWithoutAWorkspaceThenSaysWhatIsMissing() {
        IllegalStateException e = catchThrowableOfType(IllegalStateException.class,
                () -> ConnectorRuntime.builder().build());
        assertThat(e).hasMessage("a ConnectorRuntime needs a workspace: builder().workspace(dir)");
    }
}
