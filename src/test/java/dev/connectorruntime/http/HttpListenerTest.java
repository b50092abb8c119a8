package dev.connectorruntime.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.model.RetryPolicy;
import dev.connectorruntime.model.Request.Method;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The listener behind -v sees every attempt, its answer or fault, and every retry with its wait. */
class HttpListenerTest {

    @RegisterExtension
    static final WireMockExtension server = TestServers.loopback();

    private static final SendPolicy GET = new SendPolicy(new RetryPolicy(3, Duration.ofSeconds(30)), true, false,
            Duration.ofSeconds(5), 1024);

    private final List<String> events = new CopyOnWriteArrayList<>();

    private final HttpListener recorder = new HttpListener() {
        @Override
        public void sending(HttpCall call, int attempt, int maxAttempts) {
            events.add("sending " + call.method() + " " + call.uri().getPath() + " " + attempt + "/" + maxAttempts);
        }

        @Override
        public void answered(HttpCall call, HttpResult result) {
            events.add("answered " + result.status() + " " + result.body().length + " bytes");
        }

        @Override
        public void failed(HttpCall call, String what, Duration elapsed) {
            events.add("failed " + what.replaceAll("\\d{4,5}", "PORT"));
        }

        @Override
        public void retrying(HttpCall call, Duration wait, int nextAttempt, int maxAttempts) {
            events.add("retrying in " + wait.toMillis() + "ms " + nextAttempt + "/" + maxAttempts);
        }
    };

    private final CallContext recorded = new CallContext(recorder, Deadline.NONE, new Cancellation());

    private Retrier retrier() {
        return new Retrier(new HttpExecutor(null), new RecordingSleeper(), bound -> bound, Clock.systemUTC());
    }

    @Test
    void sendWhenAnswered503Then200ThenEveryAttemptAndTheWaitAreSeen() {
        TestServers.answerInTurn(server, () -> get("/x"), aResponse().withStatus(503),
                aResponse().withStatus(200).withBody("hello"));

        retrier().send(HttpCall.builder(Method.GET, URI.create(TestServers.origin(server) + "/x")).build(), GET,
                recorded);

        assertThat(events).containsExactly("sending GET /x 1/3", "answered 503 0 bytes", "retrying in 500ms 2/3",
                "sending GET /x 2/3", "answered 200 5 bytes");
    }

    @Test
    void sendWhenNothingListensThenEachFaultIsSeen() {
        HttpCall call = HttpCall.builder(Method.GET, URI.create("http://127.0.0.1:" + TestServers.closedPort() + "/x"))
                .build();

        catchThrowableOfType(Failure.class, () -> retrier().send(call, GET, recorded));

        assertThat(events).containsExactly("sending GET /x 1/3", "failed connection refused by 127.0.0.1:PORT",
                "retrying in 500ms 2/3", "sending GET /x 2/3", "failed connection refused by 127.0.0.1:PORT",
                "retrying in 1000ms 3/3", "sending GET /x 3/3", "failed connection refused by 127.0.0.1:PORT");
    }

    @Test
    void sendWhenTheBodyPassesTheCapThenTheFailureIsSeen() {
        server.stubFor(get("/big").willReturn(aResponse().withStatus(200).withBody("x".repeat(2048))));

        catchThrowableOfType(Failure.class, () -> retrier().send(
                HttpCall.builder(Method.GET, URI.create(TestServers.origin(server) + "/big")).build(), GET, recorded));

        assertThat(events).containsExactly("sending GET /big 1/3",
                "failed the response from 127.0.0.1:PORT is larger than the 1 KB cap");
    }
}
