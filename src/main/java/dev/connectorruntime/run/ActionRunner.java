package dev.connectorruntime.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.auth.Authenticator;
import dev.connectorruntime.auth.Authenticators;
import dev.connectorruntime.auth.Credentials;
import dev.connectorruntime.auth.TokenClient;
import dev.connectorruntime.auth.TokenStatus;
import dev.connectorruntime.auth.TokenStore;
import dev.connectorruntime.compile.CompiledAction;
import dev.connectorruntime.compile.InputValues;
import dev.connectorruntime.compile.RenderedRequest;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.http.HttpCall;
import dev.connectorruntime.http.HttpExecutor;
import dev.connectorruntime.http.HttpResult;
import dev.connectorruntime.http.Origins;
import dev.connectorruntime.http.Retrier;
import dev.connectorruntime.http.SendPolicy;
import dev.connectorruntime.http.Urls;
import dev.connectorruntime.load.Workspace;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Connector;
import dev.connectorruntime.model.RetryPolicy;
import dev.connectorruntime.model.SecretTemplate;
import dev.connectorruntime.secret.SecretResolver;
import dev.connectorruntime.validate.Definitions;
import dev.connectorruntime.validate.ValidationStamps;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One action's life (SPEC §6): definitions → inputs → secrets → render → authenticate → send (renewing once on
 * a 401) → paginate → output. Everything that can be refused without the network is refused before it.
 */
public final class ActionRunner {

    private final Clock clock;
    private final Function<HttpExecutor, Retrier> retriers;
    private final long maxBody;
    private final TokenStore tokens;
    private final ValidationStamps stamps;

    /**
     * @param retriers how to retry over an executor: {@link Retrier#standard} in production, a retrier that does
     *                 not sleep in tests
     */
    public ActionRunner(Clock clock, Function<HttpExecutor, Retrier> retriers) {
        this(clock, retriers, HttpExecutor.DEFAULT_MAX_BODY, TokenStore.NONE, ValidationStamps.NONE);
    }

    private ActionRunner(Clock clock, Function<HttpExecutor, Retrier> retriers, long maxBody, TokenStore tokens,
                         ValidationStamps stamps) {
        this.clock = clock;
        this.retriers = retriers;
        this.maxBody = maxBody;
        this.tokens = tokens;
        this.stamps = stamps;
    }

    public static ActionRunner standard() {
        return new ActionRunner(Clock.systemUTC(), Retrier::standard);
    }

    /** The same runner with another body cap: tests use a small one rather than sending 50 MB. */
    public ActionRunner withMaxBody(long bytes) {
        return new ActionRunner(clock, retriers, bytes, tokens, stamps);
    }

    /** The same runner, its OAuth2 tokens kept in {@code store} across runs (the disk cache; by default none). */
    public ActionRunner withTokenStore(TokenStore store) {
        return new ActionRunner(clock, retriers, maxBody, store, stamps);
    }

    /**
     * The same runner, skipping the full check of definition files these stamps say passed it unchanged (by
     * default every file is checked in full; see {@link ValidationStamps}).
     */
    public ActionRunner withStamps(ValidationStamps validated) {
        return new ActionRunner(clock, retriers, maxBody, tokens, validated);
    }

    /** The run's action and connector, loaded and checked as {@link #run} loads them. */
    public Definitions.Pair definitions(RunRequest request) {
        return Definitions.forRun(request.workspace(), request.action(), stamps);
    }

    /**
     * For {@code token CONNECTOR}: the connector's credentials obtained or reused exactly as {@link #run} would,
     * and the base URL requests would go to.
     */
    public TokenStatus token(Workspace workspace, String connectorName, SecretResolver resolver,
                             Map<String, String> environment) {
        Connector connector = Definitions.forConnector(workspace, connectorName);
        ConnectorSecrets secrets = ConnectorSecrets.resolve(connector, resolver);
        Duration timeout = connector.timeout() != null ? connector.timeout() : Connector.DEFAULT_TIMEOUT;
        // the same executor as a run's, proxies from the environment included (SPEC §2)
        try (HttpExecutor executor = new HttpExecutor(connector.caFile(), RunOptions.DEFAULT.executor(environment))) {
            Authenticator auth = Authenticators.create(connector.name(), connector.auth(), secrets,
                    new TokenClient(retriers.apply(executor), clock, timeout), clock, tokens);
            Credentials credentials = auth.credentials();
            return auth.status().withBaseUrl(baseUrl(connector, credentials, secrets));
        }
    }

