package dev.connectorruntime.redis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * A real {@code redis-server} of the test's own on a free loopback port, with no persistence and a password, for
 * the shared token store's tests (register it as a static {@code @RegisterExtension}; every test starts on an empty
 * database). Where {@code redis-server} is not installed the tests are skipped by an assumption, so the README's test
 * command passes on a fresh machine; {@code CONNECTOR_RUNTIME_REDIS_REQUIRED=1} (set by {@code .ci/run}) turns the
 * skip into a failure.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    public static final String PASSWORD = "s3cret-redis+pass";

    private Path executable;
    private int port;
    private Process process;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        executable = find();
        boolean required = "1".equals(System.getenv("CONNECTOR_RUNTIME_REDIS_REQUIRED"));
        if (executable == null && required) {
            throw new IllegalStateException("redis-server is not installed, and CONNECTOR_RUNTIME_REDIS_REQUIRED=1"
                    + " says these tests must run (apt-get install -y redis-server)");
        }
        assumeTrue(executable != null, "redis-server is not installed: the shared token store's tests are skipped");
        port = freePort();
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        try (RedisClient c = client()) {
            c.flushAll();
        }
    }

    /** The URL of this server with its password: {@code redis://:PASSWORD@127.0.0.1:PORT}. */
    public String url() {
        return "redis://:" + PASSWORD + "@127.0.0.1:" + port;
    }

    /** The masked form the runtime prints. */
    public String masked() {
        return "redis://****@127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** A client of the test's own, to look at what the store wrote. */
    public RedisClient client() {
        return RedisClient.builder().hostAndPort("127.0.0.1", port)
                .clientConfig(DefaultJedisClientConfig.builder().password(PASSWORD).build()).build();
    }

    /** Every key and its value (strings only), as bytes read in ISO-8859-1, so that any byte shows. */
    public Map<String, String> dump() {
        Map<String, String> out = new LinkedHashMap<>();
        try (RedisClient c = client()) {
            byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
            do {
                ScanResult<byte[]> page = c.scan(cursor, new ScanParams().count(1000));
                for (byte[] key : page.getResult()) {
                    byte[] value = c.get(key);
                    out.put(new String(key, StandardCharsets.ISO_8859_1),
                            value == null ? "" : new String(value, StandardCharsets.ISO_8859_1));
                }
                cursor = page.getCursorAsBytes();
            } while (!new String(cursor, StandardCharsets.US_ASCII).equals("0"));
        }
        return out;
    }

    /** Starts the server on its port (again, after {@link #stop()}: a restart loses every key). */
    public void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--requirepass", PASSWORD,
                "--protected-mode", "no", "--daemonize", "no", "--loglevel", "warning"));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("redis-server exited with " + process.exitValue());
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("redis-server did not listen on port " + port + " within 10 s");
    }

    /** Stops the server at once (SIGKILL): nothing is saved. */
    public void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private static Path find() {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/local/bin:/usr/sbin")
                .split(":")) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, "redis-server");
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
