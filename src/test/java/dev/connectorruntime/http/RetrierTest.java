package dev.connectorruntime.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.model.RetryPolicy;
import dev.connectorruntime.model.Request.Method;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §6 Retries, through the real executor against WireMock; waits are recorded, never slept. */
class RetrierTest {

    @RegisterExtension
    static final WireMockExtension server = TestServers.loopback();

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final RetryPolicy THREE_TRIES = new RetryPolicy(3, Duration.ofSeconds(30));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2015-10-21T07:27:58Z"), ZoneOffset.UTC);

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<Long> jitterBounds = new ArrayList<>();
    private HttpExecutor executor;
    private Retrier retrier;

    @BeforeEach
    void setUp() {
        executor = new HttpExecutor(null);
        // deterministic "jitter": the whole bound, so each wait shows the cap it was drawn under
        retrier = new Retrier(executor, sleeper, bound -> {
            jitterBounds.add(bound);
            return bound;
        }, CLOCK);
    }

    @AfterEach
    void tearDown() {
        executor.close();
    }

    @Test
    void sendWhenGetGets503Then503Then200ThenSendsThreeTimesAndReturns200() {
        TestServers.answerInTurn(server, () -> get("/items"), status(503), status(503), ok("done"));

        HttpResult result = send(call("GET"), mayResend(THREE_TRIES));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.text()).isEqualTo("done");
        server.verify(3, getRequestedFor(urlEqualTo("/items")));
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void sendWhenPutGets503ThreeTimesThenSendsThreeTimesAndReturnsThe503() {
        server.stubFor(put("/items").willReturn(status(503).withBody("busy")));

        HttpResult result = send(call("PUT"), mayResend(THREE_TRIES));

        assertThat(result.status()).isEqualTo(503);
        assertThat(result.text()).isEqualTo("busy");
        assertThat(result.attempts()).isEqualTo(3);
        server.verify(3, putRequestedFor(urlEqualTo("/items")));
        assertThat(sleeper.waits()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 503, 504})
    void sendWhenPostGetsGatewayErrorWithoutRetryAfterThenSendsOnce(int status) {
        server.stubFor(post("/items").willReturn(status(status)));

        HttpResult result = send(call("POST"), postPolicy(THREE_TRIES));

        assertThat(result.status()).isEqualTo(status);
        server.verify(1, postRequestedFor(urlEqualTo("/items")));
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void sendWhenPostTimesOutThenSendsOnceAndFailsWithNetwork() {
        server.stubFor(post("/items").willReturn(ok().withFixedDelay(1500)));
        SendPolicy policy = new SendPolicy(THREE_TRIES, false, false, Duration.ofMillis(300), 1024);

        Failure failure = catchThrowableOfType(Failure.class, () -> send(call("POST"), policy));

        assertThat(failure.kind()).isEqualTo(Kind.NETWORK);
        assertThat(failure.getMessage()).isEqualTo("no answer from 127.0.0.1:" + server.getPort() + " within 300ms");
        assertThat(failure.hint())
                .isEqualTo("the server may be slow or unreachable: try again, or raise the connector's `timeout`");
        server.verify(1, postRequestedFor(urlEqualTo("/items")));
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void sendWhenGetTimesOutEveryTimeThenSendsThreeTimesAndSaysHowOften() {
        server.stubFor(get("/items").willReturn(ok().withFixedDelay(1500)));
        SendPolicy policy = new SendPolicy(THREE_TRIES, true, false, Duration.ofMillis(300), 1024);

        Failure failure = catchThrowableOfType(Failure.class, () -> send(call("GET"), policy));

        assertThat(failure.kind()).isEqualTo(Kind.NETWORK);
        assertThat(failure.getMessage())
                .isEqualTo("no answer from 127.0.0.1:" + server.getPort() + " within 300ms (after 3 attempts)");
        server.verify(3, getRequestedFor(urlEqualTo("/items")));
    }

    @Test
    void sendWhenPostGets503WithRetryAfterOneSecondThenWaitsExactlyOneSecondAndSendsAgain() {
        TestServers.answerInTurn(server, () -> post("/items"),
                status(503).withHeader("Retry-After", "1"), status(201));

        HttpResult result = send(call("POST"), postPolicy(THREE_TRIES));

        assertThat(result.status()).isEqualTo(201);
        server.verify(2, postRequestedFor(urlEqualTo("/items")));
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
        assertThat(jitterBounds).as("Retry-After is honoured as is, without jitter").isEmpty();
    }

    @Test
    void sendWhenPostGets429ThenRetriesWithBackoff() {
        TestServers.answerInTurn(server, () -> post("/items"), status(429), status(429), status(201));

        HttpResult result = send(call("POST"), postPolicy(THREE_TRIES));

        assertThat(result.status()).isEqualTo(201);
        server.verify(3, postRequestedFor(urlEqualTo("/items")));
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void sendWhenGetGets429ThreeTimesThenReturnsThe429() {
        server.stubFor(get("/items").willReturn(status(429)));

        HttpResult result = send(call("GET"), mayResend(THREE_TRIES));

        assertThat(result.status()).isEqualTo(429);
        assertThat(result.attempts()).isEqualTo(3);
        server.verify(3, getRequestedFor(urlEqualTo("/items")));
    }

    @Test
    void sendWhenRetryAfterIsLongerThanMaxDelayThenFailsAtOnceSayingHowLong() {
        server.stubFor(get("/items").willReturn(status(503).withHeader("Retry-After", "120")
                .withBody("{\"message\":\"maintenance\"}")));

        Failure failure = catchThrowableOfType(Failure.class, () -> send(call("GET"), mayResend(THREE_TRIES)));

        assertThat(failure.kind()).isEqualTo(Kind.API);
        assertThat(failure.getMessage()).isEqualTo(
                "the server answered 503 and asked to wait 2m before trying again, more than `max_delay` (30s)");
        assertThat(failure.hint()).isEqualTo("try again later, or raise `retry.max_delay`");
        assertThat(failure.status()).isEqualTo(503);
        assertThat(failure.apiError()).isEqualTo("{\"message\":\"maintenance\"}");
        server.verify(1, getRequestedFor(urlEqualTo("/items")));
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void sendWhenRetryAfterIsAnHttpDateThenWaitsUntilThatMoment() {
        TestServers.answerInTurn(server, () -> get("/items"),
                status(503).withHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"), ok());

        HttpResult result = send(call("GET"), mayResend(THREE_TRIES));

        assertThat(result.status()).isEqualTo(200);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void sendWhenRetryAfterIsAnHttpDateInThePastThenSendsAgainAtOnce() {
        TestServers.answerInTurn(server, () -> post("/items"),
                status(503).withHeader("Retry-After", "Wed, 21 Oct 2015 07:00:00 GMT"), status(201));

        HttpResult result = send(call("POST"), postPolicy(THREE_TRIES));

        assertThat(result.status()).isEqualTo(201);
        assertThat(sleeper.waits()).containsExactly(Duration.ZERO);
    }

    @Test
    void sendWhenRetryAfterIsGarbageThenPostIsNotResent() {
        server.stubFor(post("/items").willReturn(status(503).withHeader("Retry-After", "soon")));

        HttpResult result = send(call("POST"), postPolicy(THREE_TRIES));

        assertThat(result.status()).isEqualTo(503);
        server.verify(1, postRequestedFor(urlEqualTo("/items")));
    }

    @Test
    void sendWhenConnectionRefusedThenRetriesAndFailsWithNetworkSayingHowOften() {
        int port = TestServers.closedPort();
        HttpCall post = HttpCall.builder(Method.POST, URI.create("http://127.0.0.1:" + port + "/items"))
                .body("{}", "application/json").build();

        Failure failure = catchThrowableOfType(Failure.class, () -> send(post, postPolicy(THREE_TRIES)));

        assertThat(failure.kind()).isEqualTo(Kind.NETWORK);
        assertThat(failure.getMessage()).isEqualTo("connection refused by 127.0.0.1:" + port + " (after 3 attempts)");
        assertThat(failure.hint()).isEqualTo("is the server up, and is the URL's port right?");
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void sendWhenPolicyNeverResendsThenSendsOnceEvenOn503WithRetryAfter() {
        server.stubFor(post("/token").willReturn(status(503).withHeader("Retry-After", "1")));
        SendPolicy refresh = new SendPolicy(THREE_TRIES, false, true, TIMEOUT, 1024);

        HttpResult result = send(call("POST", "/token"), refresh);

        assertThat(result.status()).isEqualTo(503);
        server.verify(1, postRequestedFor(urlEqualTo("/token")));
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void sendWhenPolicyNeverResendsThenARefusedConnectionIsNotRetried() {
        int port = TestServers.closedPort();
        HttpCall post = HttpCall.builder(Method.POST, URI.create("http://127.0.0.1:" + port + "/token")).build();
        SendPolicy refresh = new SendPolicy(THREE_TRIES, false, true, TIMEOUT, 1024);

        Failure failure = catchThrowableOfType(Failure.class, () -> send(post, refresh));

        assertThat(failure.getMessage()).isEqualTo("connection refused by 127.0.0.1:" + port);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void sendWhenBackingOffThenEachWaitIsDrawnBelowAnExponentialCapLimitedByMaxDelay() {
        server.stubFor(get("/items").willReturn(status(503)));

        send(call("GET"), mayResend(new RetryPolicy(6, Duration.ofMillis(3000))));

        assertThat(jitterBounds).containsExactly(500L, 1000L, 2000L, 3000L, 3000L);
        server.verify(6, getRequestedFor(urlEqualTo("/items")));
    }

    @Test
    void sendWhenJitterDrawsBelowTheCapThenWaitsWhatItDrew() {
        server.stubFor(get("/items").willReturn(status(503)));
        Retrier quarter = new Retrier(executor, sleeper, bound -> bound / 4, CLOCK);

        quarter.send(call("GET"), mayResend(new RetryPolicy(4, Duration.ofSeconds(30))), CallContext.NONE);

        assertThat(sleeper.waits())
                .containsExactly(Duration.ofMillis(125), Duration.ofMillis(250), Duration.ofMillis(500))
                .allSatisfy(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofSeconds(30)));
    }

    @Test
    void sendWhenMaxAttemptsIsOneThenSendsOnce() {
        server.stubFor(get("/items").willReturn(status(503)));

        HttpResult result = send(call("GET"), mayResend(new RetryPolicy(1, Duration.ofSeconds(30))));

        assertThat(result.status()).isEqualTo(503);
        server.verify(1, getRequestedFor(urlEqualTo("/items")));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 500})
    void sendWhenAnswerIsNotTransientThenReturnsItAfterOneSend(int status) {
        server.stubFor(get("/items").willReturn(aResponse().withStatus(status)));

        HttpResult result = send(call("GET"), mayResend(THREE_TRIES));

        assertThat(result.status()).isEqualTo(status);
        assertThat(result.attempts()).isEqualTo(1);
        server.verify(1, getRequestedFor(urlEqualTo("/items")));
    }

    @Test
    void sendWhenInterruptedWhileWaitingThenFailureInterruptedAndTheFlagStaysSet() {
        server.stubFor(get("/items").willReturn(status(503)));
        Retrier interrupted = new Retrier(executor, d -> {
            throw new InterruptedException();
        }, bound -> bound, CLOCK);

        try {
            Failure failure = catchThrowableOfType(Failure.class,
                    () -> interrupted.send(call("GET"), mayResend(THREE_TRIES), CallContext.NONE));

            assertThat(failure.kind()).isEqualTo(Kind.INTERRUPTED);
            assertThat(failure.getMessage()).isEqualTo("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        server.verify(1, getRequestedFor(urlEqualTo("/items")));
    }

    @Test
    void sendWhenCancelledDuringARetryAfterWaitThenTheWaitEndsAtOnceWithCancelled() {
        server.stubFor(get("/items").willReturn(status(503).withHeader("Retry-After", "5")));
        Cancellation cancellation = new Cancellation();
        HttpListener cancelOnceWaiting = new HttpListener() {
            @Override
            public void retrying(HttpCall call, Duration wait, int nextAttempt, int maxAttempts) {
                CompletableFuture.runAsync(cancellation::cancel,
                        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
            }
        };
        Retrier sleeping = new Retrier(executor, Retrier.REAL, bound -> bound, CLOCK);
        long start = System.nanoTime();

        Failure failure = catchThrowableOfType(Failure.class, () -> sleeping.send(call("GET"), mayResend(THREE_TRIES),
                new CallContext(cancelOnceWaiting, Deadline.NONE, cancellation)));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(failure.kind()).isEqualTo(Kind.CANCELLED);
        assertThat(failure.code()).isEqualTo(Code.CANCELLED);
        server.verify(1, getRequestedFor(urlEqualTo("/items")));
    }

    @Test
    void sendWhenTheServerDroppedThePooledConnectionThenEvenAPostIsSentAgainAtOnceOnANewConnection()
            throws Exception {
        List<String> failures = new CopyOnWriteArrayList<>();
        CallContext context = new CallContext(new HttpListener() {
            @Override
            public void failed(HttpCall call, String what, Duration elapsed) {
                failures.add(what);
            }
        }, Deadline.NONE, new Cancellation());
        try (DroppingServer dropping = new DroppingServer()) {
            HttpCall post = HttpCall.builder(Method.POST, dropping.uri("/items")).body("{}", "application/json").build();

            HttpResult first = retrier.send(post, postPolicy(THREE_TRIES), context);
            HttpResult second = retrier.send(post, postPolicy(THREE_TRIES), context);

            assertThat(first.status()).isEqualTo(200);
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.text()).isEqualTo("ok");
            assertThat(dropping.requests()).containsExactly("POST /items", "POST /items", "POST /items");
            assertThat(dropping.connections()).isEqualTo(2);
            assertThat(failures).containsExactly("the connection to " + dropping.uri("").getAuthority()
                    + " was closed by the server while idle");
            assertThat(sleeper.waits()).containsExactly(Duration.ZERO);
        }
    }

    private HttpResult send(HttpCall call, SendPolicy policy) {
        return retrier.send(call, policy, CallContext.NONE);
    }

    private HttpCall call(String method) {
        return call(method, "/items");
    }

    private HttpCall call(String method, String path) {
        HttpCall.Builder b = HttpCall.builder(Method.valueOf(method), URI.create(TestServers.origin(server) + path));
        if (!method.equals("GET")) {
            b.body("{\"LastName\":\"Hopper\"}", "application/json");
        }
        return b.build();
    }

    private static SendPolicy mayResend(RetryPolicy retry) {
        return new SendPolicy(retry, true, false, TIMEOUT, 1024 * 1024);
    }

    private static SendPolicy postPolicy(RetryPolicy retry) {
        return new SendPolicy(retry, false, false, TIMEOUT, 1024 * 1024);
    }
}
