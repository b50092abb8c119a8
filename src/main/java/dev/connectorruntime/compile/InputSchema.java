package dev.connectorruntime.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Input;
import dev.connectorruntime.model.Json;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An action's inputs as one JSON Schema, {@code {type: object, properties, required, additionalProperties: false}}
 * (SPEC §4): the shape a tool definition for an AI agent, or an OpenAPI operation, needs. It is valid draft-07 at
 * every level (SPEC §11): a nested {@code required: true} becomes its name in the parent object's {@code required}
 * array, and every array has {@code items} ({@code {}}, any item, where none was written).
 */
public final class InputSchema {

    private InputSchema() {
    }

    public static ObjectNode of(Action action) {
        ObjectNode schema = Json.object();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = Json.array();
        for (Input input : action.inputs()) {
            properties.set(input.name(), of(input));
            if (input.required()) {
                required.add(input.name());
            }
        }
        schema.set("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    /** One input's schema, compiled: what its values are checked against. */
    static ObjectNode of(Input input) {
        ObjectNode schema = input.schema();
        compile(schema);
        return schema;
    }

    /** Rewrites {@code schema} in place; its own {@code required: true|false}, if any, was read by its parent. */
    private static void compile(ObjectNode schema) {
        JsonNode written = schema.remove("required");
        Set<String> required = new LinkedHashSet<>();
        if (written != null && written.isArray()) {
            written.forEach(n -> required.add(n.asText()));
        }
        if (schema.get("properties") instanceof ObjectNode properties) {
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                if (p.getValue() instanceof ObjectNode property) {
                    if (property.path("required").isBoolean() && property.get("required").booleanValue()) {
                        required.add(p.getKey());
                    }
                    compile(property);
                }
            }
        }
        if (schema.get("items") instanceof ObjectNode items) {
            compile(items);
        } else if ("array".equals(schema.path("type").asText()) && !schema.has("items")) {
            schema.putObject("items");
        }
        if (schema.get("additionalProperties") instanceof ObjectNode additional) {
            compile(additional);
        }
        if (written != null && written.isArray() || !required.isEmpty()) {
            ArrayNode names = schema.putArray("required");
            required.forEach(names::add);
        }
    }
}
