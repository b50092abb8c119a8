package dev.connectorruntime.serve;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.model.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --mcp} as a process, spoken to line by line: what only a raw client sees (every stdout line is
 * JSON-RPC, the end of stdin and SIGTERM end it with exit 0, a {@code notifications/cancelled} stops the call,
 * progress arrives for each page).
 */
class McpProcessTest {

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    @TempDir
    Path dir;

    McpFixture fixture;
    Process process;
    final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    final List<String> stderr = new ArrayList<>();

    @BeforeEach
    void start() {
        fixture = new McpFixture(dir);
    }

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
        fixture.close();
    }

    private void launch() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(fixture.command("--mcp"));
        pb.environment().putAll(fixture.env());
        process = pb.start();
        Thread out = new Thread(() -> lines(process.getInputStream(), stdout));
        out.setDaemon(true);
        out.start();
        Thread err = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (stderr) {
                        stderr.add(line);
                    }
                }
            } catch (IOException e) {
                // ended
            }
        });
        err.setDaemon(true);
        err.start();
    }

    private static void lines(java.io.InputStream in, BlockingQueue<String> sink) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                sink.add(line);
            }
        } catch (IOException e) {
            // ended
        }
    }

    private void send(String... messages) throws IOException {
        OutputStream in = process.getOutputStream();
        for (String m : messages) {
            in.write((m + "\n").getBytes(StandardCharsets.UTF_8));
        }
        in.flush();
    }

    /** The next stdout line, parsed; it must be a JSON-RPC 2.0 message. */
    private JsonNode next() throws Exception {
        String line = stdout.poll(20, TimeUnit.SECONDS);
        assertThat(line).as("a line on stdout; stderr: %s", stderr).isNotNull();
        JsonNode message = Json.parse(line);
        assertThat(message.path("jsonrpc").asText()).as(line).isEqualTo("2.0");
        return message;
    }

    private JsonNode answerTo(int id) throws Exception {
        while (true) {
            JsonNode m = next();
            if (m.path("id").asInt(-1) == id) {
                return m;
            }
        }
    }

    @Test
    void theEndOfStdinAnswersWhatIsInFlightThenExitsZero() throws Exception {
        fixture.instance.stubFor(get(urlPathEqualTo("/services/data/v58.0/query")).willReturn(aResponse()
                .withFixedDelay(700).withHeader("Content-Type", "application/json").withBody(McpFixture.CONTACTS)));
        launch();
        send(INITIALIZE, INITIALIZED,
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"list-contacts\"}}");
        process.getOutputStream().close();

        JsonNode answer = answerTo(2);

        assertThat(answer.at("/result/isError").asBoolean()).isFalse();
        assertThat(answer.at("/result/content/0/text").asText()).isEqualTo("[\"Ada Lovelace\",\"Alan Turing\"]");
        assertThat(process.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void sigtermDrainsAndExitsZero() throws Exception {
        launch();
        send(INITIALIZE, INITIALIZED);
        assertThat(answerTo(1).at("/result/serverInfo/name").asText()).isEqualTo("connector-runtime");

        process.destroy(); // SIGTERM

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void notificationsCancelledStopsTheCallAtOnce() throws Exception {
        fixture.instance.stubFor(get(urlPathEqualTo("/services/data/v58.0/query")).willReturn(aResponse()
                .withFixedDelay(15_000).withHeader("Content-Type", "application/json").withBody(McpFixture.CONTACTS)));
        launch();
        send(INITIALIZE, INITIALIZED);
        answerTo(1);
        send("{\"jsonrpc\":\"2.0\",\"id\":\"call-7\",\"method\":\"tools/call\",\"params\":{\"name\":\"list-contacts\"}}");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fixture.instance.getAllServeEvents().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        long start = System.nanoTime();

        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"call-7\","
                + "\"reason\":\"the user changed their mind\"}}");

        JsonNode answer = next();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
        assertThat(answer.path("id").asText()).isEqualTo("call-7");
        assertThat(answer.at("/result/isError").asBoolean()).isTrue();
        JsonNode error = Json.parse(answer.at("/result/content/0/text").asText()).get("error");
        assertThat(error.get("kind").asText()).isEqualTo("cancelled");
        assertThat(error.get("code").asText()).isEqualTo("cancelled");
    }

    @Test
    void aPaginatedCallReportsProgressForEachAnswerWhenAskedTo() throws Exception {
        fixture.instance.stubFor(get(urlPathEqualTo("/services/data/v58.0/query")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"totalSize\":3,\"done\":false,"
                        + "\"nextRecordsUrl\":\"/services/data/v58.0/query/01gD0-2000\",\"records\":"
                        + "[{\"Name\":\"Ada Lovelace\"},{\"Name\":\"Alan Turing\"}]}")));
        fixture.instance.stubFor(get(urlPathEqualTo("/services/data/v58.0/query/01gD0-2000")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"totalSize\":3,\"done\":true,\"records\":[{\"Name\":\"Grace Hopper\"}]}")));
        launch();
        send(INITIALIZE, INITIALIZED);
        answerTo(1);

        send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"list-contacts\","
                + "\"_meta\":{\"progressToken\":\"p-1\"}}}");

        List<JsonNode> progress = new ArrayList<>();
        JsonNode answer;
        while (true) {
            JsonNode m = next();
            if (m.path("method").asText().equals("notifications/progress")) {
                progress.add(m.get("params"));
            } else if (m.path("id").asInt(-1) == 2) {
                answer = m;
                break;
            }
        }
        assertThat(answer.at("/result/content/0/text").asText())
                .isEqualTo("[\"Ada Lovelace\",\"Alan Turing\",\"Grace Hopper\"]");
        assertThat(progress).extracting(p -> p.get("progressToken").asText()).containsOnly("p-1");
        assertThat(progress).extracting(p -> p.get("progress").asInt()).containsExactly(1, 2, 3);
        assertThat(progress.get(2).get("message").asText()).isEqualTo("3 answers received");
    }

    @Test
    void stdoutCarriesNothingButJsonRpcAndLogsGoToStderr() throws Exception {
        Files.writeString(dir.resolve("actions/broken.yaml"), "name: broken\nconnector: nowhere\n");
        launch();
        send(INITIALIZE, INITIALIZED, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                "this is not json", "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
                        + "{\"name\":\"no-such-tool\"}}");
        process.getOutputStream().close();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();

        List<JsonNode> messages = new ArrayList<>();
        String line;
        while ((line = stdout.poll(1, TimeUnit.SECONDS)) != null) {
            JsonNode m = Json.parse(line); // throws on anything that is not JSON
            assertThat(m.path("jsonrpc").asText()).as(line).isEqualTo("2.0");
            messages.add(m);
        }
        assertThat(messages).hasSize(4);
        assertThat(messages.get(2).at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(messages.get(3).at("/error/code").asInt()).isEqualTo(-32602);
        synchronized (stderr) {
            assertThat(stderr).anyMatch(l -> l.startsWith("warning: action `broken` is not served: "));
            assertThat(stderr).contains("serving 1 tools over stdio (MCP)");
        }
    }
}
