package dev.connectorruntime.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.model.RetryPolicy;
import dev.connectorruntime.model.Request.Method;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SPEC §8: a total deadline bounds a run across attempts; no attempt starts after it, none waits past it. */
class DeadlineTest {

    @RegisterExtension
    static final WireMockExtension server = TestServers.loopback();

    private static final SendPolicy GET = new SendPolicy(new RetryPolicy(3, Duration.ofSeconds(30)), true, false,
            Duration.ofSeconds(5), HttpExecutor.DEFAULT_MAX_BODY);

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private HttpResult send(HttpCall call, Deadline deadline) {
        try (HttpExecutor executor = new HttpExecutor(null)) {
            return new Retrier(executor, sleeper, bound -> bound, Clock.systemUTC())
                    .send(call, GET, new CallContext(HttpListener.NONE, deadline, new Cancellation()));
        }
    }

    private HttpCall call() {
        return HttpCall.builder(Method.GET, URI.create(TestServers.origin(server) + "/slow")).build();
    }

    @Test
    void sendWhenTheDeadlineComesBeforeTheAttemptTimeoutThenTheAttemptIsCutAndTheRunEndsWithNetwork() {
        server.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        long start = System.nanoTime();

        Failure f = catchThrowableOfType(Failure.class,
                () -> send(call(), Deadline.after(Duration.ofMillis(300))));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        assertThat(f.kind()).isEqualTo(Kind.NETWORK);
        assertThat(f.getMessage()).isEqualTo("the run did not finish within --timeout 300ms: no answer yet from "
                + "127.0.0.1:" + server.getPort());
        assertThat(f.hint()).isEqualTo("raise --timeout: it bounds the whole run (token request, retries, every page)");
        server.verify(1, getRequestedFor(urlEqualTo("/slow")));
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void sendWhenTheDeadlineHasPassedThenNoAttemptStarts() {
        AtomicLong now = new AtomicLong();
        Deadline deadline = Deadline.after(Duration.ofSeconds(1), now::get);
        now.addAndGet(Duration.ofSeconds(1).toNanos());

        Failure f = catchThrowableOfType(Failure.class, () -> send(call(), deadline));

        assertThat(f.kind()).isEqualTo(Kind.NETWORK);
        assertThat(f.getMessage()).isEqualTo("the run did not finish within --timeout 1s: no time left for a request"
                + " to 127.0.0.1:" + server.getPort());
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void sendWhenRetryAfterWouldEndPastTheDeadlineThenFailsAtOnceWithoutWaiting() {
        server.stubFor(get("/slow").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "10")));

        Failure f = catchThrowableOfType(Failure.class,
                () -> send(call(), Deadline.after(Duration.ofSeconds(5))));

        assertThat(f.kind()).isEqualTo(Kind.NETWORK);
        assertThat(f.getMessage()).isEqualTo("the run did not finish within --timeout 5s: the server answered 503,"
                + " and attempt 2 of 3 could start only in 10s");
        server.verify(1, getRequestedFor(urlEqualTo("/slow")));
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void sendWhenABackoffWouldEndPastTheDeadlineThenFailsAtOnceNamingTheFault() {
        HttpCall refused = HttpCall.builder(Method.GET, URI.create("http://127.0.0.1:" + TestServers.closedPort() + "/x"))
                .build();
        AtomicLong now = new AtomicLong();
        Deadline deadline = Deadline.after(Duration.ofMillis(400), now::get);

        Failure f = catchThrowableOfType(Failure.class, () -> send(refused, deadline));

        assertThat(f.getMessage()).startsWith("the run did not finish within --timeout 400ms: connection refused by"
                + " 127.0.0.1:").endsWith(", and attempt 2 of 3 could start only in 500ms");
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void sendWhenTheDeadlineLeavesRoomThenRetriesAsUsual() {
        TestServers.answerInTurn(server, () -> get("/slow"), aResponse().withStatus(503), aResponse().withStatus(200));

        HttpResult r = send(call(), Deadline.after(Duration.ofSeconds(5)));

        assertThat(r.status()).isEqualTo(200);
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void capWhenNoDeadlineThenTheAttemptTimeoutStands() {
        assertThat(Deadline.NONE.cap(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(Deadline.NONE.passed()).isFalse();
        AtomicLong now = new AtomicLong();
        Deadline d = Deadline.after(Duration.ofSeconds(10), now::get);
        now.addAndGet(Duration.ofSeconds(8).toNanos());
        assertThat(d.cap(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(2));
        assertThat(d.cap(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
    }
}
