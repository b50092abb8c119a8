package dev.connectorruntime.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.auth.Credentials;
import dev.connectorruntime.compile.CompiledAction;
import dev.connectorruntime.compile.InputSchema;
import dev.connectorruntime.compile.InputValues;
import dev.connectorruntime.compile.RenderedRequest;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.http.CallContext;
import dev.connectorruntime.http.Headers;
import dev.connectorruntime.http.HttpExecutor;
import dev.connectorruntime.http.HttpCall;
import dev.connectorruntime.http.HttpResult;
import dev.connectorruntime.http.SendPolicy;
import dev.connectorruntime.http.Urls;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Connector;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.model.OutputFrom;
import dev.connectorruntime.model.RetryPolicy;
import dev.connectorruntime.secret.Secret;
import dev.connectorruntime.validate.Definitions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One action, checked and compiled once, then called many times from any number of threads (SPEC §6, §10):
 * inputs → render → authenticate → send (renewing once on a 401) → paginate → output. Everything that can be
 * refused without the network is refused before it. Immutable.
 */
public final class PreparedAction {

    private final Action action;
    private final Connector connector;
    private final CompiledAction compiled;
    private final SendPolicy policy;
    /** What the {@code output} expression reads of a single answer: its body, or all of it ({@code output_from}). */
    private final Function<HttpResult, Output> reader;
    /** Built when the catalog first asks: a call never needs it. */
    private volatile ObjectNode inputSchema;

    private PreparedAction(Action action, Connector connector, CompiledAction compiled, SendPolicy policy) {
        this.action = action;
        this.connector = connector;
        this.compiled = compiled;
        this.policy = policy;
        this.reader = action.outputFrom() == OutputFrom.RESPONSE ? WholeResponse::of : Bodies::decode;
    }

    /**
     * @param maxBody the body cap in bytes that wins over the connector's {@code max_body} ({@code run --max-body}),
     *                or {@code null}: the connector's, else 50 MB
     * @throws Failure INVALID when a template does not compile
     */
    public static PreparedAction compile(Definitions.Pair pair, Long maxBody) {
        Action action = pair.action();
        Connector connector = pair.connector();
        List<Problem> problems = new ArrayList<>();
        CompiledAction compiled = CompiledAction.compile(action, problems);
        if (compiled == null) {
            throw Failure.invalid(problems);
        }
        Duration timeout = action.timeout() != null ? action.timeout()
                : connector.timeout() != null ? connector.timeout() : Connector.DEFAULT_TIMEOUT;
        RetryPolicy retry = action.retry() != null ? action.retry()
                : connector.retry() != null ? connector.retry() : RetryPolicy.DEFAULT;
        long cap = maxBody != null ? maxBody
                : connector.maxBody() != null ? connector.maxBody() : HttpExecutor.DEFAULT_MAX_BODY;
        SendPolicy policy = new SendPolicy(retry, action.request().method().idempotent() || action.idempotent(),
                false, timeout, cap);
        return new PreparedAction(action, connector, compiled, policy);
    }

    public Action action() {
        return action;
    }

    public Connector connector() {
        return connector;
    }

    /** The compiled input schema (SPEC §4): {@code {type: object, properties, required, additionalProperties}}. */
    public ObjectNode inputSchema() {
        ObjectNode schema = inputSchema;
        if (schema == null) {
            schema = InputSchema.of(action);
            inputSchema = schema;
        }
        return schema.deepCopy();
    }

    /** What one call produced, and what it took. */
    public record Result(Output output, int pages, int attempts) {
    }

    /**
     * Calls the action.
     *
     * @param inputs     typed input values (a JSON object); may be empty
     * @param inputTexts {@code NAME=VALUE} texts parsed by each input's type; they win over {@code inputs}
     * @param session    the connector's shared session
     * @throws Failure of every kind the call can end with
     */
    public Result call(ObjectNode inputs, Map<String, String> inputTexts, ConnectorSession session,
                       CallContext context) {
        RenderedRequest rendered = render(inputs, inputTexts);
        CallStats stats = new CallStats(context.listener());
        CallContext counted = new CallContext(stats, context.deadline(), context.cancellation());
        context.cancellation().check();
        Exchange exchange = new Exchange(session.auth(), session.retrier(), policy, counted);
        Credentials credentials = exchange.credentials();
        String base = session.baseUrl(credentials);
        URI url = Urls.build(base, rendered.path(), rendered.query());
        URI origin = session.origin(base);
        Exchange.CallFactory calls = (uri, current) -> call(uri, current, rendered, session);
        AtomicInteger pages = new AtomicInteger();
        Output output;
        if (action.paginate() != null) {
            Paginator paginator = new Paginator(action.paginate());
            output = Output.of(paginator.all(paginator.first(url), origin, u -> {
                pages.incrementAndGet();
                return exchange.send(u, origin, calls);
            }));
        } else {
            pages.incrementAndGet();
            HttpResult result = exchange.send(url, origin, calls);
            output = reader.apply(result);
        }
        if (compiled.output() != null && output.isJson()) {
            JsonNode shaped = compiled.output().apply(output.json());
            output = Output.of(shaped == null ? Json.nodes().nullNode() : shaped);
        }
        return new Result(output, pages.get(), stats.attempts());
    }

    /**
     * The action's request for these inputs, before the connector adds its base URL, headers and credentials.
     *
     * @throws Failure USAGE for a bad input value
     */
    public RenderedRequest render(ObjectNode inputs, Map<String, String> inputTexts) {
        return compiled.render(InputValues.bind(action, inputs, inputTexts));
    }

    /** The API request: headers by {@link RequestHeaders}' precedence, the credentials winning. */
    private static HttpCall call(URI uri, Credentials credentials, RenderedRequest rendered,
                                 ConnectorSession session) {
        Headers.Builder<String> auth = Headers.builder();
        for (Map.Entry<String, Secret> h : credentials.headers().entrySet()) {
            auth.set(h.getKey(), h.getValue().reveal());
        }
        Headers<String> headers = RequestHeaders.of(session.headers(), rendered.headers(),
                rendered.body() != null ? rendered.contentType() : null, auth.build(), Function.identity());
        return HttpCall.builder(rendered.method(), uri).headers(headers).body(rendered.body(), null).build();
    }
}
