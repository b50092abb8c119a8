package dev.connectorruntime.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.model.RetryPolicy;
import dev.connectorruntime.model.Request.Method;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The executor against servers that break the connection, dribble, send too much, or redirect. */
class HttpExecutorTest {

    @RegisterExtension
    static final WireMockExtension server = TestServers.loopback();

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final long KB = 1024;

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private HttpExecutor executor;

    @BeforeEach
    void setUp() {
        executor = new HttpExecutor(null);
    }

    @AfterEach
    void tearDown() {
        executor.close();
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class,
            names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"})
    void sendWhenServerBreaksTheAnswerThenNetworkExceptionReset(Fault fault) {
        server.stubFor(get("/items").willReturn(aResponse().withFault(fault)));

        NetworkException e = catchThrowableOfType(NetworkException.class,
                () -> send(getCall("/items"), TIMEOUT, KB));

        assertThat(e.fault()).isEqualTo(NetworkException.Fault.RESET);
        assertThat(e.getMessage()).isEqualTo(
                "the connection to 127.0.0.1:" + server.getPort() + " closed before the answer was complete");
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK"})
    void retrierWhenPutIsResetEveryTimeThenFailsWithNetworkAfterThreeSends(Fault fault) {
        server.stubFor(put("/items").willReturn(aResponse().withFault(fault)));
        Retrier retrier = new Retrier(executor, sleeper, bound -> bound, Clock.systemUTC());
        HttpCall put = HttpCall.builder(Method.PUT, uri("/items")).body("{}", "application/json").build();

        Failure failure = catchThrowableOfType(Failure.class,
                () -> retrier.send(put, new SendPolicy(RetryPolicy.DEFAULT, true, false, TIMEOUT, KB),
                        CallContext.NONE));

        assertThat(failure.kind()).isEqualTo(Kind.NETWORK);
        assertThat(failure.getMessage()).isEqualTo("the connection to 127.0.0.1:" + server.getPort()
                + " closed before the answer was complete (after 3 attempts)");
        assertThat(failure.hint()).isEqualTo("the server or a proxy dropped the connection: try again");
        assertThat(sleeper.waits()).hasSize(2);
        server.verify(3, putRequestedFor(urlEqualTo("/items")));
    }

    /**
     * Pins a JDK 17 behaviour the runtime cannot switch off: when a connection closes before the first byte of
     * the answer, {@code HttpClient} takes it for a stale pooled connection and sends a GET or HEAD once more by
     * itself. Each of the retrier's 3 attempts is then 2 sends on the wire. Once the headers came (a broken
     * chunk), it does not.
     */
    @ParameterizedTest
    @CsvSource({"CONNECTION_RESET_BY_PEER, 6", "EMPTY_RESPONSE, 6", "MALFORMED_RESPONSE_CHUNK, 3"})
    void retrierWhenGetIsResetEveryTimeThenThreeAttemptsWhichTheJdkMayEachSendTwice(Fault fault, int sends) {
        server.stubFor(get("/items").willReturn(aResponse().withFault(fault)));
        Retrier retrier = new Retrier(executor, sleeper, bound -> bound, Clock.systemUTC());

        Failure failure = catchThrowableOfType(Failure.class,
                () -> retrier.send(getCall("/items"), new SendPolicy(RetryPolicy.DEFAULT, true, false, TIMEOUT, KB),
                        CallContext.NONE));

        assertThat(failure.getMessage()).endsWith(" closed before the answer was complete (after 3 attempts)");
        assertThat(sleeper.waits()).hasSize(2);
        server.verify(sends, getRequestedFor(urlEqualTo("/items")));
    }

    @Test
    void retrierWhenPostIsResetThenSendsOnce() {
        server.stubFor(post("/items").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Retrier retrier = new Retrier(executor, sleeper, bound -> bound, Clock.systemUTC());
        HttpCall post = HttpCall.builder(Method.POST, uri("/items")).body("{}", "application/json").build();

        Failure failure = catchThrowableOfType(Failure.class,
                () -> retrier.send(post, new SendPolicy(RetryPolicy.DEFAULT, false, false, TIMEOUT, KB),
                        CallContext.NONE));

        assertThat(failure.kind()).isEqualTo(Kind.NETWORK);
        assertThat(failure.getMessage()).isEqualTo(
                "the connection to 127.0.0.1:" + server.getPort() + " closed before the answer was complete");
        server.verify(1, postRequestedFor(urlEqualTo("/items")));
    }

    @Test
    void sendWhenBodyDribblesPastTheTimeoutThenTimeoutAlthoughHeadersCameAtOnce() {
        server.stubFor(get("/slow").willReturn(ok("x".repeat(100)).withChunkedDribbleDelay(10, 2000)));
        long start = System.nanoTime();

        NetworkException e = catchThrowableOfType(NetworkException.class,
                () -> send(getCall("/slow"), SHORT, KB));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(e.fault()).isEqualTo(NetworkException.Fault.TIMEOUT);
        assertThat(e.getMessage()).isEqualTo("no answer from 127.0.0.1:" + server.getPort() + " within 300ms");
        assertThat(took).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void sendWhenHeadersComeLateThenTimeout() {
        server.stubFor(get("/slow").willReturn(ok().withFixedDelay(1500)));

        NetworkException e = catchThrowableOfType(NetworkException.class,
                () -> send(getCall("/slow"), SHORT, KB));

        assertThat(e.fault()).isEqualTo(NetworkException.Fault.TIMEOUT);
    }

    @Test
    void sendWhenBodyIsLargerThanTheCapThenFailureApiNamingTheCap() {
        server.stubFor(get("/big").willReturn(ok("x".repeat(4096))));

        Failure failure = catchThrowableOfType(Failure.class, () -> send(getCall("/big"), TIMEOUT, KB));

        assertThat(failure.kind()).isEqualTo(Kind.API);
        assertThat(failure.getMessage())
                .isEqualTo("the response from 127.0.0.1:" + server.getPort() + " is larger than the 1 KB cap");
        assertThat(failure.hint()).isEqualTo("ask for less: a smaller page or a filter");
    }

    @Test
    void sendWhenChunkedBodyGrowsPastTheDefaultCapThenFailureApiInMegabytes() {
        server.stubFor(get("/big").willReturn(ok("x".repeat(2 * 1024 * 1024))));

        Failure failure = catchThrowableOfType(Failure.class,
                () -> send(getCall("/big"), TIMEOUT, 1024 * 1024));

        assertThat(failure.getMessage())
                .isEqualTo("the response from 127.0.0.1:" + server.getPort() + " is larger than the 1 MB cap");
    }

    @Test
    void retrierWhenBodyIsLargerThanTheCapThenSendsOnceAndFails() {
        server.stubFor(get("/big").willReturn(ok("x".repeat(4096))));
        Retrier retrier = new Retrier(executor, sleeper, bound -> bound, Clock.systemUTC());

        Failure failure = catchThrowableOfType(Failure.class,
                () -> retrier.send(getCall("/big"), new SendPolicy(RetryPolicy.DEFAULT, true, false, TIMEOUT, KB),
                        CallContext.NONE));

        assertThat(failure.kind()).isEqualTo(Kind.API);
        server.verify(1, getRequestedFor(urlEqualTo("/big")));
    }

    @Test
    void sendWhenBodyIsExactlyTheCapThenReturnsIt() throws Exception {
        server.stubFor(get("/fits").willReturn(ok("x".repeat(1024))));

        HttpResult result = send(getCall("/fits"), TIMEOUT, KB);

        assertThat(result.body()).hasSize(1024);
    }

    @Test
    void sendWhenPlainHttpThenHttp11WithoutAnH2cUpgrade() throws Exception {
        server.stubFor(get("/items").willReturn(ok()));

        send(getCall("/items"), TIMEOUT, KB);

        LoggedRequest received = server.findAll(getRequestedFor(urlEqualTo("/items"))).get(0);
        assertThat(received.getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(received.containsHeader("Upgrade")).isFalse();
        assertThat(received.containsHeader("HTTP2-Settings")).isFalse();
    }

    @Test
    void sendWhenServerRedirectsThenTheRedirectIsReturnedNotFollowed() throws Exception {
        server.stubFor(get("/old").willReturn(aResponse().withStatus(302).withHeader("Location", "/new")));
        server.stubFor(get("/new").willReturn(ok("followed")));

        HttpResult result = send(getCall("/old"), TIMEOUT, KB);

        assertThat(result.status()).isEqualTo(302);
        assertThat(result.header("Location")).isEqualTo("/new");
        server.verify(0, getRequestedFor(urlEqualTo("/new")));
    }

    @Test
    void sendWhenTemporaryRedirectOfPostThenNotFollowed() throws Exception {
        server.stubFor(post("/old").willReturn(aResponse().withStatus(307).withHeader("Location", "/new")));

        HttpResult result = send(HttpCall.builder(Method.POST, uri("/old")).body("{}", "application/json").build(),
                TIMEOUT, KB);

        assertThat(result.status()).isEqualTo(307);
        assertThat(server.findAll(postRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void sendThenHeadersAndBodyArriveAsBuilt() throws Exception {
        server.stubFor(post("/items").willReturn(ok()));
        HttpCall call = HttpCall.builder(Method.POST, uri("/items"))
                .header("X-Trace", "1").header("x-trace", "2")
                .body("{\"LastName\":\"Hopper\"}", "application/json")
                .build();

        send(call, TIMEOUT, KB);

        List<LoggedRequest> received = server.findAll(postRequestedFor(urlEqualTo("/items")));
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getHeaders().getHeader("X-Trace").values()).containsExactly("2");
        assertThat(received.get(0).getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(received.get(0).getBodyAsString()).isEqualTo("{\"LastName\":\"Hopper\"}");
    }

    @Test
    void sendWhenNothingListensThenRefused() {
        int port = TestServers.closedPort();

        NetworkException e = catchThrowableOfType(NetworkException.class, () -> send(
                HttpCall.builder(Method.GET, URI.create("http://127.0.0.1:" + port + "/")).build(), TIMEOUT, KB));

        assertThat(e.fault()).isEqualTo(NetworkException.Fault.REFUSED);
        assertThat(e.getMessage()).isEqualTo("connection refused by 127.0.0.1:" + port);
    }

    @Test
    void sendWhenHostDoesNotResolveThenDns() {
        NetworkException e = catchThrowableOfType(NetworkException.class, () -> send(
                HttpCall.builder(Method.GET, URI.create("http://no-such-host.invalid/")).build(), TIMEOUT, KB));

        assertThat(e.fault()).isEqualTo(NetworkException.Fault.DNS);
        assertThat(e.getMessage()).isEqualTo("cannot resolve the host `no-such-host.invalid`");
    }

    @Test
    void sendWhenThreadIsInterruptedThenFailureInterruptedAndTheFlagStaysSet() {
        server.stubFor(get("/slow").willReturn(ok().withFixedDelay(1500)));
        Thread.currentThread().interrupt();

        try {
            Failure failure = catchThrowableOfType(Failure.class, () -> send(getCall("/slow"), TIMEOUT, KB));

            assertThat(failure.kind()).isEqualTo(Kind.INTERRUPTED);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void sendWhenCancelledWhileTheServerIsSlowThenFailsCancelledLongBeforeTheAnswer() {
        server.stubFor(get("/slow").willReturn(ok().withFixedDelay(4000)));
        Cancellation cancellation = new Cancellation();
        CallContext context = new CallContext(HttpListener.NONE, Deadline.NONE, cancellation);
        long start = System.nanoTime();
        CompletableFuture.runAsync(cancellation::cancel, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));

        Failure failure = catchThrowableOfType(Failure.class,
                () -> executor.send(getCall("/slow"), TIMEOUT, KB, context));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
        assertThat(failure.kind()).isEqualTo(Kind.CANCELLED);
        assertThat(failure.code()).isEqualTo(Code.CANCELLED);
        assertThat(failure.getMessage()).isEqualTo("the call was cancelled");
    }

    @Test
    void sendWhenAlreadyCancelledThenFailsCancelledWithoutSending() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();

        Failure failure = catchThrowableOfType(Failure.class, () -> executor.send(getCall("/items"), TIMEOUT, KB,
                new CallContext(HttpListener.NONE, Deadline.NONE, cancellation)));

        assertThat(failure.kind()).isEqualTo(Kind.CANCELLED);
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void sendWhenTheExecutorWasClosedThenFailsClosed() throws Exception {
        server.stubFor(get("/items").willReturn(ok()));
        assertThat(send(getCall("/items"), TIMEOUT, KB).status()).isEqualTo(200);

        executor.close();
        Failure failure = catchThrowableOfType(Failure.class, () -> send(getCall("/items"), TIMEOUT, KB));

        assertThat(failure.kind()).isEqualTo(Kind.CLOSED);
        assertThat(failure.code()).isEqualTo(Code.CLOSED);
        assertThat(failure.getMessage()).isEqualTo("the connector runtime was closed while the call was in flight");
        server.verify(1, getRequestedFor(urlEqualTo("/items")));
    }

    private HttpResult send(HttpCall call, Duration timeout, long maxBody) throws NetworkException {
        return executor.send(call, timeout, maxBody, CallContext.NONE);
    }

    private static HttpCall getCall(String path) {
        return HttpCall.builder(Method.GET, uri(path)).build();
    }

    private static URI uri(String path) {
        return URI.create(TestServers.origin(server) + path);
    }
}
