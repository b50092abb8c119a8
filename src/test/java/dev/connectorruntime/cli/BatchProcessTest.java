package dev.connectorruntime.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Ctrl-C in a real process (SPEC §13): SIGINT mid-batch writes every finished line and exits 130. */
@EnabledOnOs(OS.LINUX)
class BatchProcessTest extends SalesforceServers {

    @Test
    void batchWhenSigintMidBatchThenEveryFinishedLineIsWrittenAndExit130() throws Exception {
        Files.copy(Path.of("actions/get-contact.yaml"), dir.resolve("actions/get-contact.yaml"));
        login.stubFor(post("/services/oauth2/token").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + BatchCliTest.TOKEN + "\",\"instance_url\":\"" + instance.baseUrl()
                        + "\",\"token_type\":\"Bearer\"}")));
        for (int i = 1; i <= 30; i++) {
            instance.stubFor(get(urlPathEqualTo(BatchCliTest.CONTACT + BatchCliTest.id(i))).willReturn(aResponse()
                    .withStatus(200).withFixedDelay(i <= 3 ? 0 : 30_000).withHeader("Content-Type", "application/json")
                    .withBody("{\"Id\":\"" + BatchCliTest.id(i) + "\",\"Name\":\"Contact " + i + "\"}")));
        }
        Files.writeString(dir.resolve("in.jsonl"), IntStream.rangeClosed(1, 30).mapToObj(BatchCliTest::idLine)
                .collect(Collectors.joining("\n")));
        Path out = dir.resolve("out.jsonl");
        Path err = dir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.connectorruntime.cli.Main", "run", "get-contact",
                "--batch", "in.jsonl", "--concurrency", "4").directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(new File("/dev/null"));
        pb.environment().putAll(env);
        pb.environment().put("CONNECTOR_RUNTIME_CACHE_DIR", Files.createDirectories(dir.resolve("cache")).toString());
        Process p = pb.start();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (instance.findAll(getRequestedFor(urlPathMatching(BatchCliTest.CONTACT + ".*"))).size() < 7
                    && System.nanoTime() < until) {
                Thread.sleep(20);
            }

            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();

            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(130);
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            assertThat(lines).containsExactly(BatchCliTest.ok(1, 1), BatchCliTest.ok(2, 2), BatchCliTest.ok(3, 3));
            assertThat(Files.readString(err)).isEqualTo("error: interrupted\n");
        } finally {
            p.destroyForcibly();
        }
    }
}
