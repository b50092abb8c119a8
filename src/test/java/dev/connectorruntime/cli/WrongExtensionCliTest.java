package dev.connectorruntime.cli;

import static dev.connectorruntime.cli.RunSandboxTest.seed;
import static dev.connectorruntime.cli.RunSandboxTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A definition saved as {@code .yml} (or {@code .YAML}) is never read: every command that would miss it says so. */
class WrongExtensionCliTest {

    @TempDir
    Path dir;

    @BeforeEach
    void workspace() throws IOException {
        write(dir, "connectors/salesforce.yaml", seed("connectors", "salesforce"));
        write(dir, "actions/list-contacts.yaml", seed("actions", "list-contacts"));
        write(dir, "actions/extra.yml", seed("actions", "list-contacts").replace("name: list-contacts", "name: extra"));
        write(dir, "connectors/other.YAML", seed("connectors", "salesforce").replace("name: salesforce", "name: other"));
        write(dir, "actions/notes.txt", "not a definition");
    }

    @Test
    void validateReportsEachAsAnErrorInsteadOfSkippingIt() {
        Cli.Result r = Cli.run(dir, Map.of(), "validate");

        assertThat(r).isEqualTo(new Cli.Result(3, """
                actions/extra.yml: error: `.yml` is not read: definitions end in `.yaml`
                  hint: rename it to extra.yaml
                connectors/other.YAML: error: `.YAML` is not read: definitions end in `.yaml`
                  hint: rename it to other.yaml
                """, "checked 2 files: 2 errors, 0 warnings\n"));
    }

    @Test
    void validateOfTheFileNamedReportsIt() {
        Cli.Result r = Cli.run(dir, Map.of(), "validate", "actions/extra.yml", "--format", "json");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).isEqualTo("[{\"file\":\"actions/extra.yml\",\"line\":0,\"column\":0,\"severity\":\"error\","
                + "\"code\":\"wrong-extension\",\"message\":\"`.yml` is not read: definitions end in `.yaml`\","
                + "\"hint\":\"rename it to extra.yaml\"}]\n");
    }

    @Test
    void validateOfTheFolderReportsIt() {
        Cli.Result r = Cli.run(dir, Map.of(), "validate", "actions");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).startsWith("actions/extra.yml: error: `.yml` is not read");
        assertThat(r.err()).isEqualTo("checked 1 file: 1 error, 0 warnings\n");
    }

    @Test
    void runOfTheActionSaysWhyItIsUnknown() {
        Cli.Result r = Cli.run(dir, Map.of(), "run", "extra");

        assertThat(r).isEqualTo(new Cli.Result(2, "", "error: unknown action `extra`\n"
                + "  hint: actions/extra.yml is not read: rename it to extra.yaml\n"));
    }

    @Test
    void listNotesIt() {
        Cli.Result r = Cli.run(dir, Map.of(), "list");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEqualTo("note: actions/extra.yml is not read: rename it to extra.yaml\n"
                + "note: connectors/other.YAML is not read: rename it to other.yaml\n");
    }
}