    public Output run(RunRequest request) {
        return run(request, RunOptions.DEFAULT);
    }

    public Output run(RunRequest request, RunOptions options) {
        Warmup.start();
        return run(request, options, definitions(request));
    }

    /** The same, with the action and connector already loaded by {@link #definitions} (the sandbox's way). */
    public Output run(RunRequest request, RunOptions options, Definitions.Pair pair) {
        Warmup.start();
        Action action = pair.action();
        Connector connector = pair.connector();
        boolean tls = request.target() != null ? "https".equalsIgnoreCase(request.target().origin().getScheme())
                : connector.likelyTls();
        if (tls && connector.caFile() == null) {
            Warmup.tls();
        }
        List<Problem> problems = new ArrayList<>();
        CompiledAction compiled = CompiledAction.compile(action, problems);
        if (compiled == null) {
            throw Failure.invalid(problems);
        }
        InputValues inputs = InputValues.bind(action, request.inputs(), request.inputTexts());
        ConnectorSecrets secrets = ConnectorSecrets.resolve(connector, new SecretResolver(request.environment(),
                request.secretsFile(), request.secretsExplicit())).retargeted(connector, request.target());
        RenderedRequest rendered = compiled.render(inputs);
        Duration timeout = action.timeout() != null ? action.timeout()
                : connector.timeout() != null ? connector.timeout() : Connector.DEFAULT_TIMEOUT;
        RetryPolicy retry = action.retry() != null ? action.retry()
                : connector.retry() != null ? connector.retry() : RetryPolicy.DEFAULT;
        try (HttpExecutor executor = new HttpExecutor(connector.caFile(), options.executor(request.environment()))) {
            Retrier retrier = retriers.apply(executor);
            Authenticator auth = Authenticators.create(connector.name(), connector.auth(), secrets,
                    new TokenClient(retrier, clock, timeout), clock, tokens);
            SendPolicy policy = new SendPolicy(retry, action.request().method().idempotent() || action.idempotent(),
                    false, timeout, maxBody);
            Exchange exchange = new Exchange(auth, retrier, policy);
            Credentials credentials = exchange.credentials();
            String base = baseUrl(connector, credentials, secrets);
            URI url = Urls.build(base, rendered.path(), rendered.query());
            URI origin = URI.create(base);
            Exchange.CallFactory calls = uri -> call(uri, rendered, connector, secrets);
            Output output;
            if (action.paginate() != null) {
                Paginator paginator = new Paginator(action.paginate());
                output = Output.of(paginator.all(paginator.first(url), origin, u -> exchange.send(u, origin, calls)));
            } else {
                HttpResult result = exchange.send(url, origin, calls);
                output = Bodies.decode(result);
            }
            if (compiled.output() != null && output.isJson()) {
                JsonNode shaped = compiled.output().apply(output.json());
                output = Output.of(shaped == null ? dev.connectorruntime.model.Json.nodes().nullNode() : shaped);
            }
            return output;
        }
    }

    /** The base URL: the token response's ({@code base_url_from}) wins over {@code base_url} (SPEC §2). */
    private static String baseUrl(Connector connector, Credentials credentials, ConnectorSecrets secrets) {
        if (credentials.baseUrl() != null) {
            return credentials.baseUrl();
        }
        SecretTemplate template = connector.baseUrl();
        String base = secrets.apply(template).reveal();
        String problem = Origins.problem(base);
        if (problem != null) {
            throw Failure.invalid(List.of(Origins.resolvedUrlProblem("base_url", problem, template.location())));
        }
        return base;
    }

    /** Headers by precedence, case-insensitive: the connector's, then the action's; credentials are added last. */
    private static HttpCall.Builder call(URI uri, RenderedRequest rendered, Connector connector,
                                         ConnectorSecrets secrets) {
        HttpCall.Builder b = HttpCall.builder(rendered.method(), uri);
        connector.headers().forEach((name, value) -> b.header(name, secrets.apply(value).reveal()));
        rendered.headers().forEach(h -> b.header(h.getKey(), h.getValue()));
        b.headerIfAbsent("User-Agent", "connector-runtime/" + Version.get());
        if (rendered.body() != null) {
            b.body(rendered.body(), rendered.contentType());
        }
        return b;
    }
}
