package dev.connectorruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void workspace() throws Exception {
        Files.createDirectories(dir.resolve("connectors"));
        Files.createDirectories(dir.resolve("actions"));
        Files.copy(Path.of("connectors/salesforce.yaml"), dir.resolve("connectors/salesforce.yaml"));
        Files.copy(Path.of("actions/list-contacts.yaml"), dir.resolve("actions/list-contacts.yaml"));
    }

    void write(String file, String content) throws Exception {
        Files.writeString(dir.resolve(file), content);
    }

    @Test
    void validateWhenTheShippedWorkspaceIsCheckedThenNoProblem() {
        Cli.Result r = Cli.run(Path.of("").toAbsolutePath(), Map.of(), "validate");

        assertThat(r.out()).isEmpty();
        assertThat(r.err()).matches("checked \\d+ files: no problems\\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void validateWhenAllIsWellInJsonThenAnEmptyList() {
        Cli.Result r = Cli.run(dir, Map.of(), "validate", "--format", "json");

        assertThat(r.out()).isEqualTo("[]\n");
        assertThat(r.err()).isEqualTo("checked 2 files: no problems\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void validateInJsonListsFileLineColumnSeverityCodeMessageAndHint() throws Exception {
        write("actions/broken.yaml", "name: broken\nconnector: salesforce\nrequest:\n  method: GTE\n  path: /x\n");

        Cli.Result r = Cli.run(dir, Map.of(), "validate", "--format", "json");

        JsonNode list = Json.parse(r.out());
        assertThat(list).hasSize(1);
        assertThat(Json.compact(list.get(0))).isEqualTo("{\"file\":\"actions/broken.yaml\",\"line\":4,\"column\":11,"
                + "\"severity\":\"error\",\"code\":\"bad-value\",\"message\":\"`method` must be one of GET, POST, PUT,"
                + " PATCH, DELETE, HEAD, not `GTE`\",\"hint\":\"did you mean `GET`?\"}");
        assertThat(r.exitCode()).isEqualTo(3);
    }

    @Test
    void validateInGithubFormatEscapesPercentAndLineBreaksSoADefinitionCannotInjectCommands() throws Exception {
        write("actions/inject.yaml", "name: inject\nconnector: salesforce\nrequest:\n  method: GET\n  path: /x\n"
                + "  \"evil%0A::set-output name=x::1\\r\\n::error::pwned\": 1\n");

        Cli.Result r = Cli.run(dir, Map.of(), "validate", "--format", "github");

        assertThat(r.out()).isEqualTo("::error file=actions/inject.yaml,line=6,col=3,title=unknown-key::"
                + "unknown key `evil%250A::set-output name=x::1\\r%0A::error::pwned` in `request`%0Ahint: expected one"
                + " of: method, path, query, headers, json, form, text\n");
        assertThat(r.out().lines()).hasSize(1);
    }

    @Test
    void validateInGithubFormatUsesWarningForWarnings() throws Exception {
        write("actions/unused.yaml", "name: unused\nconnector: salesforce\ninputs:\n  x: { type: string }\n"
                + "request:\n  method: GET\n  path: /x\n");

        Cli.Result r = Cli.run(dir, Map.of(), "validate", "--format", "github");

        assertThat(r.out()).startsWith("::warning file=actions/unused.yaml,line=4,col=6,title=unused-input::");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEqualTo("checked 3 files: 0 errors, 1 warning\n");
    }

    @Test
    void validateWhenStrictThenWarningsFail() throws Exception {
        write("actions/unused.yaml", "name: unused\nconnector: salesforce\ninputs:\n  x: { type: string }\n"
                + "request:\n  method: GET\n  path: /x\n");

        Cli.Result r = Cli.run(dir, Map.of(), "validate", "--strict");

        assertThat(r.out()).startsWith("actions/unused.yaml:4:6: error: input `x` is declared but no template uses it");
        assertThat(r.err()).isEqualTo("checked 3 files: 1 error, 0 warnings\n");
        assertThat(r.exitCode()).isEqualTo(3);
    }

    @Test
    void validateWhenFilesAreNamedThenOnlyThoseAreReported() throws Exception {
        write("actions/broken.yaml", "name: broken\nconnector: salesforce\nrequest:\n  method: GTE\n  path: /x\n");

        Cli.Result r = Cli.run(dir, Map.of(), "validate", "actions/list-contacts.yaml");

        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("checked 1 file: no problems\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void validateWhenAFileIsOutsideTheDefinitionFoldersThenSaysSo() throws Exception {
        write("notes.yaml", "name: x\n");

        Cli.Result r = Cli.run(dir, Map.of(), "validate", "notes.yaml");

        assertThat(r.out()).isEqualTo("notes.yaml: error: not a definition: the file is neither in a connectors/ nor"
                + " in an actions/ folder\n  hint: connectors live in connectors/<name>.yaml, actions in"
                + " actions/<name>.yaml\n");
        assertThat(r.exitCode()).isEqualTo(3);
    }

    @Test
    void validateWhenAPathDoesNotExistThenUsageError() {
        Cli.Result r = Cli.run(dir, Map.of(), "validate", "actions/nope.yaml");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: " + dir.resolve("actions/nope.yaml") + " does not exist\n");
    }

    @Test
    void validateWhenTheFolderHoldsNoDefinitionsThenUsageError(@TempDir Path empty) {
        Cli.Result r = Cli.run(empty, Map.of(), "validate");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("checked 0 files: no problems\nerror: no definitions found in " + empty + "\n"
                + "  hint: run in a workspace (connectors/ and actions/), pass --dir DIR, or name files\n");
    }

    @Test
    void runReportsInvalidDefinitionsTheSameWayAsValidate() throws Exception {
        write("actions/broken.yaml", "name: broken\nconnector: salesforce\nrequest:\n  method: GTE\n  path: /x\n");

        Cli.Result run = Cli.run(dir, Map.of(), "run", "broken");
        Cli.Result validate = Cli.run(dir, Map.of(), "validate");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo(validate.out() + "1 error\n");
    }
}
