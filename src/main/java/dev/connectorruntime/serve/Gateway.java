package dev.connectorruntime.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Suggestions;
import dev.connectorruntime.http.Deadline;
import dev.connectorruntime.http.HttpListener;
import dev.connectorruntime.model.Durations;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.secret.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The HTTP gateway (SPEC §11): {@code POST /actions/{name}} calls an action with a JSON object of inputs and
 * answers {@code 200} with its output (whole); {@code GET /actions} is the catalog; {@code GET /openapi.json} the
 * OpenAPI 3.1 document. Mounted on the same {@link HttpFront} as MCP, so one port has one set of checks. Failures
 * are problem documents ({@link Problems}).
 */
final class Gateway {

    private final Supplier<Catalog> catalog;
    private final Calls calls;
    private final Redactor redactor;
    private final Duration timeout;
    private final String server;
    private final boolean tokenRequired;

    /**
     * @param server        the URL callers reach the server at, for the document's {@code servers}
     * @param tokenRequired whether callers must send the serve token
     */
    Gateway(Supplier<Catalog> catalog, Calls calls, Redactor redactor, Duration timeout, String server,
            boolean tokenRequired) {
        this.catalog = catalog;
        this.calls = calls;
        this.redactor = redactor;
        this.timeout = timeout;
        this.server = server;
        this.tokenRequired = tokenRequired;
    }

    void mount(HttpFront front) {
        front.route("/actions", this::list);
        front.routeUnder("/actions/", this::call);
        front.route("/openapi.json", this::openApi);
    }

    private HttpFront.Answer list(HttpFront.Request request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return notAllowed(request, "GET");
        }
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("actions");
        for (Catalog.Entry e : catalog.get().list()) {
            ObjectNode a = list.addObject();
            a.put("name", e.action().name());
            a.put("operation_id", e.name());
            a.put("summary", e.summary());
            a.put("description", e.description());
            a.put("connector", e.action().connector());
            a.put("method", e.action().method().name());
            a.put("read_only", e.readOnly());
            a.put("url", "/actions/" + e.action().name());
            a.set("input_schema", e.schema());
        }
        return HttpFront.Answer.json(200, Json.compact(out));
    }

    private HttpFront.Answer openApi(HttpFront.Request request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return notAllowed(request, "GET");
        }
        return HttpFront.Answer.json(200, Json.compact(OpenApi.document(catalog.get(), server, tokenRequired)));
    }

    private HttpFront.Answer call(HttpFront.Request request) throws IOException {
        String name = request.path().substring("/actions/".length());
        Catalog current = catalog.get();
        Catalog.Entry entry = find(current, name);
        if (entry == null) {
            String near = Suggestions.closest(name, current.list().stream().map(e -> e.action().name()).toList());
            return problem(Failure.of(Kind.USAGE, "no action " + Security.clean(name) + " is served")
                    .code(Code.UNKNOWN_ACTION)
                    .hint(near != null ? "did you mean `" + near + "`?" : "GET /actions lists the actions").build());
        }
        if (!request.method().equals("POST")) {
            return notAllowed(request, "POST");
        }
        String contentType = request.header("Content-Type");
        boolean empty = request.body().length == 0;
        if (!empty && (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json"))) {
            return problem(Failure.of(Kind.USAGE, "the body must be application/json, not "
                    + (contentType == null ? "untyped" : Security.clean(contentType)))
                    .code(Code.UNSUPPORTED_MEDIA_TYPE).hint("send a JSON object of the action's inputs with"
                            + " Content-Type: application/json").build());
        }
        JsonNode body;
        try {
            body = empty ? Json.object() : Json.parse(request.body());
        } catch (IOException e) {
            return problem(Failure.of(Kind.USAGE, "the body is not JSON").code(Code.BAD_REQUEST)
                    .hint("send a JSON object of the action's inputs, e.g. {\"limit\": 5}").build());
        }
        if (!body.isObject()) {
            return problem(Failure.of(Kind.USAGE, "the body must be a JSON object of inputs, not "
                    + body.getNodeType().name().toLowerCase(Locale.ROOT)).code(Code.BAD_REQUEST)
                    .hint("send a JSON object of the action's inputs, e.g. {\"limit\": 5}").build());
        }
        Duration limit = timeout;
        String asked = request.header("X-Request-Timeout");
        if (asked != null) {
            Duration d = Durations.parse(asked.strip());
            if (d == null || d.isZero() || d.isNegative()) {
                return problem(Failure.of(Kind.USAGE, "X-Request-Timeout " + Security.clean(asked)
                        + " is not a duration").code(Code.BAD_REQUEST).hint("write 500ms, 30s or 2m").build());
            }
            limit = d.compareTo(timeout) < 0 ? d : timeout;
        }
        Calls.Outcome outcome;
        try {
            outcome = calls.call(entry, (ObjectNode) body, Deadline.forCall(limit), null, HttpListener.NONE).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return problem(Failure.of(Kind.CLOSED, "the server is shutting down").code(Code.CLOSED).build());
        } catch (ExecutionException e) {
            return problem(Failure.of(Kind.INTERNAL, "the call failed").code(Code.INTERNAL).build());
        }
        if (outcome instanceof Calls.Failed f) {
            return Problems.answer(f.failure(), f.errors(), redactor);
        }
        return new HttpFront.Answer(200, "application/json",
                Json.compact(((Calls.Done) outcome).output()).getBytes(StandardCharsets.UTF_8), java.util.Map.of());
    }

    /** By action name (the path the document lists), or by tool name ({@code operationId}). */
    private static Catalog.Entry find(Catalog catalog, String name) {
        for (Catalog.Entry e : catalog.list()) {
            if (e.action().name().equals(name)) {
                return e;
            }
        }
        return catalog.get(name);
    }

    private HttpFront.Answer notAllowed(HttpFront.Request request, String allowed) {
        return problem(Failure.of(Kind.USAGE, request.method() + " " + Security.clean(request.path())
                + " is not served").code(Code.METHOD_NOT_ALLOWED).hint("use " + allowed).build())
                .with("Allow", allowed);
    }

    private HttpFront.Answer problem(Failure f) {
        return Problems.answer(f, List.of(), redactor);
    }
}
