package dev.connectorruntime.compile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Input;
import dev.connectorruntime.model.Json;

/**
 * An action's inputs as one JSON Schema, {@code {type: object, properties, required, additionalProperties: false}}
 * (SPEC §4): the shape a tool definition for an AI agent, or an OpenAPI operation, needs.
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
            properties.set(input.name(), input.schema());
            if (input.required()) {
                required.add(input.name());
            }
        }
        schema.set("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }
}
