package dev.connectorruntime.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The input schemas every major MCP client and OpenAPI tool accepts (SPEC §11), checked before a tool is served,
 * and the MCP SDK's schema validator.
 *
 * <p>The SDK's own validator (networknt 2.x) clashes with the runtime's networknt 1.5 and is left out of the
 * build; this one takes its place. It accepts every argument object, because the engine checks arguments itself
 * (every problem listed, SPEC §11), and it holds a tool's schema to the rules clients apply: an object at the
 * top with {@code properties}, no top-level {@code oneOf}/{@code anyOf}/{@code allOf}, {@code items} on every
 * array, {@code required} an array of names at every level, {@code type} one of JSON Schema's types.
 */
final class ToolSchemas implements JsonSchemaValidator {

    private static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "array", "object", "null");

    /** What a client would refuse in {@code schema}; empty when it is fine. */
    static List<String> problems(JsonNode schema) {
        List<String> out = new ArrayList<>();
        if (!"object".equals(schema.path("type").asText()) || !schema.path("properties").isObject()) {
            out.add("its input schema is not an object with properties");
        }
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.has(combinator)) {
                out.add("its input schema has a top-level `" + combinator + "`, which clients refuse");
            }
        }
        walk("", schema, out);
        return out;
    }

    private static void walk(String at, JsonNode schema, List<String> out) {
        if (!schema.isObject()) {
            out.add("its input schema " + where(at) + " is not a schema object");
            return;
        }
        JsonNode type = schema.get("type");
        if (type != null && !(type.isTextual() && TYPES.contains(type.asText()))) {
            out.add("its input schema " + where(at) + " has `type` " + type);
        }
        JsonNode required = schema.get("required");
        if (required != null && !isNameList(required)) {
            out.add("its input schema " + where(at) + " has `required` " + required + ", not a list of names");
        }
        if ("array".equals(schema.path("type").asText()) && !schema.has("items")) {
            out.add("its input schema " + where(at) + " is an array without `items`");
        }
        JsonNode items = schema.get("items");
        if (items != null) {
            walk(at + "/items", items, out);
        }
        JsonNode properties = schema.get("properties");
        if (properties != null) {
            if (!properties.isObject()) {
                out.add("its input schema " + where(at) + " has `properties` that are not an object");
            } else {
                properties.fields().forEachRemaining(e -> walk(at + "/properties/" + e.getKey(), e.getValue(), out));
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isObject()) {
            walk(at + "/additionalProperties", additional, out);
        }
    }

    private static boolean isNameList(JsonNode required) {
        if (!required.isArray()) {
            return false;
        }
        for (JsonNode n : required) {
            if (!n.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static String where(String at) {
        return at.isEmpty() ? "at its top" : "at `" + at + "`";
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        return ValidationResponse.asValid(null);
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        List<String> found = problems(dev.connectorruntime.model.Json.mapper().valueToTree(schema));
        return found.isEmpty() ? ValidationResponse.asValid(null) : ValidationResponse.asInvalid(String.join("; ", found));
    }
}
