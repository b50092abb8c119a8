package dev.connectorruntime.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.model.Request;

/**
 * One action of the catalog.
 *
 * @param name        the action's name
 * @param description its description
 * @param connector   its connector's name
 * @param method      the HTTP method it sends
 * @param path        the path template it sends to
 * @param inputSchema the compiled input schema (SPEC §4): what a tool definition or an OpenAPI operation needs
 */
public record ActionInfo(String name, String description, String connector, Request.Method method, String path,
                         ObjectNode inputSchema) {

    @Override
    public ObjectNode inputSchema() {
        return inputSchema.deepCopy();
    }
}
