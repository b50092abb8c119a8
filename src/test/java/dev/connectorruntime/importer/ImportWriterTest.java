package dev.connectorruntime.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportWriterTest {

    @TempDir
    Path dir;

    private static Draft draft(String baseUrl) {
        Report report = new Report();
        ConnectorDraft c = new ConnectorDraft("example", "Example API", baseUrl,
                new AuthDraft.Bearer(ImportNames.placeholder("example", "token")),
                new LinkedHashMap<>(Map.of("Accept", "application/json")), "curl command line");
        ObjectNode body = Json.object();
        body.put("name", "{{name}}");
        body.put("pageNumber", "{{page_number}}");
        ActionDraft a = new ActionDraft("create-user", "Create a user", "example",
                List.of(InputDraft.of("name", "name", "string", true, null),
                        InputDraft.of("page_number", "pageNumber", "integer", true, IntNode.valueOf(2)),
                        InputDraft.of("id", "id", "string", true, Json.nodes().textNode("007"))),
                new RequestDraft("POST", "/users/{{id}}", Map.of(), ordered("Accept", "application/json",
                        "Content-Length", "3", "X-Trace", "yes: no"), new BodyDraft.Json(body)),
                List.of(), "curl command line");
        return new Draft(List.of(c), List.of(a), report);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static ImportWriter.Options options(Path out, boolean force) {
        return new ImportWriter.Options(out, null, force, false, false, "runtime import curl");
    }

    private static ObjectNode example(String name, int status) {
        ObjectNode e = Json.object().put("name", name);
        e.putObject("response").put("status", status).putObject("body").put("ok", status < 300);
        return e;
    }

    @Test
    void anExampleWhoseOnlyResponseTheRuntimeRetriesIsDroppedAndReported() throws Exception {
        Report report = new Report();
        ConnectorDraft c = new ConnectorDraft("example", null, "https://api.example.com", null, Map.of(), "x");
        ActionDraft a = new ActionDraft("get-status", null, "example", List.of(),
                new RequestDraft("GET", "/status", Map.of(), Map.of(), null),
                List.of(example("OK", 200), example("Too Many Requests", 429), example("Not Found", 404)), "x");

        ImportWriter.write(new Draft(List.of(c), List.of(a), report), options(dir, false));

        assertThat(Files.readString(dir.resolve("actions/get-status.yaml"))).contains("name: OK", "name: Not Found")
                .doesNotContain("Too Many Requests");
        assertThat(report.items()).extracting(Report.Item::line).contains("dropped: example \"Too Many Requests\" of"
                + " action get-status (the runtime retries a 429, so one response cannot be played: write `responses:`"
                + " with one per attempt by hand)");
    }

    @Test
    void anExampleWhoseInputsFailTheActionsChecksIsDroppedAndTheRestIsWritten() throws Exception {
        Report report = new Report();
        ConnectorDraft c = new ConnectorDraft("example", null, "https://api.example.com", null, Map.of(), "x");
        ObjectNode bad = example("bad", 200);
        bad.putObject("inputs").put("id", "not a number");
        ObjectNode good = example("good", 200);
        good.putObject("inputs").put("id", 7);
        ActionDraft a = new ActionDraft("get-thing", null, "example",
                List.of(InputDraft.of("id", "id", "integer", true, null)),
                new RequestDraft("GET", "/things/{{id}}", Map.of(), Map.of(), null), List.of(bad, good), "x");

        ImportWriter.write(new Draft(List.of(c), List.of(a), report), options(dir, false));

        assertThat(Files.readString(dir.resolve("actions/get-thing.yaml"))).contains("name: good")
                .doesNotContain("name: bad");
        assertThat(report.items()).extracting(Report.Item::line)
                .anyMatch(l -> l.startsWith("dropped: example \"bad\" of action get-thing (its inputs fail the"
                        + " action's checks: input `id`"));
    }

    @Test
    void ofTheWorkspaceConnectorsWithTheSameBaseUrlTheOneWithTheSameAuthIsUsed() throws Exception {
        Files.createDirectories(dir.resolve("connectors"));
        Files.writeString(dir.resolve("connectors/api-basic.yaml"), "name: api-basic\nbase_url: https://api.example.com\n"
                + "auth: {type: basic, username: \"<<u>>\", password: \"<<p>>\"}\n");
        Files.writeString(dir.resolve("connectors/api-bearer.yaml"), "name: api-bearer\nbase_url: https://api.example.com\n"
                + "auth: {type: bearer, token: \"<<t>>\"}\n");

        ImportWriter.Result r = ImportWriter.write(draft("https://api.example.com"), options(dir, false));

        assertThat(r.connectors()).isZero();
        assertThat(Files.readString(dir.resolve("actions/create-user.yaml"))).contains("connector: api-bearer\n");
    }

    @Test
    void writeFitsDraftsToValidateAndNamesTheSource() throws Exception {
        Draft d = draft("http://api.example.com/v1/");
        ImportWriter.Result result = ImportWriter.write(d, options(dir, false));

        assertThat(result.warnings()).isEmpty();
        assertThat(result.files()).extracting(ImportWriter.File::path)
                .containsExactly("connectors/example.yaml", "actions/create-user.yaml", ".env.example");
        assertThat(Files.readString(dir.resolve("connectors/example.yaml"))).isEqualTo("""
                # yaml-language-server: $schema=../schema/connector.schema.json
                # Imported by `runtime import curl` from curl command line. Review it before use.
                name: example
                description: Example API
                base_url: https://api.example.com/v1
                auth:
                  type: bearer
                  token: <<example_token>>
                headers:
                  Accept: application/json
                """);
        assertThat(Files.readString(dir.resolve("actions/create-user.yaml"))).isEqualTo("""
                # yaml-language-server: $schema=../schema/action.schema.json
                # Imported by `runtime import curl` from curl command line. Review it before use.
                name: create-user
                description: Create a user
                connector: example
                inputs:
                  name:
                    type: string
                    required: true
                  page_number:
                    type: integer
                    default: 2
                  id:
                    type: string
                    default: "007"
                request:
                  method: POST
                  path: "/users/{{id}}"
                  headers:
                    X-Trace: "yes: no"
                  json:
                    name: "{{name}}"
                    pageNumber: "{{page_number}}"
                """);
        assertThat(Files.readString(dir.resolve(".env.example"))).isEqualTo("""
                # Secrets the imported connectors read: copy to .env, fill in, never commit .env.
                EXAMPLE_TOKEN=
                """);
        assertThat(d.report().items()).extracting(Report.Item::line).containsExactly(
                "approximated: base URL of connector example http://api.example.com/v1/ (written as"
                        + " https://api.example.com/v1/: plain http is allowed only on a loopback address)",
                "dropped: header Accept of action create-user (connector example sends it)",
                "dropped: header Content-Length of action create-user (the HTTP client sets it)");
    }

    @Test
    void writeWithoutForceOverExistingFilesStopsNamingThemAndWritesNothing() throws Exception {
        ImportWriter.write(draft("https://api.example.com"), options(dir, false));
        Files.delete(dir.resolve(".env.example"));

        assertThatThrownBy(() -> ImportWriter.write(draft("https://api.example.com"), options(dir, false)))
                .isInstanceOfSatisfying(Failure.class, f -> {
                    assertThat(f.code()).isEqualTo(Code.IMPORT_CONFLICT);
                    // the connector of the same base URL is the workspace's now: used, not overwritten
                    assertThat(f.getMessage()).isEqualTo("import would overwrite "
                            + dir.resolve("actions/create-user.yaml"));
                    assertThat(f.hint()).isEqualTo("pass --force to replace it, or --out DIR to write elsewhere");
                });
        assertThat(dir.resolve(".env.example")).doesNotExist();
    }

    @Test
    void reimportWithForceWritesByteIdenticalFiles() throws Exception {
        ImportWriter.write(draft("https://api.example.com"), options(dir, false));
        byte[] connector = Files.readAllBytes(dir.resolve("connectors/example.yaml"));
        byte[] action = Files.readAllBytes(dir.resolve("actions/create-user.yaml"));
        byte[] env = Files.readAllBytes(dir.resolve(".env.example"));

        ImportWriter.write(draft("https://api.example.com"), options(dir, true));

        assertThat(Files.readAllBytes(dir.resolve("connectors/example.yaml"))).isEqualTo(connector);
        assertThat(Files.readAllBytes(dir.resolve("actions/create-user.yaml"))).isEqualTo(action);
        assertThat(Files.readAllBytes(dir.resolve(".env.example"))).isEqualTo(env);
    }

    @Test
    void strictWithAnApproximationWritesNothingAndFailsWithExit3() {
        assertThatThrownBy(() -> ImportWriter.write(draft("http://api.example.com"),
                new ImportWriter.Options(dir, null, false, false, true, "runtime import curl")))
                .isInstanceOfSatisfying(Failure.class, f -> {
                    assertThat(f.code()).isEqualTo(Code.IMPORT_LOSSY);
                    assertThat(f.getMessage()).isEqualTo("nothing was written: 1 approximated, 2 dropped");
                });
        assertThat(dir.resolve("connectors")).doesNotExist();
    }

    @Test
    void aWorkspaceConnectorWithTheSameBaseUrlIsUsedAndKept() throws Exception {
        Files.createDirectories(dir.resolve("connectors"));
        Files.writeString(dir.resolve("connectors/mine.yaml"), "name: mine\nbase_url: https://api.example.com/\n"
                + "auth: {type: bearer, token: \"<<mine_token>>\"}\n");
        Draft d = draft("https://api.example.com");

        ImportWriter.Result result = ImportWriter.write(d, options(dir, false));

        assertThat(result.files()).extracting(ImportWriter.File::path).containsExactly("actions/create-user.yaml");
        assertThat(Files.readString(dir.resolve("actions/create-user.yaml"))).contains("connector: mine\n")
                .contains("  headers:\n    Accept: application/json\n");
        assertThat(d.report().items().get(0).line()).isEqualTo("carried: connector example as the workspace's"
                + " connector mine (same base URL), kept as it is; its auth stands for the source's");
    }
}
