package dev.connectorruntime.http;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.model.Durations;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Sends {@link HttpCall}s with one {@code java.net.http.HttpClient} per connector setting (proxies, CA file),
 * built on first use and kept until {@link #close()}: HTTP/1.1 for plain http (no h2c upgrade), redirects never
 * followed by the client (credentials must not follow them), one deadline over the whole exchange (the client's
 * own timeout stops counting once headers arrive), and a cap on the body. Thread-safe: many calls share one
 * executor; what belongs to a call (its listener, deadline, cancellation) comes with each {@link #send}.
 */
public final class HttpExecutor implements AutoCloseable {

    /** Default body cap (SPEC §6). */
    public static final long DEFAULT_MAX_BODY = 50L * 1024 * 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * How long the JDK keeps an idle connection. JDK 17 keeps them 1,200 s (30 s from JDK 20, JDK-8297030), far
     * longer than servers do (Node closes after 5 s, most load balancers after 60 s): a long-lived engine would
     * meet many connections the server had dropped. Read once by the JDK when its first client is built.
     */
    static final String KEEPALIVE_PROPERTY = "jdk.httpclient.keepalive.timeout";
    static final long KEEPALIVE_SECONDS = 30;

    static {
        keepAlive();
    }

    private final Path caFile;
    private final Proxies proxies;
    /** Origin → when an exchange with it last completed (nanoTime): a later failure may be a dropped idle one. */
    private final Map<String, AtomicLong> lastExchange = new ConcurrentHashMap<>();
    /**
     * Ends an attempt that outlives its timeout. Exchanges run as the client's synchronous {@code send} on the
     * caller's thread, stopped through {@link Stoppable}. Not {@code sendAsync}: on JDK 17 it hands every
     * response to {@code CompletableFuture}'s default executor, which on a machine of two cores starts a new
     * thread per call (measured: a third of the throughput); nor a pool of senders: a second thread per call.
     */
    private final Watchdog watchdog = new Watchdog();
    private volatile HttpClient client;
    private volatile boolean closed;

    /** @param caFile an extra PEM bundle to trust besides the JDK's, or {@code null} */
    public HttpExecutor(Path caFile) {
        this(caFile, Proxies.NONE);
    }

    /**
     * @param caFile  an extra PEM bundle to trust besides the JDK's, or {@code null}
     * @param proxies which proxy each URL goes through ({@link Proxies#fromEnvironment})
     */
    public HttpExecutor(Path caFile, Proxies proxies) {
        this.caFile = caFile;
        this.proxies = proxies;
    }

    /**
     * Lowers the JDK's idle-connection keep-alive to {@value #KEEPALIVE_SECONDS} s unless the user set it: must run
     * before the first {@code HttpClient} is built (the CLI calls it first thing).
     */
    public static void keepAlive() {
        if (System.getProperty(KEEPALIVE_PROPERTY) == null) {
            System.setProperty(KEEPALIVE_PROPERTY, Long.toString(KEEPALIVE_SECONDS));
        }
    }

    private HttpClient client() {
        HttpClient built = client;
        if (built != null && !closed) {
            return built; // every call asks: no lock once the client exists
        }
        return build();
    }

    private synchronized HttpClient build() {
        if (closed) {
            // only a call already under way gets here: calls made after close() are refused by the engine itself
            throw Failure.of(Kind.CLOSED, "the connector runtime was closed while the call was in flight")
                    .code(Code.CLOSED).build();
        }
        if (client == null) {
            HttpClient.Builder b = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .proxy(proxies);
            java.net.Authenticator proxyAuth = proxies.authenticator();
            if (proxyAuth != null) {
                b.authenticator(proxyAuth);
            }
            if (caFile != null) {
                b.sslContext(TrustBundle.sslContext(caFile));
            } else {
                b.sslContext(DeferredTls.context(DeferredTls::jdkDefault)).sslParameters(DeferredTls.parameters());
            }
            client = b.build();
        }
        return client;
    }

    /**
     * Sends the call and reads the whole answer.
     *
     * @throws NetworkException when no usable answer came (refused, timeout, reset, DNS, TLS)
     * @throws Failure          of kind API when the body passes {@code maxBody}; INTERRUPTED on interrupt; NETWORK
     *                          when the call's total deadline has passed or passes during the exchange; CANCELLED or
     *                          CLOSED when the call is cancelled
     */
    HttpResult send(HttpCall call, Duration timeout, long maxBody, CallContext context) throws NetworkException {
        Deadline deadline = context.deadline();
        context.check("no time left for a request to " + hostPort(call.uri()));
        Duration attemptTimeout = deadline.cap(timeout);
        HttpRequest.Builder rb = HttpRequest.newBuilder(call.uri())
                .method(call.method().name(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        if ("http".equalsIgnoreCase(call.uri().getScheme())) {
            rb.version(HttpClient.Version.HTTP_1_1);
        }
        for (Headers.Header<String> h : call.headers()) {
            rb.header(h.name(), h.value());
        }
        String origin = call.uri().getRawAuthority(); // computed once by the URI: no string built per call
        // written by every call to the origin: a plain put would take the map's lock for the same key each time
        AtomicLong last = lastExchange.get(origin);
        if (last == null) {
            AtomicLong fresh = new AtomicLong(Long.MIN_VALUE);
            last = lastExchange.putIfAbsent(origin, fresh);
            last = last != null ? last : fresh;
        }
        long previous = last.get();
        long start = System.nanoTime();
        HttpClient http = client();
        HttpRequest request = rb.build();
        Stoppable stoppable = new Stoppable();
        watchdog.watch(stoppable, start + attemptTimeout.toNanos());
        Runnable unhook = context.cancellation().whenCancelled(() -> stoppable.stop(Stoppable.Reason.CANCELLED));
        HttpResponse<byte[]> response = null;
        IOException failed = null;
        boolean interrupted = false;
        Stoppable.Reason stopped;
        try {
            if (stoppable.enter()) {
                try {
                    response = http.send(request, info -> new CappedBody(maxBody));
                } catch (IOException e) {
                    failed = e;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            stopped = stoppable.exit();
            watchdog.unwatch(stoppable);
            unhook.run();
        }
        if (stopped == Stoppable.Reason.CANCELLED) {
            throw context.cancellation().failure();
        }
        if (response != null) {
            long end = System.nanoTime();
            last.lazySet(end);
            return new HttpResult(response.statusCode(), response.headers(), response.body(), call.uri(),
                    Duration.ofNanos(end - start));
        }
        if (stopped == Stoppable.Reason.TIMED_OUT) {
            if (attemptTimeout.compareTo(timeout) < 0) {
                throw deadline.failure("no answer yet from " + hostPort(call.uri()));
            }
            throw new NetworkException(NetworkException.Fault.TIMEOUT,
                    "no answer from " + hostPort(call.uri()) + " within " + Durations.format(timeout), null);
        }
        if (interrupted) {
            Thread.currentThread().interrupt(); // Ctrl-C: the command ends with 130
            throw Failure.of(Kind.INTERRUPTED, "interrupted").code(Code.INTERRUPTED).build();
        }
        boolean reused = previous != Long.MIN_VALUE
                && start - previous < TimeUnit.SECONDS.toNanos(KEEPALIVE_SECONDS);
        throw translate(failed, call.uri(), maxBody, reused);
    }



    /**
     * @param reused whether the connection was probably taken from the pool: an exchange with the origin completed
     *               within the keep-alive time
     */
    private static NetworkException translate(Throwable t, URI uri, long maxBody, boolean reused) {
        // the JDK's send() rethrows a copy of what failed with the original as its cause: look at the whole chain
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CappedBody.TooLarge) {
                throw Failure.of(Kind.API, "the response from " + hostPort(uri) + " is larger than the "
                        + size(maxBody) + " cap").code(Code.RESPONSE_TOO_LARGE)
                        .hint("ask for less: a smaller page or a filter").build();
            }
            if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
                return new NetworkException(NetworkException.Fault.DNS,
                        "cannot resolve the host `" + uri.getHost() + "`", t);
            }
        }
        Throwable c = t;
        while (c != null) {
            if (c instanceof HttpConnectTimeoutException) {
                return new NetworkException(NetworkException.Fault.CONNECT_TIMEOUT,
                        "could not connect to " + hostPort(uri) + " within " + Durations.format(CONNECT_TIMEOUT), t);
            }
            if (c instanceof HttpTimeoutException) {
                return new NetworkException(NetworkException.Fault.TIMEOUT, "no answer from " + hostPort(uri), t);
            }
            if (c instanceof ConnectException) {
                return new NetworkException(NetworkException.Fault.REFUSED,
                        "connection refused by " + hostPort(uri), t);
            }
            if (c instanceof SSLException) {
                return new NetworkException(NetworkException.Fault.TLS,
                        "TLS with " + hostPort(uri) + " failed: " + c.getMessage(), t);
            }
            c = c.getCause();
        }
        if (reused && droppedBeforeAnswer(t)) {
            return new NetworkException(NetworkException.Fault.STALE,
                    "the connection to " + hostPort(uri) + " was closed by the server while idle", t);
        }
        if (t instanceof IOException) {
            return new NetworkException(NetworkException.Fault.RESET,
                    "the connection to " + hostPort(uri) + " closed before the answer was complete", t);
        }
        throw Failure.of(Kind.INTERNAL, "request to " + hostPort(uri) + " failed: " + t).cause(t).build();
    }

    /**
     * What the JDK reports when a pooled connection turns out to have been closed by the server before it read
     * the request: no byte of an answer, an end of stream, a reset.
     */
    private static boolean droppedBeforeAnswer(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (c instanceof EOFException || m != null && (m.contains("received no bytes")
                    || m.contains("Connection reset") || m.contains("connection closed locally"))) {
                return true;
            }
        }
        return false;
    }

    /** {@code 50 MB}, {@code 64 KB}, {@code 1000 bytes}: a cap below 1 MB must not read as {@code 0 MB}. */
    static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes >= 1024 && bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    static String hostPort(URI uri) {
        int port = uri.getPort();
        if (port < 0) {
            port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }
        return uri.getHost() + ":" + port;
    }

    /** Releases the client's threads, so that the JVM exits at once; a later {@link #send} fails as closed. */
    @Override
    public synchronized void close() {
        closed = true;
        watchdog.close();
        if (client == null) {
            return;
        }
        ClientShutdown.shutdown(client);
        client = null;
    }
}
