package dev.connectorruntime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.auth.TokenStatus;
import dev.connectorruntime.auth.TokenStore;
import dev.connectorruntime.auth.Warnings;
import dev.connectorruntime.auth.cache.DiskTokenStore;
import dev.connectorruntime.compile.InputValues;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.http.CallContext;
import dev.connectorruntime.http.Cancellation;
import dev.connectorruntime.http.Deadline;
import dev.connectorruntime.http.HttpExecutor;
import dev.connectorruntime.http.HttpListener;
import dev.connectorruntime.http.Proxies;
import dev.connectorruntime.http.Retrier;
import dev.connectorruntime.load.Workspace;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Connector;
import dev.connectorruntime.model.ToolNames;
import dev.connectorruntime.run.ConnectorSession;
import dev.connectorruntime.run.DryRun;
import dev.connectorruntime.run.Plan;
import dev.connectorruntime.run.PreparedAction;
import dev.connectorruntime.run.Target;
import dev.connectorruntime.run.Warmup;
import dev.connectorruntime.secret.Redactor;
import dev.connectorruntime.validate.Definitions;
import dev.connectorruntime.validate.ValidationStamps;
import dev.connectorruntime.validate.WorkspaceCheck;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The connector runtime as a library (SPEC §10): built once from a workspace, then called many times from any
 * number of threads. Every front end (the CLI, the sandbox, {@code test}) calls it.
 *
 * <pre>{@code
 * try (ConnectorRuntime runtime = ConnectorRuntime.builder().workspace(Path.of("."))
 *         .secrets(SecretSource.environmentAndDotenv()).build()) {
 *     JsonNode contacts = runtime.call("list-contacts", Map.of("limit", 5));
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Each action and its connector are loaded, checked and compiled on first use and kept; {@link #reload()}
 *       swaps in a new set atomically.</li>
 *   <li>One HTTP client per connector setting (CA file), kept until {@link #close()}; tokens shared by every
 *       thread, one renewal in flight per connector and credential set, and kept across processes in the token
 *       store (by default the disk cache, SPEC §6).</li>
 *   <li>Every failure is a {@link Failure} with a kind, an exit code, a stable {@link Code}, the HTTP status, the
 *       API's error body, message and hint, all passed through this runtime's redactor.</li>
 *   <li>No global state: the redactor, clock, token store and HTTP clients belong to the instance. Its threads
 *       never keep the JVM alive.</li>
 * </ul>
 */
public final class ConnectorRuntime implements AutoCloseable {

    private final Builder options;
    private final Redactor redactor;
    private final Sessions sessions;
    private final AtomicReference<Generation> current = new AtomicReference<>();
    private final Set<Cancellation> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private ConnectorRuntime(Builder b) {
        this.options = b;
        this.redactor = b.redactor != null ? b.redactor : new Redactor();
        Proxies proxies = Proxies.fromEnvironment(b.environment);
        for (String secret : proxies.secrets()) {
            redactor.register(secret);
        }
        TokenStore tokens = b.target != null ? TokenStore.NONE : b.tokenStore != null ? b.tokenStore
                : DiskTokenStore.open(b.environment, DiskTokenStore.Mode.ALL, b.warnings);
        this.sessions = new Sessions(proxies, b.retriers, b.clock, tokens, redactor);
        current.set(generation());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Calls an action and returns its output as JSON (a text output as a JSON string).
     *
     * @param inputs input values: strings, numbers, booleans, lists, maps
     * @throws Failure of any kind the call ends with, redacted
     */
    public JsonNode call(String action, Map<String, ?> inputs) {
        return call(CallRequest.of(action).inputs(inputs).build()).json();
    }

    /** The same, with the inputs as a JSON object. */
    public JsonNode call(String action, JsonNode inputs) {
        return call(CallRequest.of(action).inputs(inputs).build()).json();
    }

    /**
     * Calls an action with a deadline, a cancellation handle or a listener; returns the output with how the call
     * went.
     *
     * @throws Failure of any kind the call ends with, redacted: {@code cancelled} when its handle was cancelled,
     *                 {@code closed} when this runtime was closed under it
     */
    public CallResult call(CallRequest request) {
        long start = System.nanoTime();
        Cancellation mine = new Cancellation();
        Cancellation theirs = request.cancellation();
        Runnable unhook = theirs == null ? null : theirs.whenCancelled(mine::cancel);
        inFlight.add(mine);
        try {
            if (closed) {
                throw Failure.of(Kind.CLOSED, "the connector runtime is closed").code(Code.CLOSED).build();
            }
            Generation g = current.get();
            PreparedAction action = g.action(request.action());
            ConnectorSession session = session(g, action.connector());
            CallContext context = new CallContext(listener(request.listener()), request.startDeadline(), mine);
            PreparedAction.Result r = action.call(request.inputsNode(), request.inputTexts(), session, context);
            return new CallResult(r.output(), r.pages(), r.attempts(), Duration.ofNanos(System.nanoTime() - start));
        } catch (Failure f) {
            throw f.redacted(redactor);
        } catch (RuntimeException e) {
            throw internal(e);
        } finally {
            inFlight.remove(mine);
            if (unhook != null) {
                unhook.run();
            }
        }
    }

    /**
     * Every problem of a JSON object of arguments for {@code action}, without calling it (SPEC §11: a server lists
     * them all): unknown names, missing required inputs, each broken rule. Empty when a call would accept them.
     *
     * @throws Failure USAGE for an unknown action, INVALID when its definitions fail
     */
    public List<String> inputProblems(String action, ObjectNode arguments) {
        try {
            PreparedAction a = current.get().action(action);
            return InputValues.problems(a.action(), arguments).stream().map(redactor::redact).toList();
        } catch (Failure f) {
            throw f.redacted(redactor);
        }
    }

    /**
     * Every action of the workspace that loads and checks, with its compiled input schema, by name; those that do
     * not are left out (see {@link #problems()}).
     */
    public List<ActionInfo> actions() {
        Generation g = current.get();
        List<ActionInfo> out = new ArrayList<>();
        for (String name : g.workspace().actionNames()) {
            try {
                PreparedAction a = g.action(name);
                out.add(info(a));
            } catch (Failure f) {
                // reported by problems()
            }
        }
        return out;
    }

    /** The actions of the workspace that do not load or check, with why, by name. */
    public Map<String, Failure> problems() {
        Generation g = current.get();
        Map<String, Failure> out = new LinkedHashMap<>();
        for (String name : g.workspace().actionNames()) {
            try {
                g.action(name);
            } catch (Failure f) {
                out.put(name, f.redacted(redactor));
            }
        }
        return out;
    }

    /**
     * The action's definition and its connector's, loaded and checked as a call loads them (kept for later calls).
     *
     * @throws Failure USAGE for an unknown action, INVALID when either file has an error
     */
    public Definitions.Pair definitions(String action) {
        try {
            PreparedAction a = current.get().action(action);
            return new Definitions.Pair(a.action(), a.connector());
        } catch (Failure f) {
            throw f.redacted(redactor);
        }
    }

    /** One action of the catalog. @throws Failure USAGE when there is none of that name, INVALID when it fails */
    public ActionInfo action(String name) {
        try {
            PreparedAction a = current.get().action(name);
            return info(a);
        } catch (Failure f) {
            throw f.redacted(redactor);
        }
    }

    /**
     * Loads the whole workspace again, checks it, and swaps it in atomically: calls in flight finish on the old
     * definitions, calls started after this returns use the new ones. Tokens of connectors whose definition and
     * secrets did not change are kept.
     *
     * @throws Failure INVALID listing every problem, when any definition has an error: the previous set stays
     */
    public void reload() {
        Generation next = generation();
        List<Problem> problems = WorkspaceCheck.run(next.workspace(), List.of()).problems().stream()
                .filter(Problem::isError).toList();
        if (!problems.isEmpty()) {
            throw Failure.invalid(problems).redacted(redactor);
        }
        synchronized (this) {
            // calls in flight hold their sessions; those of connectors the new set does not use again are let go
            sessions.rollOver();
            current.set(next);
        }
    }

    /**
     * For {@code token CONNECTOR}: the connector's token obtained or reused exactly as a call would, and the base
     * URL its requests go to.
     */
    public TokenStatus token(String connectorName) {
        try {
            Generation g = current.get();
            Connector connector = Definitions.forConnector(g.workspace(), connectorName);
            return session(g, connector).token(new CallContext(options.listener, Deadline.NONE, new Cancellation()));
        } catch (Failure f) {
            throw f.redacted(redactor);
        } catch (RuntimeException e) {
            throw internal(e);
        }
    }

    /**
     * {@code run --dry-run}: the requests a call would send first, secrets and tokens as shell variables. Sends
     * nothing.
     */
    public Plan plan(CallRequest request) {
        Generation g = current.get();
        try {
            return DryRun.plan(g.action(request.action()), request.inputs(), request.inputTexts(), g.resolver(),
                    options.secrets.file(g.workspace().dir()));
        } catch (Failure f) {
            throw f.redacted(redactor);
        }
    }

    /** The text with every secret and token this runtime knows masked (SPEC §8): for front ends that print. */
    public String redact(String text) {
        return redactor.redact(text);
    }

    /**
     * Fails every call in flight with kind {@code closed}, then releases the HTTP clients and the token store it
     * was given; calls made afterwards fail the same way. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        inFlight.forEach(Cancellation::close);
        sessions.close();
        if (options.tokenStore != null) {
            options.tokenStore.close();
        }
    }

    private static ActionInfo info(PreparedAction a) {
        Action action = a.action();
        return new ActionInfo(action.name(), action.description(), a.connector().name(), action.request().method(),
                action.request().path().source(), a.inputSchema(), action.tool(), ToolNames.of(action),
                action.idempotent(), a.connector().description());
    }

    private Generation generation() {
        Workspace workspace = new Workspace(options.workspace);
        return new Generation(workspace, options.stamps, options.preloaded, options.maxBody,
                options.secrets.resolver(workspace.dir(), redactor));
    }

    private ConnectorSession session(Generation g, Connector connector) {
        return g.session(connector, options.target, resolved -> {
            if (connector.caFile() == null && (options.target != null
                    ? "https".equalsIgnoreCase(options.target.origin().getScheme()) : connector.likelyTls())) {
                Warmup.tls(); // the second core reads the JDK's trusted roots meanwhile
            }
            return sessions.session(resolved, connector.caFile());
        });
    }

    private HttpListener listener(HttpListener call) {
        if (call == null) {
            return options.listener;
        }
        if (options.listener == HttpListener.NONE) {
            return call;
        }
        return HttpListener.both(options.listener, call);
    }

    private Failure internal(RuntimeException e) {
        Failure f = Failure.of(Kind.INTERNAL, redactor.redact("internal error: " + e)).code(Code.INTERNAL)
                .hint("run again with --debug for the stack trace, and please report it").build();
        f.setStackTrace(e.getStackTrace());
        return f;
    }

    /** Builds a {@link ConnectorRuntime}: every option has a default but the workspace. */
    public static final class Builder {
        private Path workspace;
        private SecretSource secrets;
        private Map<String, String> environment = System.getenv();
        private TokenStore tokenStore;
        private Warnings warnings = message -> System.getLogger("connector-runtime")
                .log(System.Logger.Level.WARNING, message);
        private Clock clock = Clock.systemUTC();
        private HttpListener listener = HttpListener.NONE;
        private Long maxBody;
        private Function<HttpExecutor, Retrier> retriers = Retrier::standard;
        private ValidationStamps stamps = ValidationStamps.NONE;
        private Redactor redactor;
        private Target target;
        private final Map<String, Definitions.Pair> preloaded = new LinkedHashMap<>();

        private Builder() {
        }

        /** The workspace folder: {@code connectors/} and {@code actions/} below it (SPEC §1). Required. */
        public Builder workspace(Path dir) {
            this.workspace = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
            return this;
        }

        /** Where placeholder values come from; by default the environment, then {@code .env} in the workspace. */
        public Builder secrets(SecretSource secrets) {
            this.secrets = Objects.requireNonNull(secrets, "secrets");
            return this;
        }

        /**
         * The environment that proxies ({@code HTTPS_PROXY}, {@code NO_PROXY}) and the default token cache
         * directory are read from; by default the process's.
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /**
         * Where tokens outlive the process; by default the encrypted disk cache of SPEC §6 under the cache
         * directory the environment names. {@link TokenStore#NONE} keeps them in memory only; a
         * {@link dev.connectorruntime.auth.cache.RedisTokenStore} shares them with every process and machine that
         * uses the same Redis (SPEC §13). The runtime closes it in {@link #close()}: give each runtime its own.
         */
        public Builder tokenStore(TokenStore store) {
            this.tokenStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Where the default token cache's warnings go (a cache file with a loose mode); by default a logger. */
        public Builder warnings(Warnings warnings) {
            this.warnings = Objects.requireNonNull(warnings, "warnings");
            return this;
        }

        /** The clock tokens expire by; by default the system's. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sees every request and answer of every call, token requests included. */
        public Builder listener(HttpListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The body cap in bytes for every connector, winning over a connector's {@code max_body}; by default each
         * connector's {@code max_body}, else 50 MB.
         */
        public Builder maxBody(long bytes) {
            this.maxBody = bytes;
            return this;
        }

        /** How requests are retried over an HTTP client; tests pass a retrier that does not sleep. */
        public Builder retriers(Function<HttpExecutor, Retrier> retriers) {
            this.retriers = Objects.requireNonNull(retriers, "retriers");
            return this;
        }

        /** Stamps of definition files that passed the full check unchanged (the CLI's start-up shortcut). */
        public Builder stamps(ValidationStamps stamps) {
            this.stamps = Objects.requireNonNull(stamps, "stamps");
            return this;
        }

        /** The redactor; by default one of this runtime's own. The CLI shares one with what it prints. */
        public Builder redactor(Redactor redactor) {
            this.redactor = Objects.requireNonNull(redactor, "redactor");
            return this;
        }

        /**
         * Sends every request to this origin instead of the connector's (each URL keeps its path), and keeps tokens
         * in memory only: a rehearsal, as the sandbox's.
         */
        public Builder target(Target target) {
            this.target = target;
            return this;
        }

        /** An action and its connector already loaded and checked, used instead of reading their files again. */
        public Builder preloaded(Definitions.Pair pair) {
            preloaded.put(pair.action().name(), pair);
            return this;
        }

        public ConnectorRuntime build() {
            if (workspace == null) {
                throw new IllegalStateException("a ConnectorRuntime needs a workspace: builder().workspace(dir)");
            }
            if (secrets == null) {
                secrets = SecretSource.environmentAndDotenv(environment);
            }
            return new ConnectorRuntime(this);
        }
    }
}
