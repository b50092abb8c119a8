package dev.connectorruntime.cli;

import static dev.connectorruntime.cli.RunSandboxTest.REPO;
import static dev.connectorruntime.cli.RunSandboxTest.seed;
import static dev.connectorruntime.cli.RunSandboxTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --json-errors}: a failure names its stable code (docs/errors.md) right after its kind. */
class FailureCodesCliTest {

    @TempDir
    Path dir;

    static Stream<Arguments> commandLines() {
        return Stream.of(
                failure(2, "unknown-action", "run", "list-contact"),
                failure(2, "bad-input", "run", "list-contacts", "--sandbox", "-i", "limit=many"),
                failure(2, "bad-input", "run", "list-contacts", "--sandbox", "-i", "limit=0"),
                failure(2, "bad-input", "run", "list-contacts", "--sandbox", "-i", "limt=5"),
                failure(2, "unknown-example", "run", "list-contacts", "--sandbox", "--example", "three contacts"),
                failure(2, "usage", "run", "list-contacts", "--example", "two contacts"),
                failure(2, "inputs-file", "run", "list-contacts", "--inputs", "no-such-inputs.json"),
                failure(2, "secrets-file", "run", "list-contacts", "--secrets", "no-such.env"),
                failure(2, "unknown-connector", "token", "salesforc"),
                failure(2, "usage", "token", "--show", "--clear"),
                failure(2, "usage", "validate", "no-such-file.yaml"));
    }

    private static Arguments failure(int exitCode, String code, String... args) {
        return Arguments.of(exitCode, code, List.of(args));
    }

    @ParameterizedTest(name = "{2} → {1}")
    @MethodSource("commandLines")
    void failureNamesItsCode(int exitCode, String code, List<String> args) throws IOException {
        Cli.Result r = json(REPO, args.toArray(String[]::new));

        assertThat(r.exitCode()).isEqualTo(exitCode);
        JsonNode failure = Json.parse(r.err());
        assertThat(failure.get("code").asText()).as(r.err()).isEqualTo(code);
        assertThat(failure.get("exit_code").asInt()).isEqualTo(exitCode);
    }

    @Test
    void codeStandsRightAfterKind() {
        Cli.Result r = json(REPO, "run", "list-contact");

        assertThat(r.err()).startsWith("{\"exit_code\":2,\"kind\":\"usage\",\"code\":\"unknown-action\",\"status\":null,");
    }

    @Test
    void runInTheSandboxOfAnActionWithoutExamplesIsNoExamples() throws IOException {
        write(dir, "connectors/salesforce.yaml", seed("connectors", "salesforce"));
        write(dir, "actions/list-contacts.yaml", seed("actions", "list-contacts").replaceAll("(?s)examples:.*", ""));

        Cli.Result r = json(dir, "run", "list-contacts", "--sandbox");

        assertThat(Json.parse(r.err()).get("code").asText()).isEqualTo("no-examples");
    }

    @Test
    void aBadLineOfTheSecretsFileIsSecretsFileSyntaxAndSoIsItsProblem() throws IOException {
        write(dir, "connectors/salesforce.yaml", seed("connectors", "salesforce"));
        write(dir, "actions/list-contacts.yaml", seed("actions", "list-contacts"));
        write(dir, ".env", "SALESFORCE_PASSWORD\n");

        Cli.Result r = json(dir, "run", "list-contacts");

        assertThat(r.exitCode()).isEqualTo(3);
        JsonNode failure = Json.parse(r.err());
        assertThat(failure.get("code").asText()).isEqualTo("secrets-file-syntax");
        assertThat(failure.get("problems").get(0).get("code").asText()).isEqualTo("secrets-file-syntax");
    }

    @Test
    void aJunitReportThatCannotBeWrittenIsWriteFailed() throws IOException {
        Files.writeString(dir.resolve("a-file"), "");

        Cli.Result r = Cli.run(REPO, Map.of(), "test", "list-contacts", "--junit",
                dir.resolve("a-file/report.xml").toString(), "--json-errors");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(Json.parse(r.err().substring(r.err().indexOf('{'))).get("code").asText())
                .isEqualTo("write-failed");
    }

    private static Cli.Result json(Path cwd, String... args) {
        String[] withJson = Stream.concat(Stream.of(args), Stream.of("--json-errors")).toArray(String[]::new);
        return Cli.run(cwd, Map.of(), withJson);
    }
}
