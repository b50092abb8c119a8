package dev.connectorruntime.http;

import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Sends one {@link HttpCall} with {@code java.net.http.HttpClient}: HTTP/1.1 for plain http (no h2c upgrade),
 * redirects never followed by the client (credentials must not follow them), one deadline over the whole
 * exchange (the client's own timeout stops counting once headers arrive), and a cap on the body.
 */
public final class HttpExecutor implements AutoCloseable {

    /** Default body cap (SPEC §6). */
    public static final long DEFAULT_MAX_BODY = 50L * 1024 * 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Path caFile;
    private final ExecutorOptions options;
    private HttpClient client;

    /** @param caFile an extra PEM bundle to trust besides the JDK's, or {@code null} */
    public HttpExecutor(Path caFile) {
        this(caFile, ExecutorOptions.DEFAULT);
    }

    /**
     * @param caFile  an extra PEM bundle to trust besides the JDK's, or {@code null}
     * @param options proxies, the listener and the run's total deadline
     */
    public HttpExecutor(Path caFile, ExecutorOptions options) {
        this.caFile = caFile;
        this.options = options;
    }

    HttpListener listener() {
        return options.listener();
    }

    Deadline deadline() {
        return options.deadline();
    }

    private synchronized HttpClient client() {
        if (client == null) {
            HttpClient.Builder b = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .proxy(options.proxies());
            java.net.Authenticator proxyAuth = options.proxies().authenticator();
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
     *                          when the run's total deadline has passed or passes during the exchange
     */
    HttpResult send(HttpCall call, Duration timeout, long maxBody) throws NetworkException {
        Deadline deadline = options.deadline();
        if (deadline.passed()) {
            throw deadline.failure("no time left for a request to " + hostPort(call.uri()));
        }
        Duration attemptTimeout = deadline.cap(timeout);
        HttpRequest.Builder rb = HttpRequest.newBuilder(call.uri())
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        if ("http".equalsIgnoreCase(call.uri().getScheme())) {
            rb.version(HttpClient.Version.HTTP_1_1);
        }
        for (Map.Entry<String, String> h : call.headers()) {
            rb.header(h.getKey(), h.getValue());
        }
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> future =
                client().sendAsync(rb.build(), info -> new CappedBody(maxBody));
        try {
            HttpResponse<byte[]> response = future.get(attemptTimeout.toNanos(), TimeUnit.NANOSECONDS);
            return new HttpResult(response.statusCode(), response.headers(), response.body(), call.uri(),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (TimeoutException e) {
            future.cancel(true);
            if (attemptTimeout.compareTo(timeout) < 0) {
                throw deadline.failure("no answer yet from " + hostPort(call.uri()));
            }
            throw new NetworkException(NetworkException.Fault.TIMEOUT,
                    "no answer from " + hostPort(call.uri()) + " within " + dev.connectorruntime.model.Durations.format(timeout), e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw Failure.of(Kind.INTERRUPTED, "interrupted").build();
        } catch (ExecutionException e) {
            throw translate(e.getCause(), call.uri(), maxBody);
        }
    }

    private static NetworkException translate(Throwable t, URI uri, long maxBody) {
        Throwable c = t;
        while (c != null) {
            if (c instanceof CappedBody.TooLarge) {
                throw Failure.of(Kind.API, "the response from " + hostPort(uri) + " is larger than the "
                        + size(maxBody) + " cap").hint("ask for less: a smaller page or a filter")
                        .build();
            }
            if (c instanceof HttpConnectTimeoutException) {
                return new NetworkException(NetworkException.Fault.CONNECT_TIMEOUT,
                        "could not connect to " + hostPort(uri) + " within " + dev.connectorruntime.model.Durations.format(CONNECT_TIMEOUT), t);
            }
            if (c instanceof HttpTimeoutException) {
                return new NetworkException(NetworkException.Fault.TIMEOUT, "no answer from " + hostPort(uri), t);
            }
            if (c instanceof ConnectException && !(c.getCause() instanceof UnresolvedAddressException)) {
                return new NetworkException(NetworkException.Fault.REFUSED,
                        "connection refused by " + hostPort(uri), t);
            }
            if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
                return new NetworkException(NetworkException.Fault.DNS,
                        "cannot resolve the host `" + uri.getHost() + "`", t);
            }
            if (c instanceof SSLException) {
                return new NetworkException(NetworkException.Fault.TLS,
                        "TLS with " + hostPort(uri) + " failed: " + c.getMessage(), t);
            }
            c = c.getCause();
        }
        if (t instanceof IOException) {
            return new NetworkException(NetworkException.Fault.RESET,
                    "the connection to " + hostPort(uri) + " closed before the answer was complete", t);
        }
        throw Failure.of(Kind.INTERNAL, "request to " + hostPort(uri) + " failed: " + t).cause(t).build();
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

    /** Releases the client's threads, so that the JVM exits at once. */
    @Override
    public synchronized void close() {
        if (client == null) {
            return;
        }
        ClientShutdown.shutdown(client);
        client = null;
    }
}
