package dev.connectorruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code import curl} through the real CLI (SPEC §12): files, report, exit codes, and the dry run's round trip. */
class ImportCurlCliTest {

    private static final String LINE = """
            curl -X POST 'http://api.example.com/v1/users/42/orders?page=2&expand=items&api_key=abc123secret' \\
              -H 'Accept: application/json' -H "Content-Type: application/json" \\
              -H"X-Trace: on" -s -k -b 'session=xyz' \\
              -d '{"name":"Ada","age":36,"password":"hunter2secret","tags":["a"]}'
            """;

    @TempDir
    Path ws;

    private Cli.Result importCurl(String line, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "import";
        args[1] = "curl";
        System.arraycopy(options, 0, args, 2, options.length);
        return Cli.withStdin(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), ws,
                Map.of("SHOP_PASSWORD", "hunter2secret", "SHOP_API_KEY", "abc123secret"), args);
    }

    private static String golden(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/import/curl/golden/" + name));
    }

    @Test
    void importCurlWritesConnectorActionEnvExampleAndReportsEveryItem() throws Exception {
        Cli.Result r = importCurl(LINE);

        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).isEqualTo("""
                wrote connectors/example.yaml
                wrote actions/post-users-orders.yaml
                wrote .env.example
                """);
        assertThat(r.err()).isEqualTo(golden("report.txt"));
        assertThat(Files.readString(ws.resolve("connectors/example.yaml"))).isEqualTo(golden("example.yaml"));
        assertThat(Files.readString(ws.resolve("actions/post-users-orders.yaml")))
                .isEqualTo(golden("post-users-orders.yaml"));
        assertThat(Files.readString(ws.resolve(".env.example"))).isEqualTo("""
                # Secrets the imported connectors read: copy to .env, fill in, never commit .env.
                EXAMPLE_API_KEY=
                """);
        assertThat(Cli.run(ws, Map.of(), "validate").exitCode()).isEqualTo(0);
    }

    @Test
    void importCurlDryRunPrintsTheFilesAndWritesNothing() throws Exception {
        Cli.Result r = importCurl(LINE, "--dry-run");

        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).startsWith("# ==> connectors/example.yaml <==\n" + golden("example.yaml") + "\n"
                + "# ==> actions/post-users-orders.yaml <==\n" + golden("post-users-orders.yaml"));
        assertThat(r.err()).endsWith("dry run, nothing written: 1 connector and 1 action: 9 carried,"
                + " 2 approximated, 2 dropped\n");
        assertThat(ws.resolve("connectors")).doesNotExist();
    }

    @Test
    void importCurlOverExistingFilesWithoutForceExits2NamingThem() throws Exception {
        importCurl(LINE);
        Files.writeString(ws.resolve("connectors/example.yaml"), "name: example\nbase_url: https://other.example\n");

        Cli.Result r = importCurl(LINE);

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).endsWith("error: import would overwrite " + ws.resolve("connectors/example.yaml") + ", "
                + ws.resolve("actions/post-users-orders.yaml") + "\n"
                + "  hint: pass --force to replace them, or --out DIR to write elsewhere\n");
    }

    @Test
    void reimportingAnUnchangedLineWithForceWritesByteIdenticalFiles() throws Exception {
        importCurl(LINE);
        byte[] connector = Files.readAllBytes(ws.resolve("connectors/example.yaml"));
        byte[] action = Files.readAllBytes(ws.resolve("actions/post-users-orders.yaml"));

        Cli.Result r = importCurl(LINE, "--force");

        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(Files.readAllBytes(ws.resolve("connectors/example.yaml"))).isEqualTo(connector);
        assertThat(Files.readAllBytes(ws.resolve("actions/post-users-orders.yaml"))).isEqualTo(action);
    }

    @Test
    void strictExits3AndWritesNothingWhenSomethingWasApproximatedOrDropped() {
        Cli.Result r = importCurl(LINE, "--strict");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).endsWith("error: nothing was written: 2 approximated, 2 dropped\n"
                + "  hint: the lines above say what and why; run without --strict to write them anyway\n");
        assertThat(ws.resolve("connectors")).doesNotExist();
    }

    @Test
    void strictPassesALosslessLine() {
        Cli.Result r = importCurl("curl -s https://api.example.com/users?limit=5", "--strict");

        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.err()).isEqualTo("""
                ignored: option --silent (it does not shape the request)
                carried: query parameter limit as input limit
                imported 1 connector and 1 action: 1 carried, 0 approximated, 0 dropped
                """);
    }

    @Test
    void aLineThatIsNotCurlExits2() {
        Cli.Result r = importCurl("wget https://example.com\n");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: cannot read the curl command: the command is `wget`, not curl\n"
                + "  hint: give one curl command line, as a shell would run it\n");
    }

    @Test
    void aMethodNoActionHasExits2() {
        Cli.Result r = importCurl("curl -X OPTIONS https://api.example.com/x");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: method OPTIONS is not one an action has\n"
                + "  hint: an action's method is one of GET, POST, PUT, PATCH, DELETE, HEAD\n");
    }

    @Test
    void multipartFormsAndFilesAreReportedAsDropped() {
        Cli.Result r = importCurl("curl -F file=@photo.jpg -F name=x https://api.example.com/upload "
                + "--data-binary @body.json --cacert ca.pem");

        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.err()).contains("""
                dropped: option --form file=@photo.jpg (multipart form data and file uploads are not supported)
                dropped: option --form name=x (multipart form data and file uploads are not supported)
                dropped: option --data-binary @body.json (a body read from a file: write it into the action)
                dropped: option --cacert (set the connector's tls.ca_file to a PEM bundle)
                """);
    }

    /**
     * SPEC §7 and §12: a dry run prints curl with secrets as shell variables; fed back through {@code import curl},
     * the variables become the connector's placeholders again, the workspace's connector is recognised by its base
     * URL (path prefix included), and the action written is the one that was run, byte for byte.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "auth: {type: api_key, in: header, name: X-Api-Key, value: \"<<shop_api_key>>\"}",
        "auth: {type: basic, username: \"<<shop_username>>\", password: \"<<shop_password>>\"}",
        "auth: {type: bearer, token: \"<<shop_token>>\"}"})
    void dryRunCurlImportedBackIsTheSameAction(String auth) throws Exception {
        Files.createDirectories(ws.resolve("connectors"));
        Files.writeString(ws.resolve("connectors/shop.yaml"), "name: shop\nbase_url: https://api.shop.example/v2\n"
                + auth + "\nheaders:\n  Accept: application/json\n");
        Path action = Files.createDirectories(ws.resolve("actions")).resolve("post-customers-orders.yaml");
        Files.writeString(action, golden("post-customers-orders.yaml"));
        Cli.Result plan = Cli.run(ws, Map.of(), "run", "post-customers-orders", "--dry-run");
        assertThat(plan.exitCode()).isEqualTo(0);
        assertThat(plan.out()).contains("${SHOP_");

        Cli.Result r = importCurl(plan.out(), "--force");

        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).isEqualTo("wrote actions/post-customers-orders.yaml\n");
        assertThat(Files.readString(action)).isEqualTo(golden("post-customers-orders.yaml"));
        assertThat(ws.resolve(".env.example")).doesNotExist();
    }
}
