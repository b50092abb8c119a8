package dev.connectorruntime.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Connector;
import dev.connectorruntime.model.Example;
import dev.connectorruntime.model.OAuth2;
import dev.connectorruntime.auth.TokenStore;
import dev.connectorruntime.engine.CallRequest;
import dev.connectorruntime.engine.ConnectorRuntime;
import dev.connectorruntime.engine.SecretSource;
import dev.connectorruntime.run.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The built-in sandbox (SPEC §9): a local HTTP server (the JDK's own, on 127.0.0.1, a free port) that plays one
 * connector's token endpoint and API for one example of one action. Start it, send a run to it with
 * {@link #retarget}, close it. Nothing is read from the environment or a secrets file, nothing is written to disk,
 * and nothing leaves the machine.
 */
public final class Sandbox implements AutoCloseable {

    private static final Pattern PATH_OF_URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*([^?#]*)");

    private final HttpServer server;
    private final URI origin;
    private final SandboxSecrets secrets;
    private final Example example;
    private final String tokenPath;
    private final TokenEndpoint tokenEndpoint;
    private final ApiEndpoint api;
    private final List<String> problems = new ArrayList<>();

    private Sandbox(HttpServer server, Connector connector, Action action, Example example, Clock clock) {
        this.server = server;
        this.origin = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        this.secrets = SandboxSecrets.of(connector);
        this.example = example;
        List<String> urls = new ArrayList<>();
        urls.add(secrets.resolve(connector.baseUrl()));
        String tokenUrl = connector.auth() instanceof OAuth2 o ? secrets.resolve(o.client().tokenUrl()) : null;
        urls.add(tokenUrl);
        ApiStyle style = ApiStyle.of(urls);
        this.tokenPath = tokenUrl == null ? null : path(tokenUrl);
        this.tokenEndpoint = connector.auth() instanceof OAuth2 o ? new TokenEndpoint(o, secrets, style, origin, clock)
                : null;
        this.api = new ApiEndpoint(action, example, Gate.of(connector.auth(), secrets, tokenEndpoint), style, origin);
    }

    /**
     * Starts a sandbox for one example.
     *
     * @throws Failure INTERNAL when no loopback port can be opened
     */
    public static Sandbox start(Connector connector, Action action, Example example) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        } catch (IOException e) {
            throw Failure.of(Kind.INTERNAL, "cannot start the sandbox on 127.0.0.1: " + e.getMessage())
                    .code(Code.INTERNAL).cause(e).build();
        }
        Sandbox sandbox = new Sandbox(server, connector, action, example, Clock.systemUTC());
        server.createContext("/", sandbox::exchange);
        server.start();
        return sandbox;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI origin() {
        return origin;
    }

    /**
     * An engine that sends here: the sandbox's value for every secret (nothing read from the environment or a
     * secrets file), the connector's URLs moved to this origin, tokens in memory only.
     */
    public ConnectorRuntime.Builder retarget(ConnectorRuntime.Builder engine) {
        return engine.target(new Target(origin)).secrets(SecretSource.of(secrets.environment()))
                .tokenStore(TokenStore.NONE);
    }

    /** The call sent here: the example's inputs, the request's own inputs (and {@code -i} texts) winning over them. */
    public CallRequest retarget(CallRequest request) {
        ObjectNode inputs = example.inputs();
        request.inputs().fields().forEachRemaining(e -> inputs.set(e.getKey(), e.getValue()));
        return request.withInputs(inputs);
    }

    /** What went wrong on the sandbox's side, one line each (continuations indented): empty when all was well. */
    public synchronized List<String> problems() {
        List<String> all = new ArrayList<>(problems);
        all.addAll(api.problems());
        return all;
    }

    /** How many of the example's responses the action asked for. */
    public int served() {
        return api.served();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void exchange(HttpExchange ex) {
        try {
            RecordedRequest request = record(ex);
            Reply reply;
            try {
                reply = tokenEndpoint != null && request.rawPath().equals(tokenPath) ? tokenEndpoint.handle(request)
                        : api.handle(request);
            } catch (RuntimeException e) {
                synchronized (this) {
                    problems.add("the sandbox failed on " + request + ": " + e);
                }
                reply = Reply.refusal(500, "internal error: " + e);
            }
            send(ex, reply, request.method().equals("HEAD"));
        } catch (IOException e) {
            // the client went away: nothing to answer
        } finally {
            ex.close();
        }
    }

    private static RecordedRequest record(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        URI uri = ex.getRequestURI();
        return new RecordedRequest(ex.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                ex.getRequestHeaders(), body);
    }

    private static void send(HttpExchange ex, Reply reply, boolean head) throws IOException {
        reply.headers().forEach(h -> ex.getResponseHeaders().add(h.getKey(), h.getValue()));
        byte[] body = reply.body() == null || head ? new byte[0] : reply.body();
        boolean empty = body.length == 0 || reply.status() == 204 || reply.status() == 304;
        ex.sendResponseHeaders(reply.status(), empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String path(String url) {
        var m = PATH_OF_URL.matcher(url);
        String p = m.find() ? m.group(1) : "";
        return p.isEmpty() ? "/" : p;
    }

    @Override
    public String toString() {
        return "Sandbox[" + origin + ", example " + example.name() + "]";
    }
}
