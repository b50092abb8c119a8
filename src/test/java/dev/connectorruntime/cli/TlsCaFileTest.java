package dev.connectorruntime.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §2 {@code tls.ca_file}: a private CA is trusted when named, and verification is never off otherwise. */
class TlsCaFileTest {

    @TempDir
    static Path keys;

    static WireMockServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void serverWithASelfSignedCertificate() throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path store = keys.resolve("server.p12");
        keytool(keytool, "-genkeypair", "-alias", "test", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-keypass", "changeit");
        keytool(keytool, "-exportcert", "-rfc", "-alias", "test", "-keystore", store.toString(),
                "-storepass", "changeit", "-file", keys.resolve("ca.pem").toString());
        server = new WireMockServer(options().bindAddress("127.0.0.1").httpDisabled(true).dynamicHttpsPort()
                .keystorePath(store.toString()).keystorePassword("changeit").keyManagerPassword("changeit")
                .keystoreType("PKCS12"));
        server.start();
        server.stubFor(get("/hello").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"tls\":true}")));
    }

    private static void keytool(String... args) throws Exception {
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void action() {
        TestWorkspace.write(dir, "actions/hello.yaml", "name: hello\nconnector: api\nrequest:\n  method: GET\n"
                + "  path: /hello\n");
    }

    void connector(String tls) {
        TestWorkspace.write(dir, "connectors/api.yaml", "name: api\nbase_url: https://127.0.0.1:" + server.httpsPort()
                + "\nauth:\n  type: none\n" + tls);
    }

    @Test
    void runWhenTheCaFileNamesTheServersIssuerThenTheConnectionIsTrusted() {
        connector("tls:\n  ca_file: " + keys.resolve("ca.pem") + "\n");

        Cli.Result r = Cli.run(dir, Map.of(), "run", "hello");

        assertThat(r).isEqualTo(new Cli.Result(0, "{\"tls\":true}\n", ""));
    }

    @Test
    void runWhenTheServersCertificateIsUnknownThenExits6AtOnceNamingTheFix() {
        connector("");

        Cli.Result r = Cli.run(dir, Map.of(), "run", "hello");

        assertThat(r.exitCode()).isEqualTo(6);
        assertThat(r.err()).startsWith("error: TLS with 127.0.0.1:" + server.httpsPort() + " failed: ")
                .endsWith("  hint: the server's certificate is not trusted: for a private CA set `tls.ca_file`\n")
                .doesNotContain("after 3 attempts");
        assertThat(server.getAllServeEvents()).isEmpty();
    }
}
