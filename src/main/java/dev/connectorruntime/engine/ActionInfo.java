package dev.connectorruntime.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.model.Request;
import dev.connectorruntime.model.Tool;

/**
 * One action of the catalog: what {@code list}, {@code serve} and {@code openapi export} show of it.
 *
 * @param name                 the action's name
 * @param description          its description, or {@code null}
 * @param connector            its connector's name
 * @param method               the HTTP method it sends
 * @param path                 the path template it sends to
 * @param inputSchema          the compiled input schema (SPEC §4): what a tool definition or an OpenAPI operation
 *                             needs
 * @param tool                 its {@code tool:} block, {@link Tool#DEFAULT} when it has none (SPEC §11)
 * @param toolName             the name it is served under, tool and {@code operationId}:
 *                             {@link dev.connectorruntime.model.ToolNames#of}
 * @param idempotent           {@code idempotent: true}: it may be sent again after a failure, whatever its method
 * @param connectorDescription its connector's description, or {@code null}
 */
public record ActionInfo(String name, String description, String connector, Request.Method method, String path,
                         ObjectNode inputSchema, Tool tool, String toolName, boolean idempotent,
                         String connectorDescription) {

    @Override
    public ObjectNode inputSchema() {
        return inputSchema.deepCopy();
    }
}
