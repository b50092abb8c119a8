import dev.connectorruntime.engine.ConnectorRuntime;
import dev.connectorruntime.engine.SecretSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client of bench/mcp.sh: one {@code tools/call} of {@code list-contacts} at a time, round trip, three ways
 * against the same loopback stand-in (bench/BenchServer.java), interleaved round by round in this one JVM:
 * <ul>
 * <li><b>direct</b>: {@code ConnectorRuntime.call} in this process (the floor: what serve wraps);</li>
 * <li><b>stdio</b>: a {@code bin/runtime serve --mcp} child, one JSON-RPC line written to its stdin, one read back;</li>
 * <li><b>http</b>: a {@code bin/runtime serve --http 0} child, one {@code POST /mcp} with a shared
 * {@code java.net.http.HttpClient} (HTTP/1.1, the connection kept alive).</li>
 * </ul>
 * Then the time from process start to the first answered {@code initialize}, {@code bin/runtime serve --mcp} and
 * {@code java -jar runtime.jar serve --mcp} alternately.
 *
 * <pre>
 * java McpBench latency WORKSPACE ROUNDS CALLS WARMUP OUT   # per-mode p50/p90 table (markdown) to OUT
 * java McpBench startup WORKSPACE RUNS OUT                  # start-to-initialize table (markdown) to OUT
 * </pre>
 * Both expect the SALESFORCE_* variables of bench/stand-in.sh, {@code bench.runtime} (bin/runtime),
 * {@code bench.jar} and {@code bench.java} (the java binary for the plain {@code java -jar} start) as system
 * properties, and CONNECTOR_RUNTIME_CACHE_DIR set (the servers' archive and token cache). Progress goes to stderr.
 */
public class McpBench {

    static final String ACTION = "list-contacts";
    static final String EXPECTED = "Ada Lovelace";
    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"mcp-bench\","
            + "\"version\":\"1\"}}}";
    static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    static final Pattern LISTENING = Pattern.compile("on http://([^ ]+) ");

    public static void main(String[] args) throws Exception {
        Path ws = Path.of(args[1]);
        String fragment;
        if (args[0].equals("latency")) {
            fragment = latency(ws, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            Files.writeString(Path.of(args[5]), fragment);
        } else if (args[0].equals("startup")) {
            fragment = startup(ws, Integer.parseInt(args[2]));
            Files.writeString(Path.of(args[3]), fragment);
        } else {
            throw new IllegalArgumentException("mode: latency or startup");
        }
    }

    /** One call, however it is made; throws when the answer is not the contacts. */
    interface Side extends AutoCloseable {
        void call() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    // ---------------------------------------------------------------------------------------------------- direct

    static Side direct(Path ws) throws IOException {
        Map<String, String> env = new HashMap<>(System.getenv());
        ConnectorRuntime runtime = ConnectorRuntime.builder().workspace(ws)
                .secrets(SecretSource.of(env))
                .environment(env)
                .build();
        return new Side() {
            @Override
            public void call() {
                Object out = runtime.call(ACTION, Map.of());
                if (!String.valueOf(out).contains(EXPECTED)) {
                    throw new IllegalStateException("unexpected output: " + out);
                }
            }

            @Override
            public void close() {
                runtime.close();
            }
        };
    }

    // ----------------------------------------------------------------------------------------------------- stdio

    /** A {@code serve --mcp} child, initialized. */
    static final class Stdio implements Side {
        final Process process;
        final OutputStream in;
        final BufferedReader out;
        int id = 1;

        Stdio(List<String> command, Path ws, Path stderr) throws IOException {
            List<String> c = new ArrayList<>(command);
            c.addAll(List.of("serve", "--mcp", "--dir", ws.toString()));
            process = new ProcessBuilder(c).redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile())).start();
            in = process.getOutputStream();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Sends initialize, returns its answer line. */
        String initialize() throws IOException {
            send(INITIALIZE);
            String line = out.readLine();
            if (line == null || !line.contains("\"protocolVersion\"")) {
                throw new IllegalStateException("no initialize answer: " + line);
            }
            send(INITIALIZED);
            return line;
        }

        void send(String line) throws IOException {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        @Override
        public void call() throws IOException {
            int n = id++;
            send("{\"jsonrpc\":\"2.0\",\"id\":" + n + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + ACTION
                    + "\",\"arguments\":{}}}");
            String line = out.readLine();
            if (line == null || !line.startsWith("{\"jsonrpc\":\"2.0\",\"id\":" + n + ",") || !line.contains(EXPECTED)
                    || line.contains("\"isError\":true")) {
                throw new IllegalStateException("unexpected answer: " + line);
            }
        }

        /** Closes stdin (as MCP clients do) and waits for the exit; returns the exit code. */
        @Override
        public void close() throws Exception {
            in.close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("serve --mcp did not exit within 20 s of the end of stdin");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("serve --mcp exited " + process.exitValue());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------ http

    static final class Http implements Side {
        final Process process;
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final URI uri;
        int id = 1;

        Http(List<String> command, Path ws, Path stderr) throws Exception {
            List<String> c = new ArrayList<>(command);
            c.addAll(List.of("serve", "--http", "0", "--dir", ws.toString()));
            Files.deleteIfExists(stderr);
            process = new ProcessBuilder(c).redirectError(stderr.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String address = null;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (address == null && System.nanoTime() < end) {
                Matcher m = LISTENING.matcher(Files.readString(stderr));
                if (m.find()) {
                    address = m.group(1);
                } else {
                    Thread.sleep(20);
                }
            }
            if (address == null) {
                process.destroyForcibly();
                throw new IllegalStateException("serve --http did not say where it listens: " + Files.readString(stderr));
            }
            uri = URI.create("http://" + address + "/mcp");
        }

        @Override
        public void call() throws Exception {
            int n = id++;
            HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":" + n
                            + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + ACTION + "\",\"arguments\":{}}}"))
                    .build();
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || !r.body().contains(EXPECTED) || r.body().contains("\"isError\":true")) {
                throw new IllegalStateException("unexpected answer: " + r.statusCode() + " " + r.body());
            }
        }

        /** SIGTERM, as a supervisor stops it; the server drains and exits 0. */
        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("serve --http did not exit within 20 s of SIGTERM");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("serve --http exited " + process.exitValue() + " on SIGTERM");
            }
        }
    }

    // --------------------------------------------------------------------------------------------------- latency

    record Round(String mode, long[] sortedNanos) {
        double percentileMs(double p) {
            int i = (int) Math.ceil(p * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
        }
    }

    static Round round(String mode, Side side, int calls) throws Exception {
        long[] t = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            side.call();
            t[i] = System.nanoTime() - start;
        }
        Arrays.sort(t);
        return new Round(mode, t);
    }

    static String latency(Path ws, int rounds, int calls, int warmup) throws Exception {
        List<String> runtime = List.of(System.getProperty("bench.runtime"));
        Path out = Path.of(System.getProperty("bench.out", "bench/out"));
        String[] names = {"direct", "stdio", "http"};
        Map<String, List<Round>> byMode = new HashMap<>();
        try (Side direct = direct(ws);
             Stdio stdio = new Stdio(runtime, ws, out.resolve("mcp-stdio.stderr"));
             Http http = new Http(runtime, ws, out.resolve("mcp-http.stderr"))) {
            stdio.initialize();
            Side[] sides = {direct, stdio, http};
            long w0 = System.nanoTime();
            for (int k = 0; k < 10; k++) { // warm-up, interleaved in tenths
                for (int s = 0; s < sides.length; s++) {
                    round(names[s], sides[s], Math.max(1, warmup / 10));
                }
            }
            log("warm-up: %d calls of each in %.1f s", warmup, (System.nanoTime() - w0) / 1e9);
            for (int r = 0; r < rounds; r++) {
                for (int j = 0; j < sides.length; j++) {
                    int s = (r + j) % sides.length; // a different mode first in each round
                    Round x = round(names[s], sides[s], calls);
                    byMode.computeIfAbsent(names[s], k -> new ArrayList<>()).add(x);
                    log("round %d, %-6s: p50 %.3f ms, p90 %.3f ms, max %.3f ms", r + 1, names[s],
                            x.percentileMs(0.5), x.percentileMs(0.9), x.percentileMs(1.0));
                }
            }
        }
        double d50 = median(byMode.get("direct"), x -> x.percentileMs(0.5));
        double d90 = median(byMode.get("direct"), x -> x.percentileMs(0.9));
        StringBuilder md = new StringBuilder();
        md.append("| mode | p50 | p90 | p50 over direct | p90 over direct | goal (p50 over direct) |\n")
                .append("|---|---|---|---|---|---|\n");
        for (String mode : names) {
            double p50 = median(byMode.get(mode), x -> x.percentileMs(0.5));
            double p90 = median(byMode.get(mode), x -> x.percentileMs(0.9));
            String goal = mode.equals("direct") ? "" : (p50 - d50 <= 2.0 ? "≤ 2 ms: met" : "≤ 2 ms: **not met**");
            md.append(String.format(Locale.ROOT, "| %s | %.3f ms | %.3f ms | %s | %s | %s |%n", label(mode), p50, p90,
                    mode.equals("direct") ? "" : String.format(Locale.ROOT, "%+.3f ms (%.2f×)", p50 - d50, p50 / d50),
                    mode.equals("direct") ? "" : String.format(Locale.ROOT, "%+.3f ms", p90 - d90), goal));
        }
        return md.toString();
    }

    static String label(String mode) {
        return switch (mode) {
            case "direct" -> "direct: `ConnectorRuntime.call` in-process";
            case "stdio" -> "stdio: `bin/runtime serve --mcp`";
            default -> "http: `bin/runtime serve --http 0`, `POST /mcp`";
        };
    }

    // --------------------------------------------------------------------------------------------------- startup

    /** Milliseconds from just before the process is started to the answer to initialize. */
    static double startOnce(List<String> command, Path ws, Path stderr) throws Exception {
        long t0 = System.nanoTime();
        Stdio s = new Stdio(command, ws, stderr);
        s.initialize();
        double ms = (System.nanoTime() - t0) / 1e6;
        s.close();
        return ms;
    }

    static String startup(Path ws, int runs) throws Exception {
        List<String> launcher = List.of(System.getProperty("bench.runtime"));
        List<String> plain = List.of(System.getProperty("bench.java"), "-jar", System.getProperty("bench.jar"));
        Path out = Path.of(System.getProperty("bench.out", "bench/out"));
        Path stderr = out.resolve("mcp-startup.stderr");
        Files.deleteIfExists(stderr);
        double[] a = new double[runs];
        double[] b = new double[runs];
        for (int i = 0; i < runs; i++) {
            if (i % 2 == 0) {
                a[i] = startOnce(launcher, ws, stderr);
                b[i] = startOnce(plain, ws, stderr);
            } else {
                b[i] = startOnce(plain, ws, stderr);
                a[i] = startOnce(launcher, ws, stderr);
            }
            log("run %d: bin/runtime %.0f ms, java -jar %.0f ms", i + 1, a[i], b[i]);
        }
        Arrays.sort(a);
        Arrays.sort(b);
        double ma = median(a);
        double mb = median(b);
        return String.format(Locale.ROOT, "| start to the first answered `initialize` | median | min–max | goal |%n"
                        + "|---|---|---|---|%n"
                        + "| `bin/runtime serve --mcp` (its archive present) | %.0f ms | %.0f–%.0f ms | < 500 ms: %s |%n"
                        + "| `java -jar target/runtime.jar serve --mcp` | %.0f ms | %.0f–%.0f ms | |%n"
                        + "%nRatio bin/runtime / java -jar: %.2f.%n",
                ma, a[0], a[runs - 1], ma < 500 ? "met" : "**not met**", mb, b[0], b[runs - 1], ma / mb);
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double median(List<Round> rounds, ToDoubleFunction<Round> f) {
        double[] v = rounds.stream().mapToDouble(f).sorted().toArray();
        return median(v);
    }

    static void log(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }
}
