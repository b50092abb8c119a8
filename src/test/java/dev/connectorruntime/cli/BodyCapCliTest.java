package dev.connectorruntime.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.connectorruntime.http.TestServers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §6: the body cap, 50 MB by default, set per connector (`max_body`) and per run (`--max-body`, which wins). */
class BodyCapCliTest {

    @RegisterExtension
    static final WireMockExtension server = TestServers.loopback();

    @TempDir
    Path dir;

    @BeforeEach
    void workspace() {
        server.stubFor(get("/big").willReturn(aResponse().withHeader("Content-Type", "text/plain")
                .withBody("x".repeat(3000))));
        TestWorkspace.write(dir, "actions/big.yaml", "name: big\nconnector: api\nrequest:\n  method: GET\n"
                + "  path: /big\n");
    }

    private void connector(String maxBody) {
        TestWorkspace.write(dir, "connectors/api.yaml", "name: api\nbase_url: " + TestServers.origin(server) + "\n"
                + (maxBody == null ? "" : "max_body: " + maxBody + "\n"));
    }

    @Test
    void connectorMaxBodyThenAnswersPastItFailWithTheCapNamed() {
        connector("2KB");

        Cli.Result r = Cli.run(dir, Map.of(), "run", "big");

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).startsWith("error: the response from 127.0.0.1:" + server.getPort()
                + " is larger than the 2 KB cap\n");
    }

    @Test
    void maxBodyOptionThenItWinsOverTheConnectors() {
        connector("2KB");

        assertThat(Cli.run(dir, Map.of(), "run", "big", "--max-body", "4KB").exitCode()).isZero();
        assertThat(Cli.run(dir, Map.of(), "run", "big", "--max-body=1000").err())
                .contains("is larger than the 1000 bytes cap");
    }

    @Test
    void badSizesThenRefusedAtTheirPlace() {
        connector("2 megs");

        Cli.Result validate = Cli.run(dir, Map.of(), "validate");
        Cli.Result option = Cli.run(dir, Map.of(), "run", "big", "--max-body", "lots");

        assertThat(validate.exitCode()).isEqualTo(3);
        assertThat(validate.out()).startsWith("connectors/api.yaml:3:11: error: `max_body` is not a size: `2 megs`\n");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("`lots` is not a size: write a whole number of bytes, or with a unit:"
                + " 64KB, 50MB, 1GB (at most 2GB)");
    }
}
