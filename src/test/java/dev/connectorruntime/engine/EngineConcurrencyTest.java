package dev.connectorruntime.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.connectorruntime.auth.MutableClock;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.http.Cancellation;
import dev.connectorruntime.http.HttpCall;
import dev.connectorruntime.http.HttpListener;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One engine, many threads (SPEC §10): tokens shared, one renewal in flight, deadlines, cancellation, close. */
class EngineConcurrencyTest {

    @TempDir
    Path dir;

    WireMockServer server;
    ExecutorService pool = Executors.newFixedThreadPool(64);

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(150));
        server.start();
        EngineWorkspace.create(dir, server.port());
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        server.stop();
    }

    @Test
    void callsFromSixtyFourThreadsWhenTokenExpiresMidRunThenRenewOnceAndNoneFails() throws Exception {
        EngineWorkspace.issue(server, "tok-1", 3600);
        EngineWorkspace.answer(server, "/a", "tok-1", "[1]");
        EngineWorkspace.answer(server, "/b", "tok-1", "[2]");
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T00:00:00Z"));
        CyclicBarrier halfway = new CyclicBarrier(64, () -> clock.advance(Duration.ofHours(2)));
        try (ConnectorRuntime runtime = EngineWorkspace.engine(dir).clock(clock).build()) {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                String action = t % 2 == 0 ? "list-a" : "list-b";
                results.add(pool.submit(() -> {
                    List<String> outputs = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        outputs.add(runtime.call(action, Map.of()).toString());
                    }
                    halfway.await(20, TimeUnit.SECONDS); // every token in use is now two hours old
                    for (int i = 0; i < 5; i++) {
                        outputs.add(runtime.call(action, Map.of()).toString());
                    }
                    return outputs;
                }));
            }
            for (int t = 0; t < 64; t++) {
                assertThat(results.get(t).get(60, TimeUnit.SECONDS)).hasSize(10)
                        .containsOnly(t % 2 == 0 ? "[1]" : "[2]");
            }
        }
        assertThat(EngineWorkspace.tokenRequests(server)).isEqualTo(2);
    }

    @Test
    void manyInFlightCallsMeetingA401ThenOneRenewalServesThemAll() throws Exception {
        server.stubFor(post(urlEqualTo("/token")).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(tokenBody("revoked")).willSetStateTo("renewed"));
        server.stubFor(post(urlEqualTo("/token")).inScenario("tokens").whenScenarioStateIs("renewed")
                .willReturn(tokenBody("fresh")));
        server.stubFor(get(urlPathEqualTo("/api/a")).willReturn(aResponse().withStatus(401)
                .withFixedDelay(300).withBody("[{\"errorCode\":\"INVALID_SESSION_ID\"}]")));
        EngineWorkspace.answer(server, "/a", "fresh", "{\"ok\":true}");
        try (ConnectorRuntime runtime = EngineWorkspace.engine(dir).build()) {
            List<Future<String>> results = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                results.add(pool.submit(() -> runtime.call("list-a", Map.of()).toString()));
            }
            for (Future<String> r : results) {
                assertThat(r.get(30, TimeUnit.SECONDS)).isEqualTo("{\"ok\":true}");
            }
        }
        assertThat(EngineWorkspace.tokenRequests(server)).isEqualTo(2);
    }

    @Test
    void callWaitingForAnotherThreadsRenewalWhenDeadlinePassesOrCancelledThenStopsWaiting() throws Exception {
        server.stubFor(post(urlEqualTo("/token")).willReturn(tokenBody("slow").withFixedDelay(2500)));
        EngineWorkspace.answer(server, "/a", "slow", "[1]");
        try (ConnectorRuntime runtime = EngineWorkspace.engine(dir).build()) {
            CountDownLatch asking = new CountDownLatch(1);
            Future<String> holder = pool.submit(() -> runtime.call(CallRequest.of("list-a")
                    .listener(sendingTo("/token", asking)).build()).json().toString());
            assertThat(asking.await(10, TimeUnit.SECONDS)).as("the holder asks the token endpoint").isTrue();
            long start = System.nanoTime();
            Failure late = catchThrowableOfType(Failure.class, () -> runtime.call(CallRequest.of("list-a")
                    .timeout(Duration.ofMillis(300)).build()));
            assertThat(late.kind()).isEqualTo(Kind.NETWORK);
            assertThat(late.code()).isEqualTo(Code.DEADLINE);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));

            Cancellation cancel = new Cancellation();
            Future<Failure> waiting = pool.submit(() -> catchThrowableOfType(Failure.class,
                    () -> runtime.call(CallRequest.of("list-a").cancellation(cancel).build())));
            Thread.sleep(200);
            long cancelled = System.nanoTime();
            cancel.cancel();
            Failure f = waiting.get(5, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).isLessThan(Duration.ofMillis(1000));
            assertThat(f.kind()).isEqualTo(Kind.CANCELLED);
            assertThat(f.code()).isEqualTo(Code.CANCELLED);
            assertThat(f.exitCode()).isEqualTo(130);

            assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("[1]");
        }
        assertThat(EngineWorkspace.tokenRequests(server)).isEqualTo(1);
    }

    @Test
    void reloadWhileCallsInFlightThenTheyFinishOnTheOldDefinitionsAndLaterCallsUseTheNew() throws Exception {
        EngineWorkspace.issue(server, "tok", 3600);
        server.stubFor(get(urlPathEqualTo("/api/a")).willReturn(aResponse().withFixedDelay(800)
                .withHeader("Content-Type", "application/json").withBody("\"old path\"")));
        EngineWorkspace.answer(server, "/a2", "tok", "\"new path\"");
        try (ConnectorRuntime runtime = EngineWorkspace.engine(dir).build()) {
            CountDownLatch sent = new CountDownLatch(1);
            Future<String> inFlight = pool.submit(() -> runtime.call(CallRequest.of("list-a")
                    .listener(sendingTo("/api/a", sent)).build()).json().toString());
            assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
            EngineWorkspace.action(dir, "list-a", "/a2");
            runtime.reload();
            assertThat(runtime.call("list-a", Map.of()).toString()).isEqualTo("\"new path\"");
            assertThat(inFlight.get(10, TimeUnit.SECONDS)).isEqualTo("\"old path\"");
        }
        assertThat(EngineWorkspace.tokenRequests(server)).as("tokens outlive a reload that keeps the connector")
                .isEqualTo(1);
    }

    @Test
    void reloadThatFailsThenKeepsThePreviousSetAndReportsEveryProblem() throws Exception {
        EngineWorkspace.issue(server, "tok", 3600);
        EngineWorkspace.answer(server, "/a", "tok", "[1]");
        try (ConnectorRuntime runtime = EngineWorkspace.engine(dir).build()) {
            assertThat(runtime.call("list-a", Map.of()).toString()).isEqualTo("[1]");
            java.nio.file.Files.writeString(dir.resolve("actions/list-a.yaml"),
                    "name: list-a\nconnector: api\nrequest:\n  method: GTE\n  path: /a\n  pth: x\n");
            Failure f = catchThrowableOfType(Failure.class, runtime::reload);
            assertThat(f.kind()).isEqualTo(Kind.INVALID);
            assertThat(f.code()).isEqualTo(Code.INVALID_DEFINITIONS);
            assertThat(f.problems()).extracting(p -> p.location().line() + ":" + p.code().toString())
                    .contains("4:bad-value", "6:unknown-key");
            assertThat(runtime.call("list-a", Map.of()).toString()).isEqualTo("[1]");
        }
    }

    @Test
    void closeWhileCallsInFlightThenTheyFailAsClosedAndNothingHangs() throws Exception {
        EngineWorkspace.issue(server, "tok", 3600);
        server.stubFor(get(urlPathEqualTo("/api/a")).willReturn(aResponse().withFixedDelay(5000).withBody("[]")));
        ConnectorRuntime runtime = EngineWorkspace.engine(dir).build();
        List<Future<Failure>> calls = new ArrayList<>();
        CountDownLatch sent = new CountDownLatch(8);
        for (int t = 0; t < 8; t++) {
            calls.add(pool.submit(() -> catchThrowableOfType(Failure.class, () -> runtime.call(
                    CallRequest.of("list-a").listener(sendingTo("/api/a", sent)).build()))));
        }
        assertThat(sent.await(10, TimeUnit.SECONDS)).as("8 calls in flight").isTrue();
        long closing = System.nanoTime();
        runtime.close();
        for (Future<Failure> c : calls) {
            Failure f = c.get(3, TimeUnit.SECONDS);
            assertThat(f).isNotNull();
            assertThat(f.kind()).isEqualTo(Kind.CLOSED);
            assertThat(f.getMessage()).isEqualTo("the connector runtime was closed while the call was in flight");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofMillis(2000));
        Failure after = catchThrowableOfType(Failure.class, () -> runtime.call("list-a", Map.of()));
        assertThat(after.kind()).isEqualTo(Kind.CLOSED);
    }

    /** Counts down when the call sends a request to {@code path}. */
    private static HttpListener sendingTo(String path, CountDownLatch latch) {
        return new HttpListener() {
            @Override
            public void sending(HttpCall call, int attempt, int maxAttempts) {
                if (call.uri().getPath().equals(path)) {
                    latch.countDown();
                }
            }
        };
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder tokenBody(String token) {
        return aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\"}");
    }
}
