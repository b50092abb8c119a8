package dev.connectorruntime.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectorruntime.engine.ConnectorRuntime;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.http.Version;
import dev.connectorruntime.secret.Redactor;
import dev.connectorruntime.secret.Secret;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessAsyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code serve} (SPEC §11): one engine, its actions as MCP tools over stdio or over HTTP (the gateway's routes
 * mount on the same {@link HttpFront}), reloaded when the definitions change, stopped by a signal or (stdio) the
 * end of stdin after the calls in flight are answered. Prints nothing but its protocol on stdout; every log line
 * goes to {@code log} (stderr), redacted.
 */
public final class Server implements AutoCloseable {

    private static final String NAME = "connector-runtime";

    private final ConnectorRuntime engine;
    private final Settings settings;
    private final Redactor redactor;
    private final Consumer<String> log;
    private final Lanes lanes;
    private final InFlight inFlight = new InFlight();
    private final Calls calls;
    private final McpTools tools;
    private final McpJsonMapper mapper = new JacksonMcpJsonMapper(new ObjectMapper());
    private volatile Catalog catalog;
    private McpAsyncServer stdioServer;
    private McpStatelessAsyncServer httpServer;
    private StdioTransport stdio;
    private HttpFront front;
    private Watcher watcher;

    /**
     * @param engine   the engine, owned by the server from here on (closed with it)
     * @param redactor the engine's redactor
     * @param log      one line at a time, to stderr
     * @throws Failure INVALID ({@code no-actions}, exit 3) when no action can be served
     */
    public Server(ConnectorRuntime engine, Settings settings, Redactor redactor, Consumer<String> log) {
        this.engine = engine;
        this.settings = settings;
        this.redactor = redactor;
        this.log = line -> log.accept(redactor.redact(line));
        this.lanes = new Lanes(settings.concurrency(), settings.queue());
        this.calls = new Calls(engine, redactor, lanes);
        this.tools = new McpTools(calls, redactor, settings.maxOutput(), settings.timeout(), inFlight);
        this.catalog = catalog();
    }

    private Catalog catalog() {
        engine.problems().forEach((name, f) -> log.accept("warning: action `" + name + "` is not served: "
                + f.getMessage()));
        Catalog c = Catalog.of(engine, new Catalog.Filter(settings.actions(), settings.readOnly()), log);
        if (c.entries().isEmpty()) {
            throw noActions(settings.actions().isEmpty() && !settings.readOnly());
        }
        return c;
    }

    /** No action can be served (exit 3). @param unfiltered whether --actions and --read-only were left out */
    static Failure noActions(boolean unfiltered) {
        return Failure.of(Kind.INVALID, "no action can be served").code(Code.NO_ACTIONS)
                .hint(unfiltered ? "run `validate` to see what is wrong with the definitions"
                        : "check --actions and --read-only, and run `validate`").build();
    }

    /** The exposed actions by tool name. */
    Catalog currentCatalog() {
        return catalog;
    }

