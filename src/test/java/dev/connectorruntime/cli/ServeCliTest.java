package dev.connectorruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}'s refusals and exit codes (SPEC §11, §14), through the real command line. */
class ServeCliTest {

    static final Path REPO = Path.of("").toAbsolutePath();

    @Test
    void aNonLoopbackAddressWithoutAServeTokenIsRefusedWithExit2() {
        Cli.Result r = Cli.run(REPO, Map.of(), "serve", "--http", "0.0.0.0:0");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: serve --http 0.0.0.0:0 would let anyone who reaches this address act"
                + " with the connectors' credentials\n"
                + "  hint: set CONNECTOR_RUNTIME_SERVE_TOKEN to a long random value (callers send it as"
                + " `Authorization: Bearer <value>`), or listen on 127.0.0.1\n");
    }

    @Test
    void aPortThatIsTakenFailsAtOnceWithExit6NamingTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli.Result r = Cli.run(REPO, Map.of(), "serve", "--http", "127.0.0.1:" + taken.getLocalPort());

            assertThat(r.exitCode()).isEqualTo(6);
            assertThat(r.err()).startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ")
                    .contains("  hint: another program holds the port");
        }
    }

    @Test
    void aWorkspaceWithoutAnyValidActionExits3AndSaysWhy(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("actions"));
        Files.writeString(dir.resolve("actions/broken.yaml"), "name: broken\n");

        Cli.Result r = Cli.withStdin(new ByteArrayInputStream(new byte[0]), dir, Map.of(), "serve", "--mcp");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("warning: action `broken` is not served: ")
                .endsWith("error: no action can be served\n"
                        + "  hint: run `validate` to see what is wrong with the definitions\n");
    }

    @Test
    void readOnlyAndActionsNarrowWhatIsServed() {
        Cli.Result r = Cli.withStdin(new ByteArrayInputStream(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"
                + "\n").getBytes()), REPO, Map.of(), "serve", "--mcp", "--no-watch", "--read-only",
                "--actions", "list-contacts,get-contact");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("serving 2 tools over stdio (MCP)");
    }

    @Test
    void modeIsRequiredAndOneOnly() {
        Cli.Result none = Cli.run(REPO, Map.of(), "serve");
        Cli.Result both = Cli.run(REPO, Map.of(), "serve", "--mcp", "--http", "8080");

        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).startsWith("error: Missing required argument (specify one of these):"
                + " (--mcp | --http=[HOST:]PORT)");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).startsWith("error: --mcp, --http=[HOST:]PORT are mutually exclusive");
    }

    @Test
    void openapiExportWritesTheGatewaysDocumentWithTheServerAsked(@TempDir Path out) throws Exception {
        Cli.Result r = Cli.run(REPO, Map.of(), "openapi", "export", out.resolve("openapi.json").toString(),
                "--server", "https://actions.example.com", "--actions", "list-contacts,get-contact");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEqualTo("wrote " + out.resolve("openapi.json") + " (2 operations)\n");
        var doc = dev.connectorruntime.model.Json.parse(Files.readString(out.resolve("openapi.json")));
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo("https://actions.example.com");
        assertThat(doc.get("security").toString()).isEqualTo("[]");
        assertThat(doc.get("paths").has("/actions/get-contact")).isTrue();
    }

    @Test
    void openapiExportToStdoutDocumentsTheServeTokenWhenOneIsSet() throws Exception {
        Cli.Result r = Cli.run(REPO, Map.of("CONNECTOR_RUNTIME_SERVE_TOKEN", "serve-token-4f9c2a7e1b"), "openapi",
                "export", "-", "--read-only");

        assertThat(r.exitCode()).isZero();
        var doc = dev.connectorruntime.model.Json.parse(r.out());
        assertThat(doc.get("security").toString()).isEqualTo("[{\"serveToken\":[]}]");
        assertThat(doc.at("/components/securitySchemes/serveToken/scheme").asText()).isEqualTo("bearer");
        assertThat(r.out()).doesNotContain("serve-token-4f9c2a7e1b");
    }
}
