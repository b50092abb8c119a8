package dev.connectorruntime.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** TLS set up on the first https connection only, and then exactly as the JDK's defaults would have it. */
class DeferredTlsTest {

    @RegisterExtension
    static WireMockExtension plain = TestServers.loopback();

    @TempDir
    static Path keys;

    static WireMockServer forLoopback;
    static WireMockServer forAnotherName;
    static TestCertificate loopbackCert;
    static TestCertificate otherCert;

    @BeforeAll
    static void servers() throws Exception {
        loopbackCert = TestCertificate.create(Files.createDirectory(keys.resolve("loopback")), "ip:127.0.0.1");
        otherCert = TestCertificate.create(Files.createDirectory(keys.resolve("other")), "dns:other.example");
        forLoopback = https(loopbackCert);
        forAnotherName = https(otherCert);
    }

    private static WireMockServer https(TestCertificate cert) {
        WireMockServer s = new WireMockServer(options().bindAddress("127.0.0.1").httpDisabled(true)
                .dynamicHttpsPort().keystorePath(cert.keystore().toString()).keystoreType("PKCS12")
                .keystorePassword(TestCertificate.PASSWORD).keyManagerPassword(TestCertificate.PASSWORD));
        s.start();
        s.stubFor(get("/hello").willReturn(aResponse().withStatus(200).withBody("hi")));
        return s;
    }

    @AfterAll
    static void stop() {
        forLoopback.stop();
        forAnotherName.stop();
    }

    /** Counts how often the real context is asked for. */
    private static final class Counting implements Supplier<SSLContext> {
        final AtomicInteger calls = new AtomicInteger();
        final Supplier<SSLContext> real;

        Counting(Supplier<SSLContext> real) {
            this.real = real;
        }

        @Override
        public SSLContext get() {
            calls.incrementAndGet();
            return real.get();
        }
    }

    private static HttpClient client(Supplier<SSLContext> real) {
        return HttpClient.newBuilder().sslContext(DeferredTls.context(real))
                .sslParameters(DeferredTls.parameters()).build();
    }

    private static HttpResponse<String> fetch(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void plainHttpNeverSetsUpTls() throws Exception {
        plain.stubFor(get("/hello").willReturn(aResponse().withStatus(200).withBody("hi")));
        Counting real = new Counting(DeferredTls::jdkDefault);
        HttpClient client = client(real);

        assertThat(fetch(client, TestServers.origin(plain) + "/hello").body()).isEqualTo("hi");
        assertThat(real.calls).hasValue(0);
    }

    @Test
    void httpsSetsUpTheRealContextOnceAndTrustsWhatItTrusts() throws Exception {
        Counting real = new Counting(() -> TrustBundle.sslContext(loopbackCert.pem()));
        HttpClient client = client(real);
        String url = "https://127.0.0.1:" + forLoopback.httpsPort() + "/hello";

        assertThat(fetch(client, url).body()).isEqualTo("hi");
        assertThat(fetch(client, url).body()).isEqualTo("hi");
        assertThat(real.calls).hasValue(1);
    }

    @Test
    void httpsStillRefusesAnUntrustedCertificate() {
        HttpClient client = client(DeferredTls::jdkDefault);
        forLoopback.resetRequests();

        assertThatThrownBy(() -> fetch(client, "https://127.0.0.1:" + forLoopback.httpsPort() + "/hello"))
                .isInstanceOf(SSLHandshakeException.class);
        assertThat(forLoopback.getAllServeEvents()).isEmpty();
    }

    @Test
    void httpsStillVerifiesTheHostName() {
        // trusted, but issued for other.example, not for 127.0.0.1
        HttpClient client = client(() -> TrustBundle.sslContext(otherCert.pem()));

        assertThatThrownBy(() -> fetch(client, "https://127.0.0.1:" + forAnotherName.httpsPort() + "/hello"))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("127.0.0.1");
        assertThat(forAnotherName.getAllServeEvents()).isEmpty();
    }

    @Test
    void theParametersKeepTheContextsDefaultProtocolsAndCipherSuites() throws Exception {
        SSLContext jdk = SSLContext.getDefault();
        SSLEngine engine = DeferredTls.context(() -> jdk).createSSLEngine("example.com", 443);
        engine.setUseClientMode(true);

        engine.setSSLParameters(DeferredTls.parameters());

        SSLParameters defaults = jdk.getDefaultSSLParameters();
        assertThat(engine.getEnabledProtocols()).containsExactly(defaults.getProtocols());
        assertThat(engine.getEnabledCipherSuites()).containsExactly(defaults.getCipherSuites());
        assertThat(engine.getSSLParameters().getNeedClientAuth()).isFalse();
    }

    @Test
    void theContextCannotBeInitialisedAgain() {
        SSLContext context = DeferredTls.context(DeferredTls::jdkDefault);

        assertThatThrownBy(() -> context.init(null, null, null))
                .hasMessage("this context is set up on first use and cannot be initialised");
    }
}
