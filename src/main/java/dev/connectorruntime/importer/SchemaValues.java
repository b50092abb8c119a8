package dev.connectorruntime.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.model.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Set;

/** The values a schema names ({@code enum}, {@code const}, {@code default}), kept only when they fit its type. */
final class SchemaValues {

    private SchemaValues() {
    }

    /** enum, const and default, each kept only when it fits the type (a YAML 1.1 {@code yes} in a JSON source…). */
    static void put(Schema<?> s, ObjectNode out, Set<String> lost) {
        String type = out.path("type").asText(null);
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
            ArrayNode e = Json.array();
            boolean fits = true;
            for (Object v : s.getEnum()) {
                JsonNode n = Json.mapper().valueToTree(v);
                if (n == null || n.isNull()) {
                    continue;
                }
                if ("string".equals(type) && !n.isTextual() && n.isValueNode()) {
                    lost.add("enum value " + n + " (written as the text \"" + n.asText() + "\")");
                    n = Json.nodes().textNode(n.asText());
                }
                fits &= fits(type, n);
                e.add(n);
            }
            if (!fits) {
                lost.add("enum (its values do not fit type " + type + ")");
            } else if (!e.isEmpty()) {
                out.set("enum", e);
                if (type == null) {
                    out.put("type", e.get(0).isTextual() ? "string" : e.get(0).isIntegralNumber() ? "integer"
                            : e.get(0).isNumber() ? "number" : e.get(0).isBoolean() ? "boolean" : "object");
                }
            }
        }
        if (s.getConst() != null) {
            out.set("const", Json.mapper().valueToTree(s.getConst()));
        }
        if (s.getDefault() != null) {
            JsonNode d = Json.mapper().valueToTree(s.getDefault());
            boolean inEnum = !out.has("enum") || contains(out.get("enum"), d);
            if (fits(out.path("type").asText(null), d) && inEnum) {
                out.set("default", d);
            } else {
                lost.add("default " + d + " (it does not fit the schema)");
            }
        }
    }

    static boolean fits(String type, JsonNode n) {
        if (type == null || n == null) {
            return n != null && !n.isNull();
        }
        return switch (type) {
            case "string" -> n.isTextual();
            case "integer" -> n.isIntegralNumber() || n.isNumber() && n.decimalValue().stripTrailingZeros().scale() <= 0;
            case "number" -> n.isNumber();
            case "boolean" -> n.isBoolean();
            case "array" -> n.isArray();
            case "object" -> n.isObject();
            default -> false;
        };
    }

    static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode n : array) {
            if (n.equals(value)) {
                return true;
            }
        }
        return false;
    }

}
