package dev.connectorruntime.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.http.Cancellation;
import dev.connectorruntime.http.Deadline;
import dev.connectorruntime.http.HttpCall;
import dev.connectorruntime.http.HttpListener;
import dev.connectorruntime.http.HttpResult;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.secret.Redactor;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * The catalog as MCP tools (SPEC §11), for the stdio server and the Streamable HTTP one alike: one tool per entry
 * with its annotations, and the call handler that turns a {@code tools/call} into an engine call and the outcome
 * into a result. Bad arguments and every failure are {@code isError} results, never JSON-RPC errors.
 *
 * <p>The SDK does not act on {@code notifications/cancelled}: the transports hand the request id of each call to
 * the handler in the transport context ({@link #REQUEST_ID}), and pass a cancellation to {@link #cancel}.
 */
final class McpTools {

    /** The transport context key of the JSON-RPC id of the request being handled. */
    static final String REQUEST_ID = "connector-runtime.request-id";

    private final Calls calls;
    private final Redactor redactor;
    private final long maxOutput;
    private final Duration timeout;
    private final InFlight inFlight;
    private final Map<String, Cancellation> running = new ConcurrentHashMap<>();

    McpTools(Calls calls, Redactor redactor, long maxOutput, Duration timeout, InFlight inFlight) {
        this.calls = calls;
        this.redactor = redactor;
        this.maxOutput = maxOutput;
        this.timeout = timeout;
        this.inFlight = inFlight;
    }

    /** The tool a client lists. */
    static McpSchema.Tool tool(Catalog.Entry e) {
        return McpSchema.Tool.builder()
                .name(e.name())
                .title(e.action().name())
                .description(e.description())
                .inputSchema(asMap(e.schema()))
                .annotations(new McpSchema.ToolAnnotations(null, e.readOnly(), e.destructive(), e.idempotent(),
                        true, null))
                .build();
    }

    McpServerFeatures.AsyncToolSpecification stateful(Catalog.Entry e) {
        return new McpServerFeatures.AsyncToolSpecification(tool(e),
                (exchange, request) -> call(e, request, exchange.transportContext(), progress(exchange, request)));
    }

    McpStatelessServerFeatures.AsyncToolSpecification stateless(Catalog.Entry e) {
        return new McpStatelessServerFeatures.AsyncToolSpecification(tool(e),
                (context, request) -> call(e, request, context, HttpListener.NONE));
    }

    /** Cancels the call of that request id, if it is running or queued (a {@code notifications/cancelled}). */
    void cancel(Object requestId) {
        Cancellation c = running.get(key(requestId));
        if (c != null) {
            c.cancel();
        }
    }

    private Mono<McpSchema.CallToolResult> call(Catalog.Entry e, McpSchema.CallToolRequest request,
                                                McpTransportContext context, HttpListener listener) {
        return Mono.defer(() -> {
            if (!inFlight.enter()) {
                return Mono.just(error(Json.object().put("kind", "closed").put("code", "closed")
                        .put("message", "the server is shutting down").putNull("hint")));
            }
            Cancellation cancellation = new Cancellation();
            Object id = context == null ? null : context.get(REQUEST_ID);
            String key = id == null ? null : key(id);
            if (key != null) {
                running.put(key, cancellation);
            }
            JsonNode given = request.arguments() == null ? Json.object() : Json.mapper().valueToTree(request.arguments());
            ObjectNode arguments = given.isObject() ? (ObjectNode) given : Json.object();
            return Mono.fromFuture(calls.call(e, arguments, Deadline.forCall(timeout), cancellation, listener))
                    .map(this::result)
                    .doFinally(signal -> {
                        if (key != null) {
                            running.remove(key, cancellation);
                        }
                        inFlight.exit();
                    });
        });
    }

    private McpSchema.CallToolResult result(Calls.Outcome outcome) {
        if (outcome instanceof Calls.Failed f) {
            return error(f.json(redactor));
        }
        OutputCap cap = OutputCap.of(((Calls.Done) outcome).output(), maxOutput);
        McpSchema.CallToolResult.Builder b = McpSchema.CallToolResult.builder().addTextContent(cap.text())
                .isError(false);
        if (cap.note() != null) {
            b.addTextContent(cap.note());
        }
        return b.build();
    }

    private static McpSchema.CallToolResult error(ObjectNode error) {
        ObjectNode body = Json.object();
        body.set("error", error);
        return McpSchema.CallToolResult.builder().addTextContent(Json.compact(body)).isError(true).build();
    }

    /** Progress notifications for the client's progress token, one per answer received (each page, on a paginated call). */
    private static HttpListener progress(McpAsyncServerExchange exchange, McpSchema.CallToolRequest request) {
        Object token = request.meta() == null ? null : request.meta().get("progressToken");
        if (token == null) {
            return HttpListener.NONE;
        }
        AtomicInteger answers = new AtomicInteger();
        Consumer<Integer> send = n -> exchange.progressNotification(new McpSchema.ProgressNotification(token,
                (double) n, null, n == 1 ? "1 answer received" : n + " answers received", null)).subscribe();
        return new HttpListener() {
            @Override
            public void answered(HttpCall call, HttpResult result) {
                send.accept(answers.incrementAndGet());
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(ObjectNode schema) {
        return Json.mapper().convertValue(schema, Map.class);
    }

    /** JSON-RPC ids are strings or numbers: 1 and "1" are two ids. */
    private static String key(Object id) {
        return (id instanceof Number ? "n:" : "s:") + id;
    }
}
