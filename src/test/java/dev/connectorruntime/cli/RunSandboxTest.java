package dev.connectorruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run ACTION --sandbox [--example NAME]}: the whole path against the sandbox, no credentials, no network. */
class RunSandboxTest {

    static final Path REPO = Path.of("").toAbsolutePath();

    @TempDir
    Path dir;

    static void write(Path dir, String file, String text) throws IOException {
        Files.createDirectories(dir.resolve(file).getParent());
        Files.writeString(dir.resolve(file), text);
    }

    static String seed(String kind, String name) throws IOException {
        return Files.readString(REPO.resolve(kind).resolve(name + ".yaml"));
    }

    @Test
    void runListContactsInTheSandboxWithNoEnvironmentPrintsTheFirstExamplesNames() {
        Cli.Result r = Cli.run(REPO, Map.of(), "run", "list-contacts", "--sandbox");

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("[\"Ada Lovelace\",\"Alan Turing\"]\n");
    }

    @Test
    void runWithExamplePlaysThatExample() {
        Cli.Result r = Cli.run(REPO, Map.of(), "run", "list-accounts", "--sandbox", "--example", "two pages");

        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("[{\"id\":\"001RO000003lqWXYAY\",\"name\":\"Babbage Capital\",\"industry\":\"Banking\"},"
                + "{\"id\":\"001RO000003lqWYYAY\",\"name\":\"Difference Engine Bank\",\"industry\":\"Banking\"},"
                + "{\"id\":\"001RO000003lqWZYAY\",\"name\":\"Lovelace Savings & Loan\",\"industry\":\"Banking\"}]\n");
    }

    @Test
    void runWhenTheExampleIsUnknownThenExits2WithDidYouMean() {
        Cli.Result r = Cli.run(REPO, Map.of(), "run", "list-contacts", "--sandbox", "--example", "two contact");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: `list-contacts` has no example `two contact`\n"
                + "  hint: did you mean `two contacts`?\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void runWhenTheExampleIsFarFromAnyThenListsThem() {
        Cli.Result r = Cli.run(REPO, Map.of(), "run", "get-contact", "--sandbox", "--example", "deleted");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: `get-contact` has no example `deleted`\n"
                + "  hint: its examples are: `one contact`, `no such contact`\n");
    }

    @Test
    void runWhenTheActionHasNoExamplesThenExits2SayingSo() throws IOException {
        write(dir, "connectors/salesforce.yaml", seed("connectors", "salesforce"));
        write(dir, "actions/list-contacts.yaml", seed("actions", "list-contacts").replaceAll("(?s)examples:.*", ""));

        Cli.Result r = Cli.run(dir, Map.of(), "run", "list-contacts", "--sandbox");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: `list-contacts` has no examples to run in the sandbox\n"
                + "  hint: add `examples:` to actions/list-contacts.yaml (see docs/sandbox.md), or run it without"
                + " --sandbox\n");
    }

    @Test
    void runWithExampleButWithoutSandboxIsAUsageError() {
        Cli.Result r = Cli.run(REPO, Map.of(), "run", "list-contacts", "--example", "two contacts");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: --example plays an example in the sandbox: add --sandbox\n");
    }

    @Test
    void runWhenInputsMakeARequestOtherThanTheExamplesThenTheSandboxRefusesSayingWhatDiffered() {
        Cli.Result r = Cli.run(REPO, Map.of(), "run", "search-artists", "--sandbox", "-i", "limit=3");

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).startsWith("error: the API answered 400: sandbox: the request differs from example"
                + " `nina simone`: query limit: expected `2`, got `3`\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void runWhenTheExampleDocumentsAnErrorThenFailsAsTheApiWould() {
        Cli.Result r = Cli.run(REPO, Map.of(), "run", "get-contact", "--sandbox", "--example", "no such contact");

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).isEqualTo("error: the API answered 404: NOT_FOUND: The requested resource does not exist\n"
                + "  response: [{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]\n"
                + "  hint: check the action's path and the values of its path inputs\n");
    }

    @Test
    void runIgnoresTheUsersSecretsAndNeverReachesTheirOrg() throws IOException {
        write(dir, "connectors/salesforce.yaml", seed("connectors", "salesforce"));
        write(dir, "actions/list-contacts.yaml", seed("actions", "list-contacts"));
        write(dir, ".env", "SALESFORCE_LOGIN_HOST=203.0.113.1:9\nSALESFORCE_PASSWORD=real-password\n");

        Cli.Result r = Cli.run(dir, Map.of("SALESFORCE_CONSUMER_KEY", "3MVG9.real-key",
                "SALESFORCE_LOGIN_HOST", "203.0.113.1:9"), "run", "list-contacts", "--sandbox");

        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("[\"Ada Lovelace\",\"Alan Turing\"]\n");
    }

    @Test
    void runFollowsAnAbsoluteNextRecordsUrlMovedToTheSandbox() throws IOException {
        write(dir, "connectors/salesforce.yaml", seed("connectors", "salesforce"));
        write(dir, "actions/list-contacts.yaml", seed("actions", "list-contacts").replaceAll("(?s)examples:.*", """
                examples:
                  - name: absolute next page
                    responses:
                      - body:
                          totalSize: 2
                          done: false
                          nextRecordsUrl: https://na1.salesforce.com/services/data/v58.0/query/01gRO0000016PIAYA2-1
                          records: [ { Name: Ada Lovelace } ]
                      - body: { totalSize: 2, done: true, records: [ { Name: Grace Hopper } ] }
                """));

        Cli.Result r = Cli.run(dir, Map.of(), "run", "list-contacts", "--sandbox");

        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("[\"Ada Lovelace\",\"Grace Hopper\"]\n");
    }

    @Test
    void runInTheSandboxWritesNothingToTheTokenCacheAndKeepsItsStampsWhereTheUserSaid() throws IOException {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path xdg = Files.createDirectories(dir.resolve("xdg"));

        Cli.Result r = Cli.run(REPO, Map.of("CONNECTOR_RUNTIME_CACHE_DIR", cache.toString(),
                "XDG_CACHE_HOME", xdg.toString()), "run", "list-contacts", "--sandbox");

        assertThat(r.exitCode()).isZero();
        try (Stream<Path> a = Files.list(cache); Stream<Path> b = Files.list(xdg)) {
            // only the stamps of the checks the two files passed (SPEC §9 keeps the sandbox off the token cache)
            assertThat(a).containsExactly(cache.resolve("validated"));
            assertThat(b).isEmpty();
        }
        try (Stream<Path> stamps = Files.list(cache.resolve("validated"))) {
            assertThat(stamps).hasSize(2);
        }
    }

    @Test
    void runHelpShowsTheSandboxOptions() {
        Cli.Result r = Cli.run(REPO, Map.of(), "run", "--help");

        assertThat(r.out()).contains("--sandbox", "--example=NAME", "runtime run list-contacts --sandbox");
    }
}
