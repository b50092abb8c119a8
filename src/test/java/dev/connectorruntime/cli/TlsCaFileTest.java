package dev.connectorruntime.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.connectorruntime.http.TestCertificate;
import java.nio.file.Path;
import java.util.Map;
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
    static void serverWithASelfSignedCertificate() {
        TestCertificate cert = TestCertificate.create(keys, "ip:127.0.0.1,dns:localhost");
        server = new WireMockServer(options().bindAddress("127.0.0.1").httpDisabled(true).dynamicHttpsPort()
                .keystorePath(cert.keystore().toString()).keystorePassword(TestCertificate.PASSWORD)
                .keyManagerPassword(TestCertificate.PASSWORD).keystoreType("PKCS12"));
        server.start();
        server.stubFor(get("/hello").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"tls\":true}")));
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
