package dev.connectorruntime.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.connectorruntime.http.TestServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §6: processes sharing the cache coordinate through the lock file beside the entry, so that of two runs
 * started at the same moment only one asks the token endpoint; the other waits and reads its token.
 */
class TwoProcessesShareOneCacheTest {

    @RegisterExtension
    static final WireMockExtension server = TestServers.loopback();

    @TempDir
    Path dir;

    @Test
    void twoJvmsStartingTogetherOnOneCacheThenExactlyOneTokenRequest() throws Exception {
        // slow enough that the second process reaches the lock while the first one's request is in flight
        server.stubFor(post(TokenEndpoint.PATH)
                .willReturn(okJson(TokenEndpoint.token("shared-token", "")).withFixedDelay(1500)));
        Path barrier = Files.createDirectory(dir.resolve("barrier"));
        List<Process> processes = new ArrayList<>();
        for (String name : List.of("first", "second")) {
            processes.add(new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                    TokenCacheProcess.class.getName(), dir.resolve("cache").toString(),
                    TestServers.origin(server) + TokenEndpoint.PATH, barrier.toString(), name, "2")
                    .redirectErrorStream(true).start());
        }

        List<String> outputs = new ArrayList<>();
        for (Process p : processes) {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("process finished").isTrue();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(p.exitValue()).as(output).isZero();
            outputs.add(output);
        }

        assertThat(server.findAll(postRequestedFor(urlEqualTo(TokenEndpoint.PATH)))).hasSize(1);
        assertThat(outputs).containsExactlyInAnyOrder("Bearer shared-token from NEW", "Bearer shared-token from CACHE");
    }

    private static String javaExecutable() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(java)) {
            throw new IOException("no java launcher at " + java);
        }
        return java.toString();
    }
}
