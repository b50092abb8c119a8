package dev.connectorruntime.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.connectorruntime.http.Proxies;
import dev.connectorruntime.http.TestServers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §2: the runtime honours HTTP_PROXY and NO_PROXY of the environment it was given, WireMock as the proxy. */
class ProxyCliTest {

    @RegisterExtension
    static final WireMockExtension proxy = TestServers.loopback();

    @TempDir
    Path dir;

    int target;

    @BeforeEach
    void workspace() {
        // nothing listens on the API's own port: only the proxy can answer
        target = TestServers.closedPort();
        TestWorkspace.plainConnector(dir, "http://127.0.0.1:" + target, "headers:\n  Accept: application/json\n");
        TestWorkspace.write(dir, "actions/ping.yaml", "name: ping\nconnector: api\nrequest:\n  method: GET\n"
                + "  path: /ping\n");
        proxy.stubFor(get(urlEqualTo("/base/ping")).withHost(equalTo("127.0.0.1"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"via\":\"proxy\"}")));
    }

    @Test
    void runWhenHttpProxyIsSetAndLoopbackIsAskedForThenTheRequestGoesThroughTheProxy() {
        Cli.Result r = Cli.run(dir, Map.of("HTTP_PROXY", TestServers.origin(proxy), Proxies.PROXY_LOOPBACK, "1"),
                "run", "ping");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("{\"via\":\"proxy\"}\n");
        proxy.verify(getRequestedFor(urlEqualTo("/base/ping")).withHeader("Host", equalTo("127.0.0.1:" + target))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void runWhenTheTargetIsLoopbackThenTheProxyIsNotUsedUnlessAsked() {
        Cli.Result r = Cli.run(dir, Map.of("HTTP_PROXY", TestServers.origin(proxy)), "run", "ping");

        assertThat(r.exitCode()).isEqualTo(6);
        assertThat(r.err()).startsWith("error: connection refused by 127.0.0.1:" + target);
        assertThat(proxy.getAllServeEvents()).isEmpty();
    }

    @Test
    void runWhenNoProxyListsTheHostThenTheProxyIsNotUsed() {
        Cli.Result r = Cli.run(dir, Map.of("HTTP_PROXY", TestServers.origin(proxy), Proxies.PROXY_LOOPBACK, "1",
                "NO_PROXY", "example.com,127.0.0.0/8"), "run", "ping");

        assertThat(r.exitCode()).isEqualTo(6);
        assertThat(proxy.getAllServeEvents()).isEmpty();
    }

    @Test
    void runWhenTheProxyVariableIsNotAUrlThenExits2BeforeAnyRequest() {
        Cli.Result r = Cli.run(dir, Map.of("HTTPS_PROXY", "socks5://proxy:1080"), "run", "ping");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: the environment variable HTTPS_PROXY names a socks5:// proxy; only"
                + " http:// proxies are supported\n"
                + "  hint: https URLs still go through an http:// proxy inside a CONNECT tunnel\n");
    }
}
