package dev.connectorruntime.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.secret.Redactor;
import dev.connectorruntime.model.Request.Method;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §2: HTTPS_PROXY, HTTP_PROXY and NO_PROXY from the environment the runtime was given. */
class ProxiesTest {

    @RegisterExtension
    static final WireMockExtension proxy = TestServers.loopback();

    private static final Map<String, String> BOTH = Map.of("HTTPS_PROXY", "http://proxy.corp:3128",
            "HTTP_PROXY", "plain.corp:8080");

    @Test
    void selectWhenNoProxyVariableThenEveryConnectionIsDirect() {
        Proxies p = Proxies.fromEnvironment(Map.of("PATH", "/bin"));

        assertThat(p.select(URI.create("https://api.example.com/x"))).containsExactly(Proxy.NO_PROXY);
        assertThat(p.describe(URI.create("http://127.0.0.1:8080/x"))).isNull();
    }

    @Test
    void selectWhenProxiesAreSetThenEachSchemeUsesItsOwnAndAPortDefaultsTo80() {
        Proxies p = Proxies.fromEnvironment(BOTH);

        assertThat(p.describe(URI.create("https://api.example.com/x"))).isEqualTo("proxy.corp:3128");
        assertThat(p.describe(URI.create("http://api.example.com/x"))).isEqualTo("plain.corp:8080");
        assertThat(Proxies.fromEnvironment(Map.of("https_proxy", "http://proxy.corp"))
                .describe(URI.create("https://api.example.com/"))).isEqualTo("proxy.corp:80");
    }

    @Test
    void selectWhenBothCasesAreSetThenUpperCaseWins() {
        Proxies p = Proxies.fromEnvironment(Map.of("HTTPS_PROXY", "http://upper:1", "https_proxy", "http://lower:2"));

        assertThat(p.describe(URI.create("https://api.example.com/"))).isEqualTo("upper:1");
    }

    @ParameterizedTest(name = "NO_PROXY={0}: {1} direct={2}")
    @CsvSource(delimiter = '|', value = {
        "*                         | https://api.example.com/        | true",
        "example.com               | https://api.example.com/        | true",
        "example.com               | https://example.com/            | true",
        ".example.com              | https://example.com/            | true",
        "*.example.com             | https://deep.api.example.com/   | true",
        "example.com               | https://badexample.com/         | false",
        "example.com               | https://example.com.evil.net/   | false",
        "'corp.local, example.com' | https://API.Example.COM/        | true",
        "'corp.local example.com'  | https://api.example.com/        | true",
        "example.com:8443          | https://api.example.com:8443/   | true",
        "example.com:8443          | https://api.example.com/        | false",
        "example.com:443           | https://api.example.com/        | true",
        "10.0.0.0/8                | https://10.20.30.40/            | true",
        "10.0.0.0/8                | https://11.0.0.1/               | false",
        "192.168.1.7               | https://192.168.1.7:9443/       | true",
        "'[2001:db8::1]:443'       | https://[2001:db8::1]/          | true",
        "2001:db8::/32             | https://[2001:db8:0:1::5]/      | true",
        "other.org                 | https://api.example.com/        | false",
        "999.1.1.1                 | https://api.example.com/        | false",
    })
    void selectWhenNoProxyListsTheHostThenDirect(String noProxy, String url, boolean direct) {
        Proxies p = Proxies.fromEnvironment(Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "NO_PROXY", noProxy));

