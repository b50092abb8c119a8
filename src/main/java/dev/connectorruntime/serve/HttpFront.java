package dev.connectorruntime.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.model.Sizes;
import dev.connectorruntime.secret.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one HTTP server of {@code serve --http} (SPEC §11), on the JDK's {@code HttpServer}: it owns the bind, the
 * serve token, the {@code Host} and {@code Origin} checks, the body cap, the request id, the access log and the
 * drain on stop; the routes (MCP at {@code /mcp}, the gateway's) only see requests that passed.
 *
 * <p>JDK 17's server has traps this class closes: without an executor every request would run on its dispatcher
 * thread (a daemon pool here); it has no body limit (read up to the cap, then {@code 413}); every exchange is
 * drained and closed whatever the route did; {@code stop(delay)} waits the whole delay even when idle
 * (JDK-8304065), so the server counts requests in flight, waits for them, then stops at once.
 */
final class HttpFront implements AutoCloseable {

    /** A route: answers one request that passed the checks. */
    interface Route {
        Answer handle(Request request) throws IOException;
    }

    /** A request that passed the checks, its body read (within the cap). */
    record Request(String method, String path, Map<String, List<String>> headers, byte[] body, String requestId) {
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** An answer: status, content type (or {@code null} with no body), body, extra headers. */
    record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Answer json(int status, String json) {
            return new Answer(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        static Answer empty(int status) {
            return new Answer(status, null, new byte[0], Map.of());
        }

        Answer with(String header, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(header, value);
            return new Answer(status, contentType, body, h);
        }
    }

    private final HttpServer server;
    private final Security security;
    private final long maxBody;
    private final Redactor redactor;
    private final Consumer<String> accessLog;
    private final ExecutorService executor;
    private final InFlight inFlight = new InFlight();
    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final Map<String, Route> prefixes = new LinkedHashMap<>();

    private HttpFront(HttpServer server, Security security, long maxBody, Redactor redactor,
                      Consumer<String> accessLog) {
        this.server = server;
        this.security = security;
        this.maxBody = maxBody;
        this.redactor = redactor;
        this.accessLog = accessLog;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "serve-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
    }

    /**
     * Binds {@code address}.
     *
     * @throws Failure NETWORK (exit 6) naming the address when it cannot be bound
     */
    static HttpFront bind(InetSocketAddress address, Security security, long maxBody, Redactor redactor,
                          Consumer<String> accessLog) {
        // The JDK's HttpServer writes an answer's headers and its body in two writes: without TCP_NODELAY, Nagle's
        // algorithm holds the body back until the client's delayed ACK of the headers, about 40 ms on every answer
        // on a kept-alive connection (bench/mcp.sh). The server reads the property once, when it is first created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            return new HttpFront(HttpServer.create(address, 128), security, maxBody, redactor, accessLog);
        } catch (BindException e) {
            throw Failure.of(Kind.NETWORK, "cannot listen on " + Security.display(address) + ": " + e.getMessage())
                    .code(Code.BIND_FAILED).hint("another program holds the port, or the address is not this machine's;"
                            + " choose another with --http [HOST:]PORT").build();
        } catch (IOException | RuntimeException e) {
            throw Failure.of(Kind.NETWORK, "cannot listen on " + Security.display(address) + ": " + e.getMessage())
                    .code(Code.BIND_FAILED).build();
        }
    }

    /** Serves {@code path} exactly. */
    void route(String path, Route route) {
        routes.put(path, route);
    }

    /** Serves every path under {@code prefix} (which ends with {@code /}). */
    void routeUnder(String prefix, Route route) {
        prefixes.put(prefix, route);
    }

    void start() {
        server.start();
    }

    /** The address bound (with the port chosen when 0 was asked for). */
    InetSocketAddress address() {
        return server.getAddress();
    }

    /**
     * Stops: new requests get {@code 503}, those in flight get {@code grace} to finish, then the server stops.
     *
     * @return whether every request finished in time
     */
    boolean stop(Duration grace) throws InterruptedException {
        boolean drained = inFlight.drain(grace);
        server.stop(0);
        executor.shutdownNow();
        return drained;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void exchange(HttpExchange ex) {
        long start = System.nanoTime();
        String requestId = requestId(ex.getRequestHeaders().getFirst("X-Request-Id"));
        int status = 500;
        boolean entered = inFlight.enter();
        try (ex) {
            Answer answer;
            if (!entered) {
                answer = Problems.answer(Failure.of(Kind.CLOSED, "the server is shutting down").code(Code.CLOSED)
                        .build(), List.of(), redactor).with("Connection", "close");
            } else {
                try {
                    answer = answer(ex, requestId);
                } catch (RuntimeException e) {
                    // a bug in a route: the caller still gets a status line and a problem, never a closed socket
                    answer = Problems.answer(Failure.of(Kind.INTERNAL, "the server failed to answer: "
                            + e.getClass().getSimpleName()).code(Code.INTERNAL)
                            .hint("please report it with the X-Request-Id of this answer").build(), List.of(), redactor);
                }
            }
            status = answer.status();
            send(ex, answer, requestId);
        } catch (IOException | RuntimeException e) {
            // the caller went away or sent something the server cannot read: nothing left to answer
        } finally {
            if (entered) {
                inFlight.exit();
            }
            accessLog.accept(redactor.redact("http " + ex.getRequestMethod() + " " + Security.clean(ex.getRequestURI()
                    .getRawPath()) + " " + status + " " + (System.nanoTime() - start) / 1_000_000 + "ms id="
                    + requestId));
        }
    }

    private Answer answer(HttpExchange ex, String requestId) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        Map<String, List<String>> headers = ex.getRequestHeaders();
        Failure refused = security.check(path, headers);
        if (refused != null) {
            return Problems.answer(refused, List.of(), redactor);
        }
        Route route = routes.get(path);
        if (route == null) {
            for (Map.Entry<String, Route> p : prefixes.entrySet()) {
                if (path.startsWith(p.getKey()) && path.length() > p.getKey().length()) {
                    route = p.getValue();
                    break;
                }
            }
        }
        if (route == null) {
            drain(ex.getRequestBody());
            return Problems.answer(Failure.of(Kind.USAGE, "no route " + Security.clean(path)).code(Code.NOT_FOUND)
                    .hint("routes: " + String.join(", ", allRoutes())).build(), List.of(), redactor);
        }
        byte[] body = read(ex.getRequestBody());
        if (body == null) {
            return Problems.answer(Failure.of(Kind.USAGE, "the request body is larger than "
                    + Sizes.format(maxBody)).code(Code.REQUEST_TOO_LARGE)
                    .hint("send less, or start the server with a larger --max-request").build(), List.of(), redactor)
                    .with("Connection", "close");
        }
        return route.handle(new Request(ex.getRequestMethod().toUpperCase(Locale.ROOT), path, headers, body,
                requestId));
    }

    private List<String> allRoutes() {
        List<String> all = new java.util.ArrayList<>(routes.keySet());
        prefixes.keySet().forEach(p -> all.add(p + "…"));
        return all;
    }

    /** The body, or {@code null} when it is larger than the cap (what was read is dropped). */
    private byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buf)) != -1) {
            total += n;
            if (total > maxBody) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        while (in.read(buf) != -1) {
            // discard
        }
    }

    private static void send(HttpExchange ex, Answer a, String requestId) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("X-Request-Id", requestId);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        a.headers().forEach(h::set);
        if (a.contentType() != null) {
            h.set("Content-Type", a.contentType());
        }
        boolean noBody = a.body().length == 0 || ex.getRequestMethod().equalsIgnoreCase("HEAD");
        ex.sendResponseHeaders(a.status(), noBody ? -1 : a.body().length);
        if (!noBody) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(a.body());
            }
        }
    }

    /** The caller's {@code X-Request-Id} when it is a sane token (visible ASCII, at most 128), else a new one. */
    private String requestId(String given) {
        if (given != null && !given.isEmpty() && given.length() <= 128 && given.chars().allMatch(c -> c > 32 && c < 127)) {
            return given;
        }
        return UUID.randomUUID().toString();
    }
}
