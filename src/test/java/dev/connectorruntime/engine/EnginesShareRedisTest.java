package dev.connectorruntime.engine;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.connectorruntime.auth.cache.DiskTokenStore;
import dev.connectorruntime.auth.cache.RedisTokenStore;
import dev.connectorruntime.auth.cache.RedisUrl;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.redis.RedisServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §13 and docs/scale.md, simulated in one JVM: engines that share nothing but one Redis, as the workers of a
 * Flink job or a Kafka Connect cluster would (each builds its own engine and its own store), make one token request
 * per token lifetime between them; and a Redis restart is a clear failure while it is down, then works again by
 * itself.
 */
class EnginesShareRedisTest {

    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    @TempDir
    Path dir;

    WireMockServer server;
    final List<ConnectorRuntime> engines = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        EngineWorkspace.create(dir, server.port());
    }

    @AfterEach
    void stop() {
        engines.forEach(ConnectorRuntime::close);
        server.stop();
    }

    /** One worker: an engine with a store of its own on the shared Redis. */
    ConnectorRuntime worker() {
        ConnectorRuntime engine = EngineWorkspace.engine(dir).tokenStore(RedisTokenStore.open(
                RedisUrl.parse(redis.url(), "test"), DiskTokenStore.Mode.ALL, message -> { })).build();
        engines.add(engine);
        return engine;
    }

    @Test
    void workersSharingOneRedisThroughATokenExpiryThenOneRenewalInAll() throws Exception {
        EngineWorkspace.issue(server, "first-token", 2);
        EngineWorkspace.answer(server, "/a", "first-token", "[\"before\"]");
        EngineWorkspace.answer(server, "/a", "second-token", "[\"after\"]");
        List<ConnectorRuntime> workers = List.of(worker(), worker(), worker(), worker());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            assertThat(callAll(pool, workers)).containsOnly("[\"before\"]").hasSize(64);
            assertThat(EngineWorkspace.tokenRequests(server)).isEqualTo(1);

            Thread.sleep(1_200); // past the margin: half of the 2 s lifetime
            EngineWorkspace.issue(server, "second-token", 3600);

            assertThat(callAll(pool, workers)).containsOnly("[\"after\"]").hasSize(64);
        } finally {
            pool.shutdownNow();
        }
        assertThat(EngineWorkspace.tokenRequests(server)).as("one renewal, for every worker").isEqualTo(2);
    }

    @Test
    void redisRestartMidRunThenAClearFailureWhileDownAndRecoveryAfterWithoutRestartingTheEngines()
            throws Exception {
        EngineWorkspace.issue(server, "first-token", 2);
        EngineWorkspace.answer(server, "/a", "first-token", "[\"before\"]");
        ConnectorRuntime running = worker();
        assertThat(running.call("list-a", Map.of()).toString()).isEqualTo("[\"before\"]");

        redis.stop();
        ConnectorRuntime newcomer = worker();
        Failure down = catchThrowableOfType(Failure.class, () -> newcomer.call("list-a", Map.of()));
        String memory = running.call("list-a", Map.of()).toString(); // its token is in memory: no store needed
        redis.start();
        Thread.sleep(1_200);
        EngineWorkspace.issue(server, "second-token", 3600);
        EngineWorkspace.answer(server, "/a", "second-token", "[\"after\"]");

        assertThat(down.code()).isEqualTo(Code.TOKEN_STORE_UNREACHABLE);
        assertThat(down.exitCode()).isEqualTo(6);
        assertThat(down.getMessage()).isEqualTo("cannot reach the token store " + redis.masked()
                + ": connection refused");
        assertThat(memory).isEqualTo("[\"before\"]");
        assertThat(running.call("list-a", Map.of()).toString()).isEqualTo("[\"after\"]");
        assertThat(newcomer.call("list-a", Map.of()).toString()).isEqualTo("[\"after\"]");
        assertThat(EngineWorkspace.tokenRequests(server)).as("the restart lost the stored token: one renewal")
                .isEqualTo(2);
    }

    private static List<String> callAll(ExecutorService pool, List<ConnectorRuntime> workers) throws Exception {
        List<Future<String>> calls = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            ConnectorRuntime w = workers.get(i % workers.size());
            calls.add(pool.submit(() -> w.call("list-a", Map.of()).toString()));
        }
        List<String> out = new ArrayList<>();
        for (Future<String> f : calls) {
            out.add(f.get());
        }
        return out;
    }
}
