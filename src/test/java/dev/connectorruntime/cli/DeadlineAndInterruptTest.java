package dev.connectorruntime.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.connectorruntime.http.TestServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §7, §8: {@code --timeout} bounds the whole run; Ctrl-C ends it with 130 and no stack trace. */
class DeadlineAndInterruptTest {

    @RegisterExtension
    static final WireMockExtension server = TestServers.loopback();

    @TempDir
    Path dir;

    @BeforeEach
    void workspace() {
        TestWorkspace.plainConnector(dir, TestServers.origin(server), "");
        TestWorkspace.write(dir, "actions/pages.yaml", """
                name: pages
                connector: api
                request:
                  method: GET
                  path: /items
                paginate:
                  items: /items
                  page: { param: page, page_size: 1 }
                """);
    }

    @Test
    void runWhenTheServerIsSlowerThanTimeoutThenExits6AtTheDeadlineThoughEachAttemptMayTakeLonger() {
        server.stubFor(get(urlPathEqualTo("/base/items")).willReturn(aResponse().withStatus(200).withFixedDelay(5000)
                .withHeader("Content-Type", "application/json").withBody("{\"items\":[]}")));
        long start = System.nanoTime();

        Cli.Result r = Cli.run(dir, Map.of(), "run", "pages", "--timeout", "400ms");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        assertThat(r.exitCode()).isEqualTo(6);
        assertThat(r.err()).isEqualTo("error: the run did not finish within --timeout 400ms: no answer yet from"
                + " 127.0.0.1:" + server.getPort() + "\n"
                + "  hint: raise --timeout: it bounds the whole run (token request, retries, every page)\n");
        server.verify(1, getRequestedFor(urlPathEqualTo("/base/items")));
    }

    @Test
    void runWhenPagesTogetherTakeLongerThanTimeoutThenNoPageStartsAfterIt() {
        server.stubFor(get(urlPathEqualTo("/base/items")).willReturn(aResponse().withStatus(200).withFixedDelay(400)
                .withHeader("Content-Type", "application/json").withBody("{\"items\":[1]}")));

        Cli.Result r = Cli.run(dir, Map.of(), "run", "pages", "--timeout", "1s", "--json-errors");

        assertThat(r.exitCode()).isEqualTo(6);
        assertThat(r.err()).startsWith("{\"exit_code\":6,\"kind\":\"network\",\"code\":\"deadline\",")
                .contains("\",\"status\":null,\"api_error\":null,"
                        + "\"message\":\"the run did not finish within --timeout 1s");
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/base/items")))).hasSizeBetween(2, 3);
    }

    @Test
    void runWhenTimeoutIsNotADurationThenUsageError() {
        Cli.Result r = Cli.run(dir, Map.of(), "run", "pages", "--timeout", "5x");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: Invalid value for option '--timeout': `5x` is not a duration above"
                + " zero: write it as 500ms, 30s, 5m or 2h\n"
                + "  hint: see `runtime run --help`\n");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void runWhenInterruptedWhileWaitingForTheApiThenExits130WithOneLineAndNoStackTrace() throws Exception {
        server.stubFor(get(urlPathEqualTo("/base/items")).willReturn(aResponse().withStatus(200).withFixedDelay(10_000)
                .withHeader("Content-Type", "application/json").withBody("{\"items\":[]}")));
        AtomicReference<Cli.Result> result = new AtomicReference<>();
        Thread command = new Thread(() -> result.set(Cli.run(dir, Map.of(), "run", "pages")));
        command.start();
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (server.getAllServeEvents().isEmpty() && System.nanoTime() < until) {
            Thread.sleep(10);
        }

        command.interrupt();
        command.join(5000);

        assertThat(command.isAlive()).isFalse();
        assertThat(result.get().exitCode()).isEqualTo(130);
        assertThat(result.get().err()).isEqualTo("error: interrupted\n");
        assertThat(result.get().out()).isEmpty();
    }

    @Test
    void shutdownHookInterruptsTheCommandAndWaitsForItsFinallyBlocks() throws Exception {
        AtomicBoolean released = new AtomicBoolean();
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicReference<Interrupts> hook = new AtomicReference<>();
        Thread command = new Thread(() -> {
            try {
                waiting.countDown();
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                // the command's failure path
            } finally {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ignored) {
                    // a slow release
                }
                released.set(true);
                hook.get().finished();
            }
        });
        hook.set(new Interrupts(command, Duration.ofSeconds(5)));
        command.start();
        waiting.await(5, TimeUnit.SECONDS);

        hook.get().run();

        assertThat(released).isTrue();
    }

    @Test
    void shutdownHookWaitsNoLongerThanItsGrace() {
        Thread stuck = new Thread(() -> { });
        Interrupts hook = new Interrupts(stuck, Duration.ofMillis(100));
        long start = System.nanoTime();

        hook.run();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void shutdownHookAfterANormalEndDoesNothing() {
        Thread command = Thread.currentThread();
        Interrupts hook = new Interrupts(command, Duration.ofSeconds(5));
        hook.finished();

        hook.run();

        assertThat(Thread.interrupted()).isFalse();
    }
}
