package dev.connectorruntime.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.model.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Inputs made from the literal values of one request (SPEC §12): an identifier in the path, each query parameter,
 * each top-level member of a JSON body (up to 50) and each form field become a typed input whose default is the
 * literal, and the request keeps the wire name around {@code {{input}}}. A value under a credential's name becomes an
 * input without default: the literal is not written.
 */
final class LiteralInputs {

    static final int MAX_MEMBERS = 50;

    private final Report report;
    private final ImportNames.Scope names = ImportNames.Scope.inputs();
    private final List<InputDraft> inputs = new ArrayList<>();
    private final Map<String, String> variables = new LinkedHashMap<>();
    private java.util.function.UnaryOperator<String> templates;
    private Map<String, String> descriptions = Map.of();

    LiteralInputs(Report report) {
        this.report = report;
    }

    List<InputDraft> inputs() {
        return List.copyOf(inputs);
    }

    /**
     * For sources with variables of their own (Postman's {@code {{name}}}): a text holding one is made a template by
     * this function (which declares its inputs through {@link #variable}) rather than an input of its own.
     */
    void templates(java.util.function.UnaryOperator<String> t) {
        this.templates = t;
    }

    /** Descriptions of parameters by their wire names, for the inputs made of them. */
    void descriptions(Map<String, String> d) {
        this.descriptions = Map.copyOf(d);
    }

    private boolean templated(JsonNode value) {
        return templates != null && value.isTextual() && value.textValue().contains("{{");
    }

    /**
     * The input that stands for a source's variable, declared on first use.
     *
     * @param secret the variable holds a credential: the input has no default and is required
     */
    String variable(String variable, JsonNode defaultValue, boolean secret, String description) {
        String had = variables.get(variable);
        if (had != null) {
            return had;
        }
        String name = names.take(ImportNames.input(variable));
        variables.put(variable, name);
        if (secret || defaultValue == null) {
            inputs.add(InputDraft.of(name, variable, "string", true, null).withDescription(description));
        } else {
            inputs.add(InputDraft.of(name, variable, Literals.type(defaultValue), false, defaultValue)
                    .withDescription(description));
        }
        return name;
    }

    /** Identifiers in the path ({@code /users/42} → {@code /users/{{user_id}}}, default 42). */
    String path(String path) {
        List<String> out = new ArrayList<>();
        String previous = null;
        for (String seg : path.split("/", -1)) {
            if (!Literals.id(seg)) {
                out.add(seg);
                previous = seg.isEmpty() ? previous : seg;
                continue;
            }
            String name = names.take(previous == null ? "id" : ImportNames.input(singular(previous)) + "_id");
            JsonNode value = seg.matches("[1-9][0-9]{0,17}|0") ? Literals.typed(seg) : Json.nodes().textNode(seg);
            inputs.add(new InputDraft(name, name, Literals.type(value), false, value, List.of(),
                    Literals.uuid(seg) ? "uuid" : null, null, null));
            report.carried("path segment " + seg + " as input " + name);
            out.add("{{" + name + "}}");
        }
        String p = String.join("/", out);
        return p.startsWith("/") ? p : "/" + p;
    }

    /** Query parameters, a repeated one as an array input. */
    Map<String, String> query(List<Map.Entry<String, String>> pairs) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        pairs.forEach(e -> grouped.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<String, String> query = new LinkedHashMap<>();
        grouped.forEach((wire, values) -> {
            JsonNode value;
            if (values.size() > 1) {
                ArrayNode array = Json.array();
                values.forEach(v -> array.add(Literals.typed(v)));
                value = array;
            } else {
                value = Literals.typed(values.get(0));
            }
            query.put(wire, templated(value) ? templates.apply(value.textValue())
                    : "{{" + member("query parameter", wire, value) + "}}");
        });
        return query;
    }

