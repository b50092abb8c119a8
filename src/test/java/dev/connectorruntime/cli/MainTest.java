package dev.connectorruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        Cli.Result r = Cli.run(dir, Map.of(), "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: runtime", "3 invalid definitions or missing secret")
                .containsPattern("\\n  run +Run one action and print its output on stdout.")
                .containsPattern("\\n  validate +Check definitions");
    }

    @Test
    void noCommandPrintsUsage() {
        Cli.Result r = Cli.run(dir, Map.of());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: runtime");
    }

    @Test
    void versionNamesTheRuntimeAndTheJava() {
        Cli.Result r = Cli.run(dir, Map.of(), "--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("connector-runtime ").contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void unknownCommandIsAUsageErrorWithASuggestion() {
        Cli.Result r = Cli.run(dir, Map.of(), "rn", "list-contacts");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: unknown command `rn`\n  hint: did you mean `run`?\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli.Result r = Cli.run(dir, Map.of(), "run", "list-contacts", "--limit", "5");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: unknown option `--limit`\n  hint: see `runtime run --help`\n");
    }

    @Test
    void unknownOptionNearAKnownOneSuggestsIt() {
        Cli.Result r = Cli.run(dir, Map.of(), "run", "list-contacts", "--dryrun");

        assertThat(r).isEqualTo(new Cli.Result(2, "",
                "error: unknown option `--dryrun`\n  hint: did you mean `--dry-run`?\n"));
    }

    @Test
    void unknownOptionWithAValueSuggestsTheOptionByItsName() {
        Cli.Result r = Cli.run(dir, Map.of(), "validate", "--formt=json");

        assertThat(r).isEqualTo(new Cli.Result(2, "",
                "error: unknown option `--formt`\n  hint: did you mean `--format`?\n"));
    }

    @Test
    void unknownShortOptionIsNotMatchedToAnotherLetter() {
        Cli.Result r = Cli.run(dir, Map.of(), "run", "list-contacts", "-x");

        assertThat(r.err()).isEqualTo("error: unknown option `-x`\n  hint: see `runtime run --help`\n");
    }

    @Test
    void runWithoutActionIsAUsageError() {
        Cli.Result r = Cli.run(dir, Map.of(), "run");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: Missing required parameter: 'ACTION'");
    }

    @Test
    void runHelpDescribesInputsAndSecrets() {
        Cli.Result r = Cli.run(dir, Map.of(), "run", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("-i, --input=NAME=VALUE", "--inputs=FILE|-", "--secrets=FILE", "--dir=DIR",
                "--json-errors", "--debug");
    }
}
