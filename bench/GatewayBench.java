import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator and fault checker of bench/gateway.sh, on plain sockets (HTTP/1.1, one kept-alive connection
 * per caller, TCP_NODELAY): cheap enough per call that the servers, not the generator, are what is measured, and
 * exact in what it counts.
 *
 * <pre>
 * java GatewayBench load GW_PORT GW_PID BASE_PORT BASE_PID UPSTREAM_PORT CALLS ROUNDS CONNECTIONS WARMUP OUT
 * java GatewayBench faults PORT UPSTREAM_PORT OUT
 * </pre>
 * <b>load</b>: CONNECTIONS callers each send {@code POST /actions/list-contacts} again and again, to the gateway
 * ({@code serve --http}) and to the baseline (bench/GatewayBaseline.java) in turn: WARMUP calls of each in tenths,
 * then ROUNDS rounds of CALLS/ROUNDS calls of each, a different side first in each round. Per round: calls per
 * second, the server JVM's CPU per call (utime + stime from /proc), latency percentiles, errors (any answer but
 * {@code 200} with the 25 names, any broken connection). The gateway's heap after GC (jcmd) after the warm-up and at
 * the end; the upstream's token requests per client. <b>faults</b>: one row per fault against a serve started with
 * {@code --concurrency 1 --queue 1}. Both write a markdown fragment to OUT and exit 1 when a check fails.
 */
public class GatewayBench {

    static final String PATH = "/actions/list-contacts";
    static final byte[] INPUTS = "{\"limit\":25}".getBytes(StandardCharsets.UTF_8);
    /** The last of the upstream's 25 names: the whole page came through. */
    static final byte[] LAST_NAME = "Martin Hellman".getBytes(StandardCharsets.UTF_8);
    static final long CLK_TCK = Long.getLong("bench.clkTck", 100);

