package dev.connectorruntime.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.model.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * OpenAPI schemas as SPEC §4 input schemas: local {@code $ref}s inlined (a circular one ends as {@code type: object}),
 * {@code allOf} merged, one {@code type} per schema (3.1's type lists and 3.0's {@code nullable} folded, an
 * {@code integer}/{@code number} choice widened to {@code number}, else left out), only §4's keywords and formats,
 * patterns Java can compile, read-only properties left out (a request never sends them), nesting cut at
 * {@value #MAX_DEPTH} levels. What is left out is collected by name, so the importer reports it once per input.
 */
final class OpenApiSchemas {

    static final int MAX_DEPTH = 5;
    private static final Set<String> FORMATS = Set.of("date", "date-time", "email", "uri", "uuid");

    private final OpenApiRefs refs;

    OpenApiSchemas(OpenApiRefs refs) {
        this.refs = refs;
    }

    /** The schema as a §4 schema, with descriptions at every level (the caller keeps the top one). */
    ObjectNode convert(Schema<?> s, String where, Set<String> lost) {
        return node(s, where, lost, new ArrayDeque<>(), 0);
    }

    private ObjectNode node(Schema<?> s, String where, Set<String> lost, Deque<String> stack, int depth) {
        ObjectNode out = Json.object();
        if (s == null) {
            return out;
        }
        if (s.get$ref() != null) {
            String ref = s.get$ref();
            Schema<?> target = refs.schema(s, where);
            if (target == null) {
                lost.add("$ref " + ref);
                return out;
            }
            if (stack.contains(ref)) {
                lost.add("circular $ref " + ref + " (an object without properties)");
                String t = type(target, new LinkedHashSet<>());
                out.put("type", t == null ? "object" : t);
                return out;
            }
            stack.push(ref);
            try {
                return node(target, where, lost, stack, depth);
            } finally {
                stack.pop();
            }
        }
        if (s.getAllOf() != null && !s.getAllOf().isEmpty()) {
            lost.add("allOf (merged)");
            for (Schema<?> part : s.getAllOf()) {
                merge(out, node(part, where, lost, stack, depth));
            }
        }
        List<Schema> alternatives = new ArrayList<>();
        if (s.getOneOf() != null) {
            alternatives.addAll(s.getOneOf());
            lost.add("oneOf");
        }
        if (s.getAnyOf() != null) {
            alternatives.addAll(s.getAnyOf());
            lost.add("anyOf");
        }
        if (!alternatives.isEmpty()) {
            alternative(out, alternatives, where, lost, stack, depth);
        }
        String type = type(s, lost);
        if (type != null) {
            out.put("type", type);
        }
        if (s.getDescription() != null && !s.getDescription().isBlank()) {
            out.put("description", s.getDescription().strip());
        }
        keywords(s, out, lost);
        if (s.getItems() != null) {
            if (depth < MAX_DEPTH) {
                out.set("items", strip(node(s.getItems(), where, lost, stack, depth + 1)));
            } else {
                lost.add("items below " + MAX_DEPTH + " levels");
            }
        }
        properties(s, out, where, lost, stack, depth);
        if (!out.has("type")) {
            String inferred = out.has("properties") ? "object" : out.has("items") ? "array" : null;
            if (inferred != null) {
                out.put("type", inferred);
            }
        }
        SchemaValues.put(s, out, lost);
        return out;
    }

    private void alternative(ObjectNode out, List<Schema> alternatives, String where, Set<String> lost,
                             Deque<String> stack, int depth) {
        List<ObjectNode> nodes = new ArrayList<>();
        for (Schema<?> a : alternatives) {
            ObjectNode n = node(a, where, lost, stack, depth);
            if (!"null".equals(n.path("type").asText()) && !n.isEmpty()) {
                nodes.add(n);
            }
        }
        if (nodes.size() == 1) {
            merge(out, nodes.get(0));
            return;
        }
        Set<String> types = new LinkedHashSet<>();
        nodes.forEach(n -> types.add(n.path("type").asText("")));
        String t = widest(types);
        if (t != null && !out.has("type")) {
            out.put("type", t);
        }
    }

    /** One §4 type: 3.1's {@code getTypes()} (3.0's {@code getType()} else), {@code null} folded. */
    private static String type(Schema<?> s, Set<String> lost) {
        Set<String> types = new LinkedHashSet<>();
        if (s.getTypes() != null) {
            types.addAll(s.getTypes());
        } else if (s.getType() != null) {
            types.add(s.getType());
        }
        if (types.remove("null") || Boolean.TRUE.equals(s.getNullable())) {
            lost.add("nullable");
        }
        if (types.size() > 1) {
            lost.add("type " + String.join("|", types));
        }
        return widest(types);
    }

    private static String widest(Set<String> types) {
        if (types.size() == 1) {
            String t = types.iterator().next();
            return t.isEmpty() ? null : t;
        }
        return types.equals(Set.of("integer", "number")) ? "number" : null;
    }

    private static void keywords(Schema<?> s, ObjectNode out, Set<String> lost) {
        String format = s.getFormat();
        if (format != null) {
            if (FORMATS.contains(format)) {
                out.put("format", format);
            } else {
                lost.add("format " + format);
            }
        }
        number(out, "minimum", s.getMinimum());
        number(out, "maximum", s.getMaximum());
        if (Boolean.TRUE.equals(s.getExclusiveMinimum()) && s.getMinimum() != null) {
            out.remove("minimum");
            out.put("exclusiveMinimum", s.getMinimum());
        }
        if (Boolean.TRUE.equals(s.getExclusiveMaximum()) && s.getMaximum() != null) {
            out.remove("maximum");
            out.put("exclusiveMaximum", s.getMaximum());
        }
        number(out, "exclusiveMinimum", s.getExclusiveMinimumValue());
        number(out, "exclusiveMaximum", s.getExclusiveMaximumValue());
        integer(out, "minLength", s.getMinLength());
        integer(out, "maxLength", s.getMaxLength());
        integer(out, "minItems", s.getMinItems());
        integer(out, "maxItems", s.getMaxItems());
        if (s.getPattern() != null) {
            try {
                Pattern.compile(s.getPattern());
                out.put("pattern", s.getPattern());
            } catch (PatternSyntaxException e) {
                lost.add("pattern " + s.getPattern() + " (not a Java regular expression)");
            }
        }
        if (s.getTitle() != null) {
            lost.add("title");
        }
        if (s.getExample() != null || s.getExamples() != null) {
            lost.add("example");
        }
        if (s.getNot() != null || s.getMultipleOf() != null || Boolean.TRUE.equals(s.getUniqueItems())
                || s.getMinProperties() != null || s.getMaxProperties() != null) {
            lost.add("not, multipleOf, uniqueItems, minProperties or maxProperties");
        }
    }

    private void properties(Schema<?> s, ObjectNode out, String where, Set<String> lost, Deque<String> stack,
                            int depth) {
        Map<String, Schema> props = s.getProperties();
        if (props != null && !props.isEmpty()) {
            if (depth >= MAX_DEPTH) {
                lost.add("properties below " + MAX_DEPTH + " levels");
            } else {
                ObjectNode p = out.has("properties") ? (ObjectNode) out.get("properties") : out.putObject("properties");
                for (Map.Entry<String, Schema> e : props.entrySet()) {
                    Schema<?> resolved = e.getValue().get$ref() == null ? e.getValue() : refs.schema(e.getValue(), where);
                    if (resolved != null && Boolean.TRUE.equals(resolved.getReadOnly())) {
                        continue;
                    }
                    p.set(e.getKey(), node(e.getValue(), where, lost, stack, depth + 1));
                }
                if (s.getRequired() != null) {
                    ArrayNode required = out.has("required") ? (ArrayNode) out.get("required") : out.putArray("required");
                    s.getRequired().stream().filter(p::has).forEach(required::add);
                }
            }
        }
        Object extra = s.getAdditionalProperties();
        if (extra instanceof Boolean b) {
            out.put("additionalProperties", b);
        } else if (extra instanceof Schema<?> x && depth < MAX_DEPTH) {
            out.set("additionalProperties", strip(node(x, where, lost, stack, depth + 1)));
        }
    }

    /** {@code allOf}: properties and required lists joined, the first type and description kept. */
    private static void merge(ObjectNode into, ObjectNode part) {
        for (Iterator<Map.Entry<String, JsonNode>> it = part.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode had = into.get(e.getKey());
            if (had instanceof ObjectNode o && e.getKey().equals("properties") && e.getValue().isObject()) {
                o.setAll((ObjectNode) e.getValue());
            } else if (had instanceof ArrayNode a && e.getKey().equals("required")) {
                e.getValue().forEach(v -> {
                    if (!SchemaValues.contains(a, v)) {
                        a.add(v);
                    }
                });
            } else if (had == null) {
                into.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    /**
     * An input from a converted schema: its type ({@code fallback} when it has none), default, enum, format and
     * description as the draft's fields, the other keywords nested without descriptions. A top-level
     * {@code required} list is left out: an input's own {@code required} is a boolean.
     */
    static InputDraft input(String name, String wire, ObjectNode node, boolean required, String description,
                            String fallback) {
        ObjectNode more = node.deepCopy();
        String type = more.has("type") ? more.remove("type").asText() : fallback;
        JsonNode def = more.remove("default");
        List<JsonNode> values = new ArrayList<>();
        JsonNode e = more.remove("enum");
        if (e != null) {
            e.forEach(values::add);
        }
        JsonNode format = more.remove("format");
        JsonNode own = more.remove("description");
        more.remove("required");
        strip(more);
        String d = description != null && !description.isBlank() ? description.strip() : own == null ? null
                : own.asText();
        return new InputDraft(name, wire, type, required, def, values, format == null ? null : format.asText(), d,
                more.isEmpty() ? null : more);
    }

    /** A nested schema: §4 allows descriptions only on an input itself. */
    static ObjectNode strip(ObjectNode node) {
        node.remove("description");
        if (node.get("items") instanceof ObjectNode i) {
            strip(i);
        }
        if (node.get("additionalProperties") instanceof ObjectNode a) {
            strip(a);
        }
        if (node.get("properties") instanceof ObjectNode p) {
            p.forEach(c -> {
                if (c instanceof ObjectNode o) {
                    strip(o);
                }
            });
        }
        return node;
    }

    private static void number(ObjectNode out, String key, BigDecimal v) {
        if (v != null) {
            out.put(key, v);
        }
    }

    private static void integer(ObjectNode out, String key, Integer v) {
        if (v != null) {
            out.put(key, v);
        }
    }
}
