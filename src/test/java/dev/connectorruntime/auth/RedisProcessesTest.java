package dev.connectorruntime.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.connectorruntime.http.TestServers;
import dev.connectorruntime.redis.RedisServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §13 across real processes: JVMs that share nothing but one Redis (each has a disk cache of its own) make one
 * token request between them, and a holder killed inside the lock blocks the others for one lease at most.
 */
class RedisProcessesTest {

    @RegisterExtension
    static final WireMockExtension server = TestServers.loopback();

    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    @TempDir
    Path dir;

    @Test
    void eightJvmsStartingTogetherOnOneRedisThenExactlyOneTokenRequest() throws Exception {
        // slow enough that every other process reaches the lock while the first one's request is in flight
        server.stubFor(post(TokenEndpoint.PATH)
                .willReturn(okJson(TokenEndpoint.token("fleet-token", "")).withFixedDelay(1500)));
        Path barrier = Files.createDirectory(dir.resolve("barrier"));
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            processes.add(start(barrier, "p" + i, 8, 15_000));
        }

        List<String> outputs = new ArrayList<>();
        for (Process p : processes) {
            outputs.add(finish(p));
        }

        assertThat(server.findAll(postRequestedFor(urlEqualTo(TokenEndpoint.PATH)))).hasSize(1);
        assertThat(outputs).filteredOn(o -> o.equals("Bearer fleet-token from NEW")).hasSize(1);
        assertThat(outputs).filteredOn(o -> o.equals("Bearer fleet-token from CACHE")).hasSize(7);
    }

    @Test
    void holderKilledInsideTheLockThenTheNextProcessWaitsOneLeaseAtMost() throws Exception {
        String scenario = "killed holder";
        server.stubFor(post(TokenEndpoint.PATH).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(TokenEndpoint.token("never-delivered", "")).withFixedDelay(60_000))
                .willSetStateTo("holder killed"));
        server.stubFor(post(TokenEndpoint.PATH).inScenario(scenario).whenScenarioStateIs("holder killed")
                .willReturn(okJson(TokenEndpoint.token("after-the-lease", ""))));
        Path barrier = Files.createDirectory(dir.resolve("barrier"));
        Process holder = start(barrier, "holder", 1, 2_000);
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (server.findAll(postRequestedFor(urlEqualTo(TokenEndpoint.PATH))).isEmpty()
                && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(redis.dump().keySet()).as("the holder is inside the lock").anyMatch(k -> k.contains(":lock:"));

        holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no finally block runs
        long killed = System.nanoTime();
        Path next = Files.createDirectory(dir.resolve("next"));
        String output = finish(start(next, "next", 1, 2_000));

        assertThat(output).isEqualTo("Bearer after-the-lease from NEW");
        assertThat(Duration.ofNanos(System.nanoTime() - killed))
                .as("the 2 s lease, plus a JVM's start").isLessThan(Duration.ofSeconds(12));
    }

    private Process start(Path barrier, String name, int processes, long leaseMillis) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                RedisTokenProcess.class.getName(), TestServers.origin(server) + TokenEndpoint.PATH,
                barrier.toString(), name, Integer.toString(processes), Long.toString(leaseMillis))
                .redirectErrorStream(true);
        pb.environment().put("CONNECTOR_RUNTIME_TOKEN_STORE", redis.url());
        pb.environment().put("CONNECTOR_RUNTIME_CACHE_DIR", dir.resolve("cache-" + name).toString());
        return pb.start();
    }

    private static String finish(Process p) throws Exception {
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("process finished").isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    private static String java() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(java)) {
            throw new IOException("no java launcher at " + java);
        }
        return java.toString();
    }
}
