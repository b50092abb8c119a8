package dev.connectorruntime.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.auth.TokenStore;
import dev.connectorruntime.engine.ConnectorRuntime;
import dev.connectorruntime.engine.SecretSource;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.secret.Redactor;
import dev.connectorruntime.secret.Secret;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A {@code serve --http} in this JVM on a free loopback port, against {@link McpFixture}'s Salesforce. */
abstract class ServeHttpTestBase {

    static final String SERVE_TOKEN = "serve-token-4f9c2a7e1b";
    static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    @TempDir
    Path dir;

    McpFixture fixture;
    int concurrency = 8;
    int queue = 256;
    final CountDownLatch stop = new CountDownLatch(1);
    final List<String> log = new CopyOnWriteArrayList<>();
    CompletableFuture<Integer> exit;
    String base;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        fixture = new McpFixture(dir);
    }

    @AfterEach
    void stopAll() throws Exception {
        stop.countDown();
        if (exit != null) {
            assertThat(exit.get(15, TimeUnit.SECONDS)).isZero();
        }
        fixture.close();
    }

    void serve(Secret token) throws Exception {
        Redactor redactor = new Redactor();
        ConnectorRuntime engine = ConnectorRuntime.builder().workspace(dir).secrets(SecretSource.of(fixture.env()))
                .environment(Map.of()).tokenStore(TokenStore.NONE).redactor(redactor).build();
        Settings settings = new Settings(Set.of(), false, Settings.MAX_OUTPUT, concurrency, queue, Duration.ofSeconds(10),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, 1024, Set.of(), Set.of(),
                Duration.ofSeconds(5), false);
        CompletableFuture<InetSocketAddress> bound = new CompletableFuture<>();
        exit = CompletableFuture.supplyAsync(() -> {
            try (Server server = new Server(engine, settings, redactor, log::add)) {
                return server.serveHttp(token, null, stop, dir, bound::complete);
            } catch (Exception e) {
                bound.completeExceptionally(e);
                throw new IllegalStateException(e);
            }
        });
        base = "http://127.0.0.1:" + bound.get(20, TimeUnit.SECONDS).getPort();
    }

    HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The access log line is written once the answer is sent: wait for the last one. */
    void awaitLog() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (log.stream().noneMatch(l -> l.startsWith("http ")) && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        Thread.sleep(50);
    }

    /** A request as written, for what the JDK client will not send (a foreign Host); the whole answer as text. */
    String raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", URI.create(base).getPort())) {
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static JsonNode problem(HttpResponse<String> r) throws Exception {
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.headers().firstValue("X-Request-Id")).isPresent();
        return Json.parse(r.body());
    }

}
