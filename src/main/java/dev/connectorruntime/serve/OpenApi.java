package dev.connectorruntime.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.http.Version;
import dev.connectorruntime.model.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import dev.connectorruntime.engine.ConnectorRuntime;

/**
 * The gateway's OpenAPI 3.1 document (SPEC §11): one {@code POST /actions/{name}} per exposed action, its
 * {@code operationId} the tool name, a {@code summary} (the description's first sentence), the input schema as the
 * request body, {@code 200} and the problem responses; {@code servers}; {@code security} always present (a bearer
 * scheme when a serve token is required, else {@code security: []} at the root, which linters want said). Served
 * at {@code GET /openapi.json} and written by {@code openapi export}: one builder, so the two never differ.
 */
public final class OpenApi {

    private OpenApi() {
    }

    /**
     * The document {@code serve --http} would serve for this engine's workspace ({@code openapi export}).
     *
     * @param warn told of each action that is not served, one line each
     * @throws dev.connectorruntime.error.Failure INVALID ({@code no-actions}) when no action would be served
     */
    public static ObjectNode export(ConnectorRuntime engine, Set<String> actions, boolean readOnly, String server,
                                    boolean tokenRequired, Consumer<String> warn) {
        engine.problems().forEach((name, f) -> warn.accept("warning: action `" + name + "` is not served: "
                + f.getMessage()));
        Catalog catalog = Catalog.of(engine, new Catalog.Filter(actions, readOnly), warn);
        if (catalog.entries().isEmpty()) {
            throw Server.noActions(actions.isEmpty() && !readOnly);
        }
        return document(catalog, server, tokenRequired);
    }

    /**
     * @param server        the URL callers reach the server at, e.g. {@code http://127.0.0.1:8080}
     * @param tokenRequired whether callers must send the serve token
     */
    static ObjectNode document(Catalog catalog, String server, boolean tokenRequired) {
        ObjectNode doc = Json.object();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "connector-runtime actions");
        info.put("version", Version.get());
        info.put("description", "Actions described in YAML and served by connector-runtime: each operation calls one"
                + " action with a JSON object of its inputs and answers its output as JSON. Errors are RFC 9457"
                + " problem documents.");
        doc.putArray("servers").addObject().put("url", server).put("description", "connector-runtime serve");
        if (tokenRequired) {
            doc.putArray("security").addObject().putArray("serveToken");
        } else {
            doc.putArray("security"); // callers need nothing: said, not left out
        }
        Map<String, String> tags = new LinkedHashMap<>();
        ObjectNode paths = doc.putObject("paths");
        for (Catalog.Entry e : catalog.list()) {
            tags.putIfAbsent(e.action().connector(), e.action().connectorDescription());
            paths.putObject("/actions/" + e.action().name()).set("post", operation(e));
        }
        ArrayNode tagList = doc.putArray("tags");
        tags.forEach((name, description) -> tagList.addObject().put("name", name).put("description",
                description != null && !description.isBlank() ? description.strip() : "The actions of connector `"
                        + name + "`"));
        ObjectNode components = doc.putObject("components");
        components.putObject("schemas").set("Problem", problemSchema());
        ObjectNode responses = components.putObject("responses");
        problem(responses, "BadInput", "The inputs break the action's schema (every problem in `errors`), or the"
                + " body is not a JSON object");
        problem(responses, "Unauthenticated", "The serve token is missing or wrong");
        problem(responses, "NotFound", "No such action");
        problem(responses, "TooLarge", "The request body is larger than the server accepts");
        problem(responses, "UnsupportedMediaType", "The body is not application/json");
        problem(responses, "Upstream", "The API or its token endpoint refused or failed; `api_error` holds the API's"
                + " own error body");
        problem(responses, "Overloaded", "The connector's queue is full; try again after `Retry-After` seconds");
        problem(responses, "Timeout", "No answer from the API within the call's deadline");
        if (tokenRequired) {
            components.putObject("securitySchemes").putObject("serveToken").put("type", "http")
                    .put("scheme", "bearer")
                    .put("description", "The value of CONNECTOR_RUNTIME_SERVE_TOKEN where the server runs");
        }
        return doc;
    }

    private static ObjectNode operation(Catalog.Entry e) {
        ObjectNode op = Json.object();
        op.put("operationId", e.name());
        op.put("summary", e.summary());
        op.put("description", e.description());
        op.putArray("tags").add(e.action().connector());
        ObjectNode body = op.putObject("requestBody");
        body.put("required", true);
        body.putObject("content").putObject("application/json").set("schema", e.schema());
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject("200");
        ok.put("description", "The action's output");
        ok.putObject("content").putObject("application/json").putObject("schema");
        ref(responses, "400", "BadInput");
        ref(responses, "401", "Unauthenticated");
        ref(responses, "404", "NotFound");
        ref(responses, "413", "TooLarge");
        ref(responses, "415", "UnsupportedMediaType");
        ref(responses, "502", "Upstream");
        ref(responses, "503", "Overloaded");
        ref(responses, "504", "Timeout");
        if (e.readOnly()) {
            op.put("x-read-only", true);
        }
        return op;
    }

    private static void ref(ObjectNode responses, String status, String name) {
        responses.putObject(status).put("$ref", "#/components/responses/" + name);
    }

    private static void problem(ObjectNode responses, String name, String description) {
        ObjectNode r = responses.putObject(name);
        r.put("description", description);
        r.putObject("content").putObject(Problems.MEDIA_TYPE).putObject("schema")
                .put("$ref", "#/components/schemas/Problem");
    }

    private static ObjectNode problemSchema() {
        ObjectNode s = Json.object();
        s.put("type", "object");
        s.put("description", "An RFC 9457 problem document");
        ObjectNode p = s.putObject("properties");
        p.putObject("type").put("type", "string").put("description", "urn:connector-runtime:problem:<code>");
        p.putObject("title").put("type", "string");
        p.putObject("status").put("type", "integer");
        p.putObject("detail").put("type", "string");
        p.putObject("kind").put("type", "string").put("description", "The failure's kind: usage, auth, api, network,"
                + " overloaded, …");
        p.putObject("code").put("type", "string").put("description", "A stable code, listed in docs/errors.md");
        p.putObject("hint").putArray("type").add("string").add("null");
        p.putObject("upstream_status").put("type", "integer").put("description", "The API's HTTP status, when it"
                + " answered");
        p.putObject("api_error").put("description", "The API's own error body: its JSON, else a string");
        p.putObject("errors").put("type", "array").put("description", "For bad inputs: every problem")
                .putObject("items").put("type", "string");
        s.putArray("required").add("type").add("title").add("status").add("detail").add("kind").add("code");
        return s;
    }
}