    /** Serves MCP on these streams (stdin and stdout); returns once {@code stop} counts down or the input ends. */
    public int serveStdio(InputStream in, Writer out, CountDownLatch stop, Path workspace)
            throws InterruptedException {
        stdio = new StdioTransport(mapper, in, out, tools, log);
        var spec = McpServer.async(stdio).serverInfo(NAME, Version.get())
                .jsonMapper(mapper).jsonSchemaValidator(new ToolSchemas()).validateToolInputs(false)
                .requestTimeout(settings.timeout().plusSeconds(30))
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build());
        catalog.list().forEach(e -> spec.tools(tools.stateful(e)));
        stdioServer = spec.build();
        watch(workspace);
        stdio.start();
        log.accept("serving " + catalog.entries().size() + " tools over stdio (MCP)");
        boolean ended = awaitEither(stop, stdio.ended());
        // MCP clients close stdin first: answer what is in flight within 5 s (SPEC §11); a signal gets the grace
        drain(ended ? Settings.STDIN_GRACE : settings.grace());
        return 0;
    }

    /**
     * Binds and serves HTTP: MCP at /mcp, the gateway's routes, /healthz; returns once {@code stop} counts down.
     *
     * @param publicUrl the URL callers reach the server at (the OpenAPI document's {@code servers}), or
     *                  {@code null} for the address bound
     */
    public int serveHttp(Secret token, String publicUrl, CountDownLatch stop, Path workspace,
                         Consumer<InetSocketAddress> listening) throws InterruptedException {
        InetSocketAddress address = Objects.requireNonNull(settings.http(), "http");
        Failure refused = Security.refusal(address, token);
        if (refused != null) {
            throw refused;
        }
        Security security = new Security(token, settings.boundHost(), settings.allowedHosts(),
                settings.allowedOrigins());
        front = HttpFront.bind(address, security, settings.maxRequest(), redactor, log);
        McpHttpTransport mcp = new McpHttpTransport(mapper, redactor, settings.timeout().plusSeconds(5));
        var spec = McpServer.async(mcp).serverInfo(NAME, Version.get())
                .jsonMapper(mapper).jsonSchemaValidator(new ToolSchemas()).validateToolInputs(false)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build());
        catalog.list().forEach(e -> spec.tools(tools.stateless(e)));
        httpServer = spec.build();
        InetSocketAddress bound = front.address();
        String url = publicUrl != null ? publicUrl : "http://" + Security.display(bound);
        front.route("/mcp", mcp);
        new Gateway(() -> catalog, calls, redactor, settings.timeout(), url, token != null).mount(front);
        front.route("/healthz", request -> HttpFront.Answer.json(200, "{\"status\":\"ok\",\"actions\":"
                + catalog.entries().size() + "}"));
        watch(workspace);
        front.start();
        log.accept("serving " + catalog.entries().size() + " tools on http://" + Security.display(bound)
                + " (MCP at /mcp, actions at /actions, OpenAPI at /openapi.json)"
                + (token == null ? "" : ", serve token required"));
        listening.accept(bound);
        stop.await();
        boolean drained = front.stop(settings.grace());
        if (!drained) {
            log.accept("warning: calls still in flight after " + settings.grace().toSeconds() + " s were cut off");
        }
        return 0;
    }

    private void watch(Path workspace) {
        if (settings.watch() && workspace != null) {
            watcher = Watcher.start(workspace, this::reload, log);
        }
    }

    /** Loads the definitions again; on success the tool list follows (and stdio clients are told). */
    synchronized void reload() {
        try {
            engine.reload();
        } catch (Failure f) {
            log.accept("warning: the definitions changed but do not check (" + f.problems().size()
                    + " problems); still serving the previous ones. Run `validate` to see them.");
            return;
        }
        Catalog next;
        try {
            next = catalog();
        } catch (Failure f) {
            log.accept("warning: after the change no action can be served; still serving the previous ones");
            return;
        }
        Catalog before = catalog;
        catalog = next;
        Set<String> gone = new HashSet<>(before.entries().keySet());
        for (Map.Entry<String, Catalog.Entry> e : next.entries().entrySet()) {
            gone.remove(e.getKey());
            if (e.getValue().equals(before.get(e.getKey()))) {
                continue;
            }
            if (stdioServer != null) {
                stdioServer.removeTool(e.getKey()).onErrorComplete().block();
                stdioServer.addTool(tools.stateful(e.getValue())).block();
            }
            if (httpServer != null) {
                httpServer.removeTool(e.getKey()).onErrorComplete().block();
                httpServer.addTool(tools.stateless(e.getValue())).block();
            }
        }
        for (String name : gone) {
            if (stdioServer != null) {
                stdioServer.removeTool(name).onErrorComplete().block();
            }
            if (httpServer != null) {
                httpServer.removeTool(name).onErrorComplete().block();
            }
        }
        if (stdioServer != null) {
            stdioServer.notifyToolsListChanged().onErrorComplete().block(Duration.ofSeconds(5));
        }
        log.accept("definitions reloaded: " + next.entries().size() + " tools");
    }

    private void drain(Duration grace) throws InterruptedException {
        if (!inFlight.drain(grace)) {
            log.accept("warning: calls still in flight after " + grace.toSeconds() + " s were cut off");
        }
    }

    private static boolean awaitEither(CountDownLatch stop, CountDownLatch ended) throws InterruptedException {
        while (true) {
            if (ended.await(50, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (stop.getCount() == 0) {
                return false;
            }
        }
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        if (front != null) {
            front.close();
        }
        if (stdioServer != null) {
            stdioServer.close();
        }
        if (httpServer != null) {
            httpServer.close();
        }
        lanes.close();
        engine.close();
    }
}
