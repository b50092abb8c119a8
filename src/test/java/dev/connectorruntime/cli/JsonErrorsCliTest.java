package dev.connectorruntime.cli;

import static dev.connectorruntime.cli.RunSandboxTest.seed;
import static dev.connectorruntime.cli.RunSandboxTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --json-errors} on every failure of every command: lines picocli cannot read (the flag is then found among
 * the raw arguments), {@code validate} with errors, {@code test} with a failing example.
 */
class JsonErrorsCliTest {

    private static final String NO_ANSWER = "\"status\":null,\"api_error\":null,";

    @TempDir
    Path dir;

    @Test
    void unknownOptionIsOneJsonObjectWithTheNearestOption() {
        Cli.Result r = Cli.run(dir, Map.of(), "run", "list-contacts", "--dryrun", "--json-errors");

        assertThat(r).isEqualTo(new Cli.Result(2, "", "{\"exit_code\":2,\"kind\":\"usage\",\"code\":\"usage\","
                + NO_ANSWER + "\"message\":\"unknown option `--dryrun`\",\"hint\":\"did you mean `--dry-run`?\"}\n"));
    }

    @Test
    void unknownCommandIsOneJsonObject() {
        Cli.Result r = Cli.run(dir, Map.of(), "rn", "list-contacts", "--json-errors");

        assertThat(r).isEqualTo(new Cli.Result(2, "", "{\"exit_code\":2,\"kind\":\"usage\",\"code\":\"usage\","
                + NO_ANSWER + "\"message\":\"unknown command `rn`\",\"hint\":\"did you mean `run`?\"}\n"));
    }

    @Test
    void missingParameterIsOneJsonObject() {
        Cli.Result r = Cli.run(dir, Map.of(), "run", "--json-errors");

        assertThat(r.err()).isEqualTo("{\"exit_code\":2,\"kind\":\"usage\",\"code\":\"usage\"," + NO_ANSWER
                + "\"message\":\"Missing required parameter: 'ACTION'\",\"hint\":\"see `runtime run --help`\"}\n");
    }

    @Test
    void badOptionValueIsOneJsonObject() throws IOException {
        Cli.Result r = Cli.run(dir, Map.of(), "list", "--format", "xml", "--json-errors");

        assertThat(r.exitCode()).isEqualTo(2);
        JsonNode failure = Json.parse(r.err());
        assertThat(failure.get("code").asText()).isEqualTo("usage");
        assertThat(failure.get("message").asText()).startsWith("Invalid value for option '--format'");
    }

    @Test
    void schemaExportTakesTheFlagAndItsFailuresAreJson() throws IOException {
        Files.writeString(dir.resolve("a-file"), "");

        Cli.Result missing = Cli.run(dir, Map.of(), "schema", "export", "--json-errors");
        Cli.Result unwritable = Cli.run(dir, Map.of(), "schema", "export", "a-file/schemas", "--json-errors");

        assertThat(missing.err()).isEqualTo("{\"exit_code\":2,\"kind\":\"usage\",\"code\":\"usage\"," + NO_ANSWER
                + "\"message\":\"Missing required parameter: 'DIR'\",\"hint\":\"see `runtime schema export --help`\"}\n");
        assertThat(unwritable.exitCode()).isEqualTo(2);
        assertThat(Json.parse(unwritable.err()).get("code").asText()).isEqualTo("write-failed");
    }

    @Test
    void flagAfterDoubleDashIsAnArgumentNotTheFlag() {
        Cli.Result r = Cli.run(dir, Map.of(), "validate", "--", "--json-errors");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: " + dir.resolve("--json-errors") + " does not exist\n");
    }

    @Test
    void validateWithAnErrorWritesItsReportAndThenOneJsonObjectInsteadOfTheSummary() throws IOException {
        write(dir, "connectors/salesforce.yaml", seed("connectors", "salesforce"));
        write(dir, "actions/broken.yaml", "name: broken\nconnector: salesforce\nrequest:\n  method: GTE\n  path: /x\n");

        Cli.Result r = Cli.run(dir, Map.of(), "validate", "--format", "github", "--json-errors");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).startsWith("::error file=actions/broken.yaml,line=4,col=11,title=bad-value::");
        assertThat(r.err()).isEqualTo("{\"exit_code\":3,\"kind\":\"invalid\",\"code\":\"invalid-definitions\","
                + NO_ANSWER + "\"message\":\"checked 2 files: 1 error, 0 warnings\",\"hint\":null,"
                + "\"problems\":[{\"file\":\"actions/broken.yaml\",\"line\":4,\"column\":11,\"severity\":\"error\","
                + "\"code\":\"bad-value\",\"message\":\"`method` must be one of GET, POST, PUT, PATCH, DELETE, HEAD,"
                + " not `GTE`\",\"hint\":\"did you mean `GET`?\"}]}\n");
    }

    @Test
    void validateWithoutErrorsStillWritesItsSummary() throws IOException {
        write(dir, "connectors/salesforce.yaml", seed("connectors", "salesforce"));

        Cli.Result r = Cli.run(dir, Map.of(), "validate", "--json-errors");

        assertThat(r).isEqualTo(new Cli.Result(0, "", "checked 1 file: no problems\n"));
    }

    @Test
    void validateOfAnEmptyFolderIsOneJsonObjectWithoutTheSummary() throws IOException {
        Cli.Result r = Cli.run(dir, Map.of(), "validate", "--json-errors");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(Json.parse(r.err()).get("message").asText()).isEqualTo("no definitions found in " + dir);
    }

    @Test
    void testWithAFailingExampleEndsWithOneJsonObject() throws IOException {
        write(dir, "connectors/salesforce.yaml", seed("connectors", "salesforce"));
        write(dir, "actions/list-contacts.yaml", seed("actions", "list-contacts").replaceAll("(?s)examples:.*", "")
                + "examples:\n  - name: wrong\n    inputs: { limit: 1 }\n    response:\n"
                + "      body: { totalSize: 0, done: true, records: [] }\n    output: [ Ada ]\n");

        Cli.Result r = Cli.run(dir, Map.of(), "test", "--json-errors");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).startsWith("FAIL list-contacts › wrong\n").endsWith("0 passed, 1 failed\n");
        assertThat(r.err()).isEqualTo("{\"exit_code\":1,\"kind\":\"test\",\"code\":\"examples-failed\"," + NO_ANSWER
                + "\"message\":\"1 of 1 example failed\",\"hint\":\"stdout says what each failing example got\"}\n");
    }

    @Test
    void testWithAnInvalidActionPutsItsProblemsInTheJsonObjectNotBeforeIt() throws IOException {
        write(dir, "connectors/salesforce.yaml", seed("connectors", "salesforce"));
        write(dir, "actions/broken.yaml", "name: broken\nconnector: salesforce\nrequest: { method: GET, path: /x }\n"
                + "examples:\n  - name: typo\n    inputs: { limt: 2 }\n    response: { body: {} }\n");

        Cli.Result r = Cli.run(dir, Map.of(), "test", "--json-errors");

        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode failure = Json.parse(r.err());
        assertThat(failure.get("code").asText()).isEqualTo("examples-failed");
        assertThat(failure.get("problems").get(0).get("code").asText()).isEqualTo("example-inputs");
    }
}