    public static void main(String[] args) throws Exception {
        boolean ok;
        if (args[0].equals("load")) {
            ok = load(Integer.parseInt(args[1]), args[2], Integer.parseInt(args[3]), args[4], Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]), Integer.parseInt(args[7]), Integer.parseInt(args[8]),
                    Integer.parseInt(args[9]), Path.of(args[10]));
        } else if (args[0].equals("faults")) {
            ok = faults(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
        } else {
            throw new IllegalArgumentException("mode: load or faults");
        }
        System.exit(ok ? 0 : 1);
    }

    // ------------------------------------------------------------------------------------------------ HTTP/1.1

    /** An answer: status, headers (names in lower case), body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String code() {
            Matcher m = Pattern.compile("\"code\":\"([^\"]*)\"").matcher(text());
            return m.find() ? m.group(1) : "";
        }

        boolean problem() {
            return headers.getOrDefault("content-type", "").startsWith("application/problem+json")
                    && headers.containsKey("x-request-id");
        }
    }

    /** One kept-alive connection; reopened when the server closes it. Not thread-safe. */
    static final class Conn implements AutoCloseable {
        final int port;
        Socket socket;
        InputStream in;
        OutputStream out;
        final byte[] buf = new byte[64 * 1024];
        int pos;
        int lim;
        long reopened;

        Conn(int port) throws IOException {
            this.port = port;
            open();
        }

        void open() throws IOException {
            close();
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            socket.setSoTimeout(120_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            pos = 0;
            lim = 0;
        }

        static byte[] request(int port, String path, String contentType, byte[] body, String... headers) {
            StringBuilder h = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
            if (contentType != null) {
                h.append("Content-Type: ").append(contentType).append("\r\n");
            }
            for (String x : headers) {
                h.append(x).append("\r\n");
            }
            h.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            byte[] head = h.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, all, head.length, body.length);
            return all;
        }

        Answer exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            return read();
        }

        Answer read() throws IOException {
            String status = line();
            if (!status.startsWith("HTTP/1.1 ")) {
                throw new IOException("not an HTTP answer: " + status);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String l; !(l = line()).isEmpty(); ) {
                int colon = l.indexOf(':');
                headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
            }
            String length = headers.get("content-length");
            if (length == null) {
                throw new IOException("an answer without Content-Length: " + status + " " + headers);
            }
            byte[] body = new byte[Integer.parseInt(length)];
            int n = Math.min(lim - pos, body.length);
            System.arraycopy(buf, pos, body, 0, n);
            pos += n;
            while (n < body.length) {
                int r = in.read(body, n, body.length - n);
                if (r < 0) {
                    throw new IOException("closed within the body");
                }
                n += r;
            }
            if ("close".equalsIgnoreCase(headers.get("connection"))) {
                reopened++;
                open();
            }
            return new Answer(Integer.parseInt(status.substring(9, 12)), headers, body);
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos == lim) {
                    pos = 0;
                    lim = in.read(buf);
                    if (lim < 0) {
                        lim = 0;
                        throw new IOException("closed by the server");
                    }
                }
                char c = (char) (buf[pos++] & 0xff);
                if (c == '\n') {
                    int l = sb.length();
                    return l > 0 && sb.charAt(l - 1) == '\r' ? sb.substring(0, l - 1) : sb.toString();
                }
                sb.append(c);
            }
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
            }
        }
    }

    // ----------------------------------------------------------------------------------------------------- load

    /** A server under load: its connections, its request, its process. */
    record Side(String name, long pid, Conn[] conns, byte[] request) {
    }

    record Round(String side, int calls, long errors, String firstError, double seconds, double cpuMs,
                 long[] sortedNanos) {
        double perSecond() {
            return calls / seconds;
        }

        double cpuMsPerCall() {
            return cpuMs / calls;
        }

        double percentileMs(double p) {
            int i = (int) Math.ceil(p * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
        }
    }

    static Round round(Side side, int calls) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long[][] lat = new long[side.conns.length][];
        int[] done = new int[side.conns.length];
        Thread[] threads = new Thread[side.conns.length];
        double cpu0 = cpuMs(side.pid);
        long t0 = System.nanoTime();
        for (int t = 0; t < threads.length; t++) {
            int me = t;
            lat[t] = new long[calls];
            threads[t] = new Thread(() -> {
                Conn c = side.conns[me];
                while (next.getAndIncrement() < calls) {
                    long s = System.nanoTime();
                    try {
                        Answer a = c.exchange(side.request);
                        if (a.status() != 200 || indexOf(a.body(), LAST_NAME) < 0) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, a.status() + " " + a.text());
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                        try {
                            c.open();
                        } catch (IOException again) {
                            firstError.compareAndSet(null, again.toString());
                        }
                    }
                    lat[me][done[me]++] = System.nanoTime() - s;
                }
            }, side.name + "-caller-" + t);
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = cpuMs(side.pid) - cpu0;
        long[] all = new long[calls];
        int k = 0;
        for (int t = 0; t < threads.length; t++) {
            System.arraycopy(lat[t], 0, all, k, done[t]);
            k += done[t];
        }
        Arrays.sort(all);
        return new Round(side.name, calls, errors.get(), firstError.get(), seconds, cpu, all);
    }

    static boolean load(int gwPort, String gwPid, int basePort, String basePid, int upstreamPort, int calls,
                        int rounds, int connections, int warmup, Path out) throws Exception {
        Side gw = side("gateway", gwPort, gwPid, connections);
        Side base = side("baseline", basePort, basePid, connections);
        Side[] sides = {gw, base};
        long warmupErrors = 0;
        String warmupFirst = null;
        long w0 = System.nanoTime();
        for (int k = 0; k < 10; k++) {
            for (Side s : sides) {
                Round r = round(s, Math.max(connections, warmup / 10));
                if (s == gw) {
                    warmupErrors += r.errors;
                    warmupFirst = warmupFirst != null ? warmupFirst : r.firstError;
                }
            }
        }
        log("warm-up: %d calls of each in %.1f s, gateway errors %d", warmup, (System.nanoTime() - w0) / 1e9,
                warmupErrors);
        double heapBefore = heapAfterGcMb(gwPid);
        List<Round> gwRounds = new ArrayList<>();
        List<Round> baseRounds = new ArrayList<>();
        int perRound = calls / rounds;
        for (int r = 0; r < rounds; r++) {
            for (int j = 0; j < 2; j++) {
                Side s = sides[(r + j) % 2];
                Round x = round(s, perRound);
                (s == gw ? gwRounds : baseRounds).add(x);
                log("round %d, %-8s: %6.0f calls/s, CPU %.3f ms/call, p50 %.2f ms, p99 %.2f ms, errors %d%s", r + 1,
                        s.name, x.perSecond(), x.cpuMsPerCall(), x.percentileMs(0.5), x.percentileMs(0.99), x.errors,
                        x.firstError == null ? "" : " (first: " + x.firstError + ")");
            }
        }
        double heapAfter = heapAfterGcMb(gwPid);
        long reopened = 0;
        for (Conn c : gw.conns) {
            reopened += c.reopened;
            c.close();
        }
        for (Conn c : base.conns) {
            c.close();
        }
        String counts = get(upstreamPort, "/count");
        Matcher m = Pattern.compile("\"bench-key\":(\\d+)").matcher(counts);
        long tokens = m.find() ? Long.parseLong(m.group(1)) : -1;

        long gwErrors = warmupErrors + gwRounds.stream().mapToLong(Round::errors).sum();
        long baseErrors = baseRounds.stream().mapToLong(Round::errors).sum();
        String firstError = warmupFirst != null ? warmupFirst
                : gwRounds.stream().map(Round::firstError).filter(e -> e != null).findFirst().orElse(null);
        double gwRate = median(gwRounds, Round::perSecond);
        double baseRate = median(baseRounds, Round::perSecond);
        double gwCpu = median(gwRounds, Round::cpuMsPerCall);
        double baseCpu = median(baseRounds, Round::cpuMsPerCall);
        double ratio = gwRate / baseRate;
        boolean ok = gwErrors == 0 && baseErrors == 0 && tokens == 1;

        StringBuilder md = new StringBuilder();
        md.append("| side | calls/s | server CPU per call | p50 | p99 | errors |\n|---|---|---|---|---|---|\n");
        for (List<Round> rs : List.of(gwRounds, baseRounds)) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.3f ms | %.2f ms | %.2f ms | %d |%n",
                    rs == gwRounds ? "gateway: `serve --http`, `POST /actions/list-contacts`"
                            : "baseline: `GatewayBaseline`, the engine behind a bare `HttpServer`",
                    median(rs, Round::perSecond), median(rs, Round::cpuMsPerCall), median(rs, x -> x.percentileMs(0.5)),
                    median(rs, x -> x.percentileMs(0.99)), rs.stream().mapToLong(Round::errors).sum()));
        }
        md.append(String.format(Locale.ROOT, "%n| check | result | goal |%n|---|---|---|%n"));
        md.append(String.format(Locale.ROOT, "| throughput, gateway / baseline (medians) | %.2f | ≥ 0.8: %s |%n",
                ratio, ratio >= 0.8 ? "met" : "**not met**"));
        md.append(String.format(Locale.ROOT, "| server CPU per call, gateway / baseline (medians) | %.3f / %.3f ms"
                + " (%.2f×) | |%n", gwCpu, baseCpu, gwCpu / baseCpu));
        md.append(String.format(Locale.ROOT, "| gateway calls (warm-up %d + measured %d) that failed | %d%s | 0: %s |%n",
                warmup, perRound * rounds, gwErrors, firstError == null ? "" : " (first: `" + firstError + "`)",
                gwErrors == 0 ? "PASS" : "**FAIL**"));
        md.append(String.format(Locale.ROOT, "| baseline calls that failed | %d | 0: %s |%n", baseErrors,
                baseErrors == 0 ? "PASS" : "**FAIL**"));
        md.append(String.format(Locale.ROOT, "| token requests of the gateway (upstream's count) | %d | 1: %s |%n",
                tokens, tokens == 1 ? "PASS" : "**FAIL**"));
        md.append(String.format(Locale.ROOT, "| gateway heap after GC, after the warm-up → at the end | %.1f → %.1f MB"
                + " | flat (within a few MB): %s |%n", heapBefore, heapAfter,
                heapAfter - heapBefore <= 4 ? "met" : "**not met**"));
        md.append(String.format(Locale.ROOT, "| gateway connections reopened (the server said `Connection: close`) |"
                + " %d | |%n", reopened));
        Files.writeString(out, md.toString());
        log("upstream counts: %s", counts);
        return ok;
    }

    static Side side(String name, int port, String pid, int connections) throws IOException {
        Conn[] conns = new Conn[connections];
        for (int i = 0; i < connections; i++) {
            conns[i] = new Conn(port);
        }
        return new Side(name, Long.parseLong(pid), conns, Conn.request(port, PATH, "application/json", INPUTS));
    }

    /** The process's CPU time so far (utime + stime, from /proc), in ms. */
    static double cpuMs(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000.0 / CLK_TCK;
        } catch (IOException e) {
            throw new IllegalStateException("no process " + pid, e);
        }
    }

    /** The used heap after two full GCs, from {@code jcmd PID GC.heap_info}, in MB. */
    static double heapAfterGcMb(String pid) throws Exception {
        String jcmd = System.getProperty("bench.jcmd", "jcmd");
        jcmd(jcmd, pid, "GC.run");
        jcmd(jcmd, pid, "GC.run");
        String info = jcmd(jcmd, pid, "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("no heap figure in: " + info);
        }
        return Long.parseLong(m.group(1)) / 1024.0;
    }

    static String jcmd(String jcmd, String pid, String command) throws Exception {
        Process p = new ProcessBuilder(jcmd, pid, command).redirectErrorStream(true).start();
        String text;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            text = String.join("\n", r.lines().toList());
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + text);
        }
        return text;
    }

    // --------------------------------------------------------------------------------------------------- faults

    record Row(String fault, String sent, String expected, String got, boolean pass) {
    }

    static boolean faults(int port, int upstream, Path out) throws Exception {
        List<Row> rows = new ArrayList<>();
        byte[] json = INPUTS;

        Answer a = call(port, "/actions/list-contact", "application/json", json);
        rows.add(row("unknown action", "`POST /actions/list-contact`", "404 `unknown-action`", a,
                a.status() == 404 && a.code().equals("unknown-action") && a.problem()));

        a = call(port, PATH, "text/plain", "limit=25".getBytes(StandardCharsets.UTF_8));
        rows.add(row("wrong content type", "`Content-Type: text/plain`", "415 `unsupported-media-type`", a,
                a.status() == 415 && a.code().equals("unsupported-media-type") && a.problem()));

        a = call(port, PATH, "application/json", "{\"limit\":".getBytes(StandardCharsets.UTF_8));
        rows.add(row("malformed JSON", "`{\"limit\":`", "400 `bad-request`", a,
                a.status() == 400 && a.code().equals("bad-request") && a.problem()));

        byte[] big = new byte[2 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        byte[] prefix = "{\"limit\":25,\"pad\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(prefix, 0, big, 0, prefix.length);
        big[big.length - 2] = '"';
        big[big.length - 1] = '}';
        a = callLarge(port, big);
        rows.add(row("a 2 MB body", "2 MB of JSON (`--max-request` 1MB)", "413 `request-too-large`", a,
                a.status() == 413 && a.code().equals("request-too-large") && a.problem()));

        fault(upstream, "error", 0);
        a = call(port, PATH, "application/json", json);
        rows.add(row("upstream 5xx", "the upstream answers 500 `UNKNOWN_EXCEPTION`",
                "502, kind `api`, the API's body in `api_error`", a, a.status() == 502 && a.problem()
                        && a.text().contains("\"kind\":\"api\"") && a.text().contains("UNKNOWN_EXCEPTION")));

        fault(upstream, "slow", 3000);
        Answer[] queued = new Answer[2];
        Thread[] holders = new Thread[2];
        for (int i = 0; i < 2; i++) {
            int me = i;
            holders[i] = new Thread(() -> {
                try {
                    queued[me] = call(port, PATH, "application/json", json);
                } catch (IOException e) {
                    queued[me] = new Answer(0, Map.of(), e.toString().getBytes(StandardCharsets.UTF_8));
                }
            });
            holders[i].start();
            Thread.sleep(300); // the first takes the one slot, the second the one place in the queue
        }
        a = call(port, PATH, "application/json", json);
        for (Thread t : holders) {
            t.join();
        }
        boolean heldOk = queued[0] != null && queued[0].status() == 200 && queued[1] != null
                && queued[1].status() == 200;
        rows.add(new Row("a full queue", "a third call while one runs (upstream slow, 3 s) and one waits"
                + " (`--concurrency 1 --queue 1`)", "503 `overloaded` + `Retry-After`; the two others 200",
                a.status() + " `" + a.code() + "`, Retry-After: " + a.headers().getOrDefault("retry-after", "none")
                        + "; the others " + (queued[0] == null ? "-" : queued[0].status()) + ", "
                        + (queued[1] == null ? "-" : queued[1].status()),
                a.status() == 503 && a.code().equals("overloaded") && a.problem() && a.headers().containsKey("retry-after")
                        && heldOk));

        long t0 = System.nanoTime();
        a = call(port, PATH, "application/json", json, "X-Request-Timeout: 1s");
        double ms = (System.nanoTime() - t0) / 1e6;
        rows.add(new Row("upstream slow", "`X-Request-Timeout: 1s`, the upstream answers after 3 s",
                "504 kind `network` within ~1 s", a.status() + " `" + a.code() + "` after "
                        + String.format(Locale.ROOT, "%.0f ms", ms),
                a.status() == 504 && a.problem() && a.text().contains("\"kind\":\"network\"") && ms < 2000));
        fault(upstream, "ok", 0);

        StringBuilder md = new StringBuilder("| fault | sent | expected | got | result |\n|---|---|---|---|---|\n");
        boolean ok = true;
        for (Row r : rows) {
            md.append("| ").append(r.fault).append(" | ").append(r.sent).append(" | ").append(r.expected)
                    .append(" | ").append(r.got).append(" | ").append(r.pass ? "PASS" : "**FAIL**").append(" |\n");
            ok &= r.pass;
            log("fault %-18s %s: %s", r.fault, r.pass ? "PASS" : "FAIL", r.got);
        }
        Files.writeString(out, md.toString());
        return ok;
    }

    static Row row(String fault, String sent, String expected, Answer a, boolean pass) {
        return new Row(fault, sent, expected, a.status() + " `" + a.code() + "`", pass);
    }

    static Answer call(int port, String path, String contentType, byte[] body, String... headers)
            throws IOException {
        try (Conn c = new Conn(port)) {
            return c.exchange(Conn.request(port, path, contentType, body, headers));
        }
    }

    /**
     * Sends a body larger than the server reads: the answer may come (and the server close) before the body is all
     * written, so it is written on another thread while this one reads.
     */
    static Answer callLarge(int port, byte[] body) throws Exception {
        try (Conn c = new Conn(port)) {
            byte[] request = Conn.request(port, PATH, "application/json", body);
            Thread writer = new Thread(() -> {
                try {
                    c.out.write(request);
                    c.out.flush();
                } catch (IOException e) {
                    // the server stopped reading: expected once it has answered 413
                }
            });
            writer.start();
            Answer a = c.read();
            writer.join(10_000);
            return a;
        }
    }

    static void fault(int upstream, String mode, long ms) throws IOException {
        try (Conn c = new Conn(upstream)) {
            Answer a = c.exchange(Conn.request(upstream, "/fault?query=" + mode + "&ms=" + ms, null, new byte[0]));
            if (a.status() != 200) {
                throw new IllegalStateException("the upstream refused /fault: " + a.text());
            }
        }
    }

    static String get(int port, String path) throws IOException {
        try (Conn c = new Conn(port)) {
            c.out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            c.out.flush();
            return c.read().text();
        }
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = hay.length - needle.length; i >= 0; i--) { // the last name is near the end
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static double median(List<Round> rounds, ToDoubleFunction<Round> f) {
        double[] v = rounds.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static void log(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }
}