    /**
     * The body by its content type: JSON members or form fields as inputs, anything else as text. A content type
     * the body kind implies is taken out of {@code headers}.
     */
    BodyDraft body(String body, Map<String, String> headers) {
        String type = contentType(headers);
        if (type.equals("application/json") || type.endsWith("+json")) {
            try {
                JsonNode tree = Json.parse(body);
                if (type.equals("application/json")) {
                    removeContentType(headers);
                }
                return json(tree);
            } catch (IOException e) {
                report.approximated("JSON body", "it is not valid JSON: written as text");
            }
        } else if (type.equals("application/x-www-form-urlencoded") && body.contains("=")) {
            removeContentType(headers);
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map.Entry<String, String> f : UrlParts.pairs(body, true)) {
                if (fields.containsKey(f.getKey())) {
                    report.dropped("form field " + f.getKey() + "=" + f.getValue(), "a form field is sent once");
                } else {
                    fields.put(f.getKey(), formField(f.getKey(), f.getValue()));
                }
            }
            return new BodyDraft.Form(fields);
        }
        if (templates != null) {
            report.carried("body as text (" + (type.isEmpty() ? "no content type" : type) + ")");
            return new BodyDraft.Text(templates.apply(body));
        }
        if (body.contains("{{")) {
            report.approximated("body", "`{{` would be read as a template: written as `{ {`");
            body = body.replace("{{", "{ {");
        }
        report.carried("body as text (" + (type.isEmpty() ? "no content type" : type) + ")");
        return new BodyDraft.Text(body);
    }

    /** A JSON body: an object's members as inputs (up to 50), anything else as one input. */
    BodyDraft json(JsonNode tree) {
        if (tree.isObject() && tree.size() <= MAX_MEMBERS) {
            ObjectNode out = Json.object();
            tree.fields().forEachRemaining(e -> {
                if (templated(e.getValue())) {
                    out.put(e.getKey(), templates.apply(e.getValue().textValue()));
                } else if (templates != null && e.getValue().isContainerNode() && e.getValue().toString().contains("{{")) {
                    out.set(e.getKey(), templatedTree(e.getValue()));
                    report.carried("JSON member " + e.getKey() + " as written");
                } else {
                    out.put(e.getKey(), "{{" + member("JSON member", e.getKey(), e.getValue()) + "}}");
                }
            });
            return new BodyDraft.Json(out);
        }
        if (tree.isObject()) {
            report.approximated("JSON body", "more than " + MAX_MEMBERS + " members: one object input, body");
        }
        String name = names.take("body");
        inputs.add(InputDraft.of(name, null, Literals.type(tree), false, tree));
        return new BodyDraft.Json(Json.nodes().textNode("{{" + name + "}}"));
    }

    /** A form field: a template when it holds a variable, else an input of its own. */
    String formField(String wire, String value) {
        JsonNode v = Literals.typed(value);
        return templated(v) ? templates.apply(value) : "{{" + member("form field", wire, v) + "}}";
    }

    /** A JSON tree whose string leaves holding variables become templates; the rest kept as written. */
    private JsonNode templatedTree(JsonNode tree) {
        if (templated(tree)) {
            return Json.nodes().textNode(templates.apply(tree.textValue()));
        }
        if (tree.isObject()) {
            ObjectNode o = Json.object();
            tree.fields().forEachRemaining(e -> o.set(e.getKey(), templatedTree(e.getValue())));
            return o;
        }
        if (tree.isArray()) {
            ArrayNode a = Json.array();
            tree.forEach(i -> a.add(templatedTree(i)));
            return a;
        }
        return tree;
    }

    private String member(String what, String wire, JsonNode value) {
        String name = names.take(ImportNames.input(wire));
        if (Literals.secretName(wire) && !value.isNull()) {
            inputs.add(InputDraft.of(name, wire, Literals.type(value), true, null)
                    .withDescription(descriptions.get(wire)));
            report.approximated(what + " " + wire, "input " + name + " without its literal, which looks like a"
                    + " credential");
        } else {
            inputs.add(InputDraft.of(name, wire, value.isNull() ? "string" : Literals.type(value), false,
                    value.isNull() ? null : value).withDescription(descriptions.get(wire)));
            report.carried(what + " " + wire + " as input " + name);
        }
        return name;
    }

    private static String contentType(Map<String, String> headers) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase("content-type")) {
                return h.getValue().replaceFirst(";.*", "").strip().toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    private static void removeContentType(Map<String, String> headers) {
        headers.keySet().removeIf(k -> k.equalsIgnoreCase("content-type"));
    }

    private static String singular(String word) {
        if (word.endsWith("ies") && word.length() > 3) {
            return word.substring(0, word.length() - 3) + "y";
        }
        return word.endsWith("s") && !word.endsWith("ss") && word.length() > 1 ? word.substring(0, word.length() - 1)
                : word;
    }
}
