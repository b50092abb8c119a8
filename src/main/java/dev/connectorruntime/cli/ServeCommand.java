package dev.connectorruntime.cli;

import dev.connectorruntime.engine.ConnectorRuntime;
import dev.connectorruntime.engine.SecretSource;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.secret.Secret;
import dev.connectorruntime.serve.Server;
import dev.connectorruntime.serve.Settings;
import dev.connectorruntime.validate.ValidationStamps;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve --mcp} and {@code serve --http [HOST:]PORT} (SPEC §11): the workspace's actions as MCP tools for AI
 * agents, over stdio or HTTP. Stopped by SIGTERM or Ctrl-C (exit 0 after the calls in flight finish) and, with
 * {@code --mcp}, by the end of stdin.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve the actions as MCP tools: over stdin/stdout (--mcp) or HTTP (--http), MCP at /mcp.")
final class ServeCommand extends WorkspaceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--mcp", required = true,
                description = "MCP on stdin/stdout: only JSON-RPC on stdout, every log line on stderr.")
        boolean mcp;

        @Option(names = "--http", paramLabel = "[HOST:]PORT", required = true,
                description = "HTTP on 127.0.0.1 unless a host is named; MCP's Streamable HTTP at /mcp.")
        String http;
    }

    @Option(names = "--secrets", paramLabel = "FILE",
            description = "Read secrets from this dotenv file (default: the environment, then .env).")
    Path secrets;

    @Option(names = "--actions", paramLabel = "NAME", split = ",",
            description = "Expose only these actions (comma-separated).")
    List<String> actions = new ArrayList<>();

    @Option(names = "--read-only", description = "Expose only GET and HEAD actions, and those marked tool: {read_only: true}.")
    boolean readOnly;

    @Option(names = "--max-output", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "The most JSON text of one MCP result (default 64KB); arrays are cut by whole items.")
    Long maxOutput;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Upstream calls in flight per connector (default 8); more wait in a FIFO queue.")
    Integer concurrency;

    @Option(names = "--queue", paramLabel = "N",
            description = "Calls that may wait per connector (default 256); beyond it a call is refused (overloaded).")
    Integer queue;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Each call's deadline, its wait in the queue included (default 60s).")
    Duration timeout;

    @Option(names = "--max-request", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "HTTP: the largest request body (default 1MB).")
    Long maxRequest;

    @Option(names = "--allowed-host", paramLabel = "NAME",
            description = "HTTP: a further Host name callers may use (repeatable); loopback names always may.")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--allowed-origin", paramLabel = "ORIGIN",
            description = "HTTP: a further Origin (scheme://host[:port]) browsers may call from (repeatable).")
    List<String> allowedOrigins = new ArrayList<>();

    @Option(names = "--server", paramLabel = "URL",
            description = "HTTP: the URL callers reach this server at, for the OpenAPI document (default: the address bound).")
    String server;

    @Option(names = "--no-watch", description = "Do not reload the definitions when they change on disk.")
    boolean noWatch;

    @Option(names = "--no-token-cache",
            description = "Keep access tokens in memory only (refresh tokens are still cached).")
    boolean noTokenCache;

    @Mixin
    TokenStoreOption tokenStore = new TokenStoreOption();

    ServeCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        InetSocketAddress address = mode.http == null ? null : address(mode.http);
        Settings settings = new Settings(new LinkedHashSet<>(actions), readOnly,
                maxOutput != null ? maxOutput : Settings.MAX_OUTPUT,
                positive("--concurrency", concurrency, Settings.CONCURRENCY),
                positive("--queue", queue, Settings.QUEUE),
                timeout != null ? timeout : Settings.TIMEOUT, address,
                address == null ? null : host(mode.http),
                maxRequest != null ? maxRequest : Settings.MAX_REQUEST,
                lower(allowedHosts), lower(allowedOrigins), Settings.GRACE, !noWatch);
        Path dir = common.workspaceDir(context.cwd());
        SecretSource secretSource = secrets != null
                ? SecretSource.of(context.environment(), context.cwd().resolve(secrets))
                : SecretSource.environmentAndDotenv(context.environment());
        String token = context.environment().get("CONNECTOR_RUNTIME_SERVE_TOKEN");
        Secret serveToken = token == null || token.isEmpty() ? null : Secret.of(token);
        if (serveToken != null) {
            context.redactor().register(serveToken);
        }
        ConnectorRuntime engine = context.engine().workspace(dir).secrets(secretSource)
                .stamps(ValidationStamps.inCache(context.environment()))
                .tokenStore(tokenStore.open(context, noTokenCache, err)).build();
        try (Server server = new Server(engine, settings, context.redactor(), line -> {
            synchronized (err) {
                err.println(Terminal.clean(line));
                err.flush();
            }
        })) {
            if (address == null) {
                return server.serveStdio(context.stdin(), spec.commandLine().getOut(), context.stop(), dir);
            }
            return server.serveHttp(serveToken, this.server, context.stop(), dir, bound -> { });
        }
    }

    private static int positive(String option, Integer given, int otherwise) {
        if (given == null) {
            return otherwise;
        }
        if (given < (option.equals("--queue") ? 0 : 1)) {
            throw Failure.of(Kind.USAGE, option + " must be " + (option.equals("--queue") ? "0 or more" : "1 or more")
                    + ", not " + given).code(Code.USAGE).build();
        }
        return given;
    }

    private static Set<String> lower(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        values.forEach(v -> out.add(v.strip().toLowerCase(Locale.ROOT)));
        return out;
    }

    /** {@code 8080}, {@code 0.0.0.0:8080}, {@code [::1]:8080}, {@code localhost:8080}. */
    static InetSocketAddress address(String text) {
        String host = host(text);
        String port = host == null ? text : text.substring(text.lastIndexOf(':') + 1);
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 0 || p > 65535) {
            throw Failure.of(Kind.USAGE, "--http " + Terminal.line(text) + " is not [HOST:]PORT").code(Code.USAGE)
                    .hint("e.g. --http 8080 (on 127.0.0.1), --http 0.0.0.0:8080; port 0 picks a free one").build();
        }
        try {
            InetAddress a = host == null ? InetAddress.getLoopbackAddress()
                    : InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
            return new InetSocketAddress(a, p);
        } catch (UnknownHostException e) {
            throw Failure.of(Kind.NETWORK, "--http " + Terminal.line(text) + ": unknown host").code(Code.BIND_FAILED)
                    .build();
        }
    }

    /** The host part of {@code [HOST:]PORT}, lower case, or {@code null}. */
    static String host(String text) {
        int colon = text.lastIndexOf(':');
        return colon <= 0 ? null : text.substring(0, colon).toLowerCase(Locale.ROOT);
    }
}
