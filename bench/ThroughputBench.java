import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectorruntime.engine.ConnectorRuntime;
import dev.connectorruntime.engine.SecretSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * The client JVM of bench/throughput.sh: the engine ({@link ConnectorRuntime}) against one bare shared
 * {@link HttpClient} with a fixed bearer header that parses each body into a Jackson tree, the same requests to the
 * loopback server of {@code ThroughputServer}, interleaved round by round in this one JVM.
 *
 * <pre>
 * java ThroughputBench throughput PORT ROUNDS SECONDS THREADS,... OUT   # throughput, CPU and latency tables
 * java ThroughputBench memory PORT CALLS THREADS EXPIRES_IN OUT        # heap after GC over CALLS calls
 * java ThroughputBench profile PORT engine|bare THREADS SECONDS         # one side alone, to run under a profiler
 * </pre>
 * The markdown fragment goes to OUT; progress to stderr. {@code -Dbench.serverPid=PID -Dbench.clkTck=HZ} also
 * reports the server JVM's CPU per call (from /proc).
 */
public class ThroughputBench {

    static final String ACTION = "query-contacts";
    static final Map<String, Object> INPUTS = Map.of("limit", 25);
    static final String SOQL = "SELECT Id, Name, Email, Phone, Title, AccountId FROM Contact LIMIT ";
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    static final java.lang.management.CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    static final double QUIET_JIT_SHARE = 0.03;
    static final int MAX_WARMUP_PAIRS = 10;
    static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int port = Integer.parseInt(args[1]);
        String fragment;
        if (mode.equals("throughput")) {
            int rounds = Integer.parseInt(args[2]);
            double seconds = Double.parseDouble(args[3]);
            int[] threads = Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray();
            fragment = throughput(port, rounds, seconds, threads);
            Files.writeString(Path.of(args[5]), fragment);
        } else if (mode.equals("memory")) {
            long calls = Long.parseLong(args[2]);
            int threads = Integer.parseInt(args[3]);
            int expiresIn = Integer.parseInt(args[4]);
            fragment = memory(port, calls, threads, expiresIn);
            Files.writeString(Path.of(args[5]), fragment);
        } else if (mode.equals("profile")) {
            int threads = Integer.parseInt(args[3]);
            double seconds = Double.parseDouble(args[4]);
            try (ConnectorRuntime runtime = engine(port)) {
                Side side = args[2].equals("engine") ? engineSide(runtime) : bareSide(bareClient(), port);
                Round x = round(side, threads, seconds);
                log("%s, %d threads: %.0f calls/s, %.3f CPU ms/call, %.1f KB/call, p50 %.3f ms, p99 %.3f ms, %d errors",
                        args[2], threads, x.perSecond(), x.cpuMsPerCall(), x.allocatedKbPerCall(), x.percentileMs(0.5),
                        x.percentileMs(0.99), x.errors());
            }
        } else {
            throw new IllegalArgumentException("mode: throughput, memory or profile");
        }
    }

    // ---------------------------------------------------------------------------------------------- the two sides

    /** One call, however it is made; throws when the answer is not the 25 contacts. */
    interface Side {
        void call() throws Exception;
    }

    /**
     * A workspace with the loopback connector (password grant, base URL from the token's instance_url) and an
     * action that GETs the query: no pagination and no output expression, so the engine returns the parsed body,
     * as the bare side does.
     */
    static Path workspace(int port) throws IOException {
        Path ws = Files.createTempDirectory("throughput-ws");
        Files.createDirectories(ws.resolve("connectors"));
        Files.createDirectories(ws.resolve("actions"));
        Files.writeString(ws.resolve("connectors/salesforce.yaml"), """
                name: salesforce
                description: Loopback stand-in for Salesforce (bench/ThroughputServer.java)
                auth:
                  type: oauth2
                  grant_type: password
                  token_url: http://127.0.0.1:%d/services/oauth2/token
                  client_id: <<salesforce_consumer_key>>
                  client_secret: <<salesforce_consumer_secret>>
                  username: <<salesforce_username>>
                  password: <<salesforce_password>><<salesforce_security_token>>
                  base_url_from: instance_url
                headers:
                  Accept: application/json
                timeout: 30s
                """.formatted(port));
        Files.writeString(ws.resolve("actions/" + ACTION + ".yaml"), """
                name: %s
                description: Query contacts (one page, the body as it comes)
                connector: salesforce
                inputs:
                  limit:
                    type: integer
                    description: How many contacts to return
                    default: 25
                    minimum: 1
                    maximum: 2000
                request:
                  method: GET
                  path: /services/data/v58.0/query
                  query:
                    q: %s{{limit}}
                """.formatted(ACTION, SOQL));
        return ws;
    }

    /**
     * The engine as an application would build it: the default token store (the encrypted disk cache) in an empty
     * temporary cache folder, secrets from a map.
     */
    static ConnectorRuntime engine(int port) throws IOException {
        Path cache = Files.createTempDirectory("throughput-cache");
        return ConnectorRuntime.builder().workspace(workspace(port))
                .secrets(SecretSource.of(Map.of(
                        "SALESFORCE_CONSUMER_KEY", "bench-engine",
                        "SALESFORCE_CONSUMER_SECRET", "bench-secret",
                        "SALESFORCE_USERNAME", "bench@example.com",
                        "SALESFORCE_PASSWORD", "bench-password",
                        "SALESFORCE_SECURITY_TOKEN", "bench-token")))
                .environment(Map.of("CONNECTOR_RUNTIME_CACHE_DIR", cache.toString()))
                .build();
    }

    static Side engineSide(ConnectorRuntime runtime) {
        return () -> check(runtime.call(ACTION, INPUTS));
    }

    /** One shared HttpClient (HTTP/1.1), one token asked once, one request built once: send, then readTree. */
    static Side bareSide(HttpClient client, int port) throws Exception {
        String form = "grant_type=password&client_id=bench-bare&client_secret=bench-secret"
                + "&username=bench%40example.com&password=bench-passwordbench-token";
        HttpResponse<byte[]> t = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/services/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode token = MAPPER.readTree(t.body());
        HttpRequest query = HttpRequest.newBuilder(URI.create(token.get("instance_url").asText()
                        + "/services/data/v58.0/query?q=" + URLEncoder.encode(SOQL + 25, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token.get("access_token").asText())
                .header("Accept", "application/json")
                .GET().build();
        return () -> {
            HttpResponse<byte[]> r = client.send(query, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IOException("status " + r.statusCode());
            }
            check(MAPPER.readTree(r.body()));
        };
    }

    static HttpClient bareClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    static void check(JsonNode page) {
        if (page.path("records").size() != 25) {
            throw new IllegalStateException("not the 25 contacts: " + page.toString().substring(0, 80));
        }
    }

    // --------------------------------------------------------------------------------------------------- rounds

    /** What one round of one side measured. Latencies in ns, sorted. */
    record Round(long calls, long errors, String firstError, long elapsedNs, long cpuNs, double serverCpuNs,
                 long allocated, long[] latencies) {
        double perSecond() {
            return calls * 1e9 / elapsedNs;
        }

        double cpuMsPerCall() {
            return cpuNs / 1e6 / calls;
        }

        double allocatedKbPerCall() {
            return allocated / 1024.0 / calls;
        }

        double serverCpuMsPerCall() {
            return serverCpuNs / 1e6 / calls;
        }

        double percentileMs(double p) {
            int i = (int) Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1);
            return latencies[Math.max(0, i)] / 1e6;
        }
    }

    /** A growable array of longs, one per worker thread. */
    static final class Longs {
        long[] a = new long[4096];
        int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }
    }

    /** {@code threads} threads call {@code side} in a loop for {@code seconds}, each call timed. */
    static Round round(Side side, int threads, double seconds) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        Longs[] lat = new Longs[threads];
        AtomicLong errors = new AtomicLong();
        AtomicLong allocated = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long[] endAt = new long[1];
        Thread[] ts = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            Longs mine = lat[i] = new Longs();
            ts[i] = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long end = endAt[0];
                long allocated0 = THREADS.getCurrentThreadAllocatedBytes();
                while (true) {
                    long t0 = System.nanoTime();
                    try {
                        side.call();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, String.valueOf(e));
                    }
                    long t1 = System.nanoTime();
                    mine.add(t1 - t0);
                    if (t1 >= end) {
                        break;
                    }
                }
                allocated.addAndGet(THREADS.getCurrentThreadAllocatedBytes() - allocated0);
            }, "bench-worker-" + i);
            ts[i].start();
        }
        ready.await();
        double server0 = serverCpuNs();
        long cpu0 = OS.getProcessCpuTime();
        long start = System.nanoTime();
        endAt[0] = start + (long) (seconds * 1e9);
        go.countDown();
        for (Thread t : ts) {
            t.join();
        }
        long elapsed = System.nanoTime() - start;
        long cpu = OS.getProcessCpuTime() - cpu0;
        double server = serverCpuNs() - server0;
        int total = 0;
        for (Longs l : lat) {
            total += l.n;
        }
        long[] all = new long[total];
        int k = 0;
        for (Longs l : lat) {
            System.arraycopy(l.a, 0, all, k, l.n);
            k += l.n;
        }
        Arrays.sort(all);
        return new Round(total, errors.get(), firstError.get(), elapsed, cpu, server, allocated.get(), all);
    }

    /** The server JVM's CPU time so far, from /proc (NaN when its pid was not given). */
    static double serverCpuNs() {
        String pid = System.getProperty("bench.serverPid");
        if (pid == null) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
            return ticks * 1e9 / Long.getLong("bench.clkTck", 100);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static double median(List<Round> rounds, ToDoubleFunction<Round> f) {
        double[] v = rounds.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static JsonNode counts(HttpClient client, int port) throws Exception {
        return MAPPER.readTree(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/count"))
                .build(), HttpResponse.BodyHandlers.ofByteArray()).body());
    }

    // ------------------------------------------------------------------------------------------------ throughput

    static String throughput(int port, int rounds, double seconds, int[] threadCounts) throws Exception {
        HttpClient bareClient = bareClient();
        Side bare = bareSide(bareClient, port);
        List<Round> all = new ArrayList<>();
        StringBuilder md = new StringBuilder();
        try (ConnectorRuntime runtime = engine(port)) {
            Side engine = engineSide(runtime);
            Side[] sides = {engine, bare};
            String[] names = {"engine", "bare"};
            // Warm-up: both sides alternate at 8 threads until the JIT is quiet (on 2 cores the compiler threads
            // take a good share of the CPU for the first 10-20 s, and would be counted in a measured round).
            long warm0 = System.nanoTime();
            int quiet = 0;
            int pairs = 0;
            while (quiet < 2 && pairs < MAX_WARMUP_PAIRS) {
                long jit0 = JIT.getTotalCompilationTime();
                long t0 = System.nanoTime();
                for (Side s : sides) {
                    all.add(round(s, 8, seconds));
                }
                double jitShare = (JIT.getTotalCompilationTime() - jit0) / ((System.nanoTime() - t0) / 1e6);
                pairs++;
                quiet = pairs >= 2 && jitShare < QUIET_JIT_SHARE ? quiet + 1 : 0;
                log("warm-up pair %d: JIT compiling %.1f%% of the time", pairs, jitShare * 100);
            }
            double warmSeconds = (System.nanoTime() - warm0) / 1e9;
            long jitMeasured0 = JIT.getTotalCompilationTime();
            long measured0 = System.nanoTime();
            List<Object[]> rows = new ArrayList<>();
            for (int n : threadCounts) {
                List<Round> e = new ArrayList<>();
                List<Round> b = new ArrayList<>();
                for (Side s : sides) {
                    all.add(round(s, n, seconds)); // unmeasured: opens the connections, settles the JIT at n
                }
                for (int r = 0; r < rounds; r++) {
                    for (int j = 0; j < 2; j++) {
                        int side = (r + j) % 2; // engine first in even rounds, bare first in odd ones
                        Round x = round(sides[side], n, seconds);
                        all.add(x);
                        (side == 0 ? e : b).add(x);
                        log("%2d threads, round %d, %-6s: %7.0f calls/s, %.3f CPU ms/call, %.1f KB/call, p50 %.3f ms, "
                                + "p99 %.3f ms%s", n, r + 1, names[side], x.perSecond(), x.cpuMsPerCall(),
                                x.allocatedKbPerCall(), x.percentileMs(0.5),
                                x.percentileMs(0.99), x.errors() > 0 ? ", " + x.errors() + " errors" : "");
                    }
                }
                rows.add(new Object[] {n, e, b});
            }
            long jitMeasured = JIT.getTotalCompilationTime() - jitMeasured0;
            double measuredSeconds = (System.nanoTime() - measured0) / 1e9;
            JsonNode counts = counts(bareClient, port);
            long engineTokens = counts.path("token_requests").path("bench-engine").asLong();
            long bareTokens = counts.path("token_requests").path("bench-bare").asLong();
            long unauthorized = counts.path("unauthorized").asLong();
            long calls = all.stream().mapToLong(Round::calls).sum();
            long errors = all.stream().mapToLong(Round::errors).sum();
            String firstError = all.stream().map(Round::firstError).filter(x -> x != null).findFirst().orElse(null);

            md.append("| threads | engine calls/s | bare calls/s | engine / bare | goal |\n|---|---|---|---|---|\n");
            for (Object[] row : rows) {
                int n = (int) row[0];
                @SuppressWarnings("unchecked") List<Round> e = (List<Round>) row[1];
                @SuppressWarnings("unchecked") List<Round> b = (List<Round>) row[2];
                double te = median(e, Round::perSecond);
                double tb = median(b, Round::perSecond);
                double ratio = te / tb;
                String goal = n >= 8 ? (ratio >= 0.9 ? "≥ 0.90: met" : "≥ 0.90: **not met**") : "(none at 1 thread)";
                md.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.2f | %s |%n", n, te, tb, ratio, goal));
            }
            md.append("\n| threads | engine CPU ms/call | bare CPU ms/call | engine / bare | engine KB allocated/call "
                    + "| bare KB allocated/call | server CPU ms/call (engine rounds, bare rounds) |\n"
                    + "|---|---|---|---|---|---|---|\n");
            for (Object[] row : rows) {
                int n = (int) row[0];
                @SuppressWarnings("unchecked") List<Round> e = (List<Round>) row[1];
                @SuppressWarnings("unchecked") List<Round> b = (List<Round>) row[2];
                double ce = median(e, Round::cpuMsPerCall);
                double cb = median(b, Round::cpuMsPerCall);
                md.append(String.format(Locale.ROOT, "| %d | %.3f | %.3f | %.2f | %.1f | %.1f | %s |%n", n, ce, cb,
                        ce / cb, median(e, Round::allocatedKbPerCall), median(b, Round::allocatedKbPerCall),
                        serverCpu(e, b)));
            }
            md.append("\n| threads | engine p50 | bare p50 | added p50 | goal | engine p99 | bare p99 | added p99 |\n");
            md.append("|---|---|---|---|---|---|---|---|\n");
            for (Object[] row : rows) {
                int n = (int) row[0];
                @SuppressWarnings("unchecked") List<Round> e = (List<Round>) row[1];
                @SuppressWarnings("unchecked") List<Round> b = (List<Round>) row[2];
                double e50 = median(e, x -> x.percentileMs(0.5));
                double b50 = median(b, x -> x.percentileMs(0.5));
                double e99 = median(e, x -> x.percentileMs(0.99));
                double b99 = median(b, x -> x.percentileMs(0.99));
                double added = e50 - b50;
                md.append(String.format(Locale.ROOT,
                        "| %d | %.3f ms | %.3f ms | %+.3f ms | ≤ 1 ms: %s | %.3f ms | %.3f ms | %+.3f ms |%n",
                        n, e50, b50, added, added <= 1.0 ? "met" : "**not met**", e99, b99, e99 - b99));
            }
            md.append(String.format(Locale.ROOT, "%n| whole run | value | goal |%n|---|---|---|%n"
                            + "| token requests by the engine | %d | 1: %s |%n"
                            + "| token requests by the bare client | %d | 1 (it asks once, by hand) |%n"
                            + "| 401 answers | %d | 0 |%n"
                            + "| calls, warm-up included | %d | |%n"
                            + "| warm-up (until the JIT compiled less than %.0f%% of the time, twice) | %.0f s, %d pairs of "
                            + "rounds | |%n"
                            + "| JIT compilation during the measured rounds (summed over compiler threads) | %d ms in %.0f s "
                            + "| |%n"
                            + "| failed calls | %d%s | 0 |%n"
                            + "| `ForkJoinPool` common parallelism in the client JVM (`CompletableFuture`'s default "
                            + "executor: a new thread per task when below 2) | %d | |%n",
                    engineTokens, engineTokens == 1 ? "met" : "**not met**", bareTokens, unauthorized, calls,
                    QUIET_JIT_SHARE * 100, warmSeconds, pairs, jitMeasured, measuredSeconds, errors,
                    firstError == null ? "" : " (first: `" + firstError.replace('|', '/').replace('`', '\'') + "`)",
                    java.util.concurrent.ForkJoinPool.getCommonPoolParallelism()));
        }
        return md.toString();
    }

    private static String serverCpu(List<Round> e, List<Round> b) {
        double se = median(e, Round::serverCpuMsPerCall);
        double sb = median(b, Round::serverCpuMsPerCall);
        return Double.isNaN(se) ? "not measured" : String.format(Locale.ROOT, "%.3f, %.3f", se, sb);
    }

    // ---------------------------------------------------------------------------------------------------- memory

    /**
     * Engine only, {@code threads} threads sharing a count of calls; the heap after a few full collections at 1,000
     * calls and at a few later marks up to {@code total}. The server's tokens expire after {@code expiresIn}
     * seconds, so the engine renews one every {@code expiresIn / 2} seconds (its refresh margin is at most half a
     * token's lifetime).
     */
    static String memory(int port, long total, int threads, int expiresIn) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        HttpClient counter = bareClient();
        List<long[]> marks = new ArrayList<>(); // calls, heap bytes, elapsed ns
        long errors;
        String firstError;
        long elapsed;
        long start = System.nanoTime();
        try (ConnectorRuntime runtime = engine(port)) {
            Side engine = engineSide(runtime);
            AtomicLong done = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            AtomicReference<String> first = new AtomicReference<>();
            long[] targets = java.util.stream.LongStream.of(1_000, 10_000, total / 2, total)
                    .filter(x -> x <= total).distinct().sorted().toArray();
            start = System.nanoTime();
            for (long target : targets) {
                Thread[] ts = new Thread[threads];
                for (int i = 0; i < threads; i++) {
                    ts[i] = new Thread(() -> {
                        while (done.getAndIncrement() < target) {
                            try {
                                engine.call();
                            } catch (Exception e) {
                                failed.incrementAndGet();
                                first.compareAndSet(null, String.valueOf(e));
                            }
                        }
                    }, "bench-memory-" + i);
                    ts[i].start();
                }
                for (Thread t : ts) {
                    t.join();
                }
                done.set(target);
                long now = System.nanoTime();
                long heap = heapAfterGc(memory);
                marks.add(new long[] {target, heap, now - start});
                log("%,d calls: heap after GC %.1f MB (%.1f s)", target, heap / 1e6, (now - start) / 1e9);
            }
            elapsed = marks.get(marks.size() - 1)[2];
            errors = failed.get();
            firstError = first.get();
        }
        JsonNode counts = counts(counter, port);
        long tokens = counts.path("token_requests").path("bench-engine").asLong();
        long unauthorized = counts.path("unauthorized").asLong();
        long base = marks.stream().filter(m -> m[0] == 1_000).findFirst().orElse(marks.get(0))[1];
        StringBuilder md = new StringBuilder();
        md.append("| calls | heap used after GC | difference from 1,000 calls | goal |\n|---|---|---|---|\n");
        for (long[] m : marks) {
            double diff = (m[1] - base) / 1e6;
            String goal = m[0] == total ? (Math.abs(diff) <= 5 ? "within a few MB: met" : "within a few MB: **not met**")
                    : "";
            md.append(String.format(Locale.ROOT, "| %,d | %.1f MB | %+.1f MB | %s |%n", m[0], m[1] / 1e6, diff, goal));
        }
        double seconds = elapsed / 1e9;
        md.append(String.format(Locale.ROOT, "%n%,d calls on %d threads in %.1f s (%.0f calls/s, GC pauses at the "
                        + "marks included); tokens lasting %d s, so renewed every %.1f s: %d token requests "
                        + "(about %.0f expected), %d 401 answers, %d failed calls%s.%n",
                total, threads, seconds, total / seconds, expiresIn, expiresIn / 2.0, tokens,
                1 + Math.floor(seconds / (expiresIn / 2.0)), unauthorized, errors,
                firstError == null ? "" : " (first: `" + firstError.replace('`', '\'') + "`)"));
        return md.toString();
    }

    static long heapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    static void log(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }
}