        assertThat(p.describe(URI.create(url))).isEqualTo(direct ? null : "proxy.corp:3128");
    }

    @ParameterizedTest
    @CsvSource({"http://127.0.0.1:8080/x", "http://localhost/x", "http://[::1]:9/x", "https://127.0.0.2/x"})
    void selectWhenTheHostIsLoopbackThenDirectUnlessAsked(String url) {
        assertThat(Proxies.fromEnvironment(BOTH).describe(URI.create(url))).isNull();
        Map<String, String> asked = new java.util.HashMap<>(BOTH);
        asked.put(Proxies.PROXY_LOOPBACK, "1");
        assertThat(Proxies.fromEnvironment(asked).describe(URI.create(url))).isNotNull();
    }

    @Test
    void selectWhenInACgiEnvironmentThenUpperCaseHttpProxyIsIgnored() {
        Proxies p = Proxies.fromEnvironment(Map.of("REQUEST_METHOD", "GET", "HTTP_PROXY", "http://attacker:80"));

        assertThat(p.describe(URI.create("http://api.example.com/"))).isNull();
    }

    @Test
    void fromEnvironmentWhenTheProxyIsNotHttpThenUsageErrorNamingTheVariableNotItsValue() {
        Failure f = catchThrowableOfType(Failure.class,
                () -> Proxies.fromEnvironment(Map.of("HTTPS_PROXY", "socks5://user:hunter2-pass@proxy:1080")));

        assertThat(f.kind()).isEqualTo(Kind.USAGE);
        assertThat(f.getMessage()).isEqualTo("the environment variable HTTPS_PROXY names a socks5:// proxy; only"
                + " http:// proxies are supported");
        assertThat(f.getMessage() + f.hint()).doesNotContain("hunter2-pass");
    }

    @Test
    void secretsWhenTheProxyUrlsHaveCredentialsThenThePasswordAndTheUserInfoAndNothingElse() {
        Proxies p = Proxies.fromEnvironment(Map.of("HTTPS_PROXY", "http://ada:s3cr%40t@proxy.corp:3128",
                "HTTP_PROXY", "plain.corp:8080"));

        assertThat(p.secrets()).containsExactlyInAnyOrder("s3cr@t", "ada:s3cr%40t");
        assertThat(Proxies.fromEnvironment(BOTH).secrets()).isEmpty();
    }

    @Test
    void fromEnvironmentWhenTheProxyIsNotAUrlThenUsageError() {
        Failure f = catchThrowableOfType(Failure.class,
                () -> Proxies.fromEnvironment(Map.of("HTTP_PROXY", "http://")));

        assertThat(f.getMessage()).isEqualTo("the environment variable HTTP_PROXY is not a proxy URL");
        assertThat(f.hint()).isEqualTo("write it as http://host:port (or http://user:password@host:port)");
    }

    private HttpExecutor through(Map<String, String> env) {
        return new HttpExecutor(null, Proxies.fromEnvironment(env));
    }

    @Test
    void sendWhenHttpProxyIsSetThenThePlainHttpRequestGoesThroughItInAbsoluteForm() throws Exception {
        proxy.stubFor(get(urlEqualTo("/v1/things?q=a%20b")).withHost(equalTo("api.example.test"))
                .willReturn(aResponse().withStatus(200).withBody("via proxy")));

        try (HttpExecutor executor = through(Map.of("HTTP_PROXY", TestServers.origin(proxy)))) {
            HttpResult r = executor.send(HttpCall.builder(Method.GET, URI.create("http://api.example.test/v1/things?q=a%20b"))
                    .header("Accept", "text/plain").build(), Duration.ofSeconds(5), 1024, CallContext.NONE);

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("via proxy");
        }
        List<LoggedRequest> seen = proxy.findAll(getRequestedFor(urlEqualTo("/v1/things?q=a%20b")));
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).getAbsoluteUrl()).isEqualTo("http://api.example.test/v1/things?q=a%20b");
        assertThat(seen.get(0).getHeader("Accept")).isEqualTo("text/plain");
    }

    @Test
    void sendWhenTheHostIsInNoProxyThenTheProxyNeverSeesIt() throws Exception {
        try (HttpExecutor executor = through(Map.of("HTTP_PROXY", TestServers.origin(proxy),
                "NO_PROXY", "example.test"))) {
            catchThrowableOfType(Exception.class, () -> executor.send(
                    HttpCall.builder(Method.GET, URI.create("http://api.example.test/v1/things")).build(),
                    Duration.ofSeconds(5), 1024, CallContext.NONE));
        }
        assertThat(proxy.getAllServeEvents()).isEmpty();
    }

    @Test
    void sendWhenTheProxyUrlHasCredentialsThenTheyAnswerItsChallenge() throws Exception {
        String expected = "Basic " + Base64.getEncoder().encodeToString("ada:p%ss w0rd".getBytes(StandardCharsets.UTF_8));
        proxy.stubFor(get("/x").withHeader("Proxy-Authorization", absent()).willReturn(aResponse().withStatus(407)
                .withHeader("Proxy-Authenticate", "Basic realm=\"corp\"")));
        proxy.stubFor(get("/x").withHeader("Proxy-Authorization", equalTo(expected))
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        String url = "http://ada:p%25ss%20w0rd@127.0.0.1:" + proxy.getPort();
        Proxies proxies = Proxies.fromEnvironment(Map.of("HTTP_PROXY", url));

        try (HttpExecutor executor = new HttpExecutor(null, proxies)) {
            HttpResult r = executor.send(HttpCall.builder(Method.GET, URI.create("http://api.example.test/x")).build(),
                    Duration.ofSeconds(5), 1024, CallContext.NONE);

            assertThat(r.status()).isEqualTo(200);
        }
        Redactor redactor = new Redactor();
        proxies.secrets().forEach(redactor::register);
        assertThat(redactor.redact("p%ss w0rd")).isEqualTo(Redactor.MASK);
        assertThat(redactor.redact(url)).doesNotContain("ada:p%25ss%20w0rd");
    }
}
