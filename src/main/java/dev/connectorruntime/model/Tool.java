package dev.connectorruntime.model;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * How an action is served as an MCP tool and an OpenAPI operation: its {@code tool:} block (SPEC §11). Every key
 * is optional; an action without the block has {@link #DEFAULT}.
 *
 * @param name        the tool's name (and {@code operationId}) instead of the one made from the action's name, or
 *                    {@code null}; matches {@link ToolNames#PATTERN}. Read it through {@link ToolNames#of(Action)}
 * @param description the tool's description instead of the action's, or {@code null}; never empty
 * @param readOnly    {@code true}: the action only reads, whatever its method ({@code serve --read-only} serves it);
 *                    {@code false}: it changes something even when its method is GET or HEAD; {@code null} when not
 *                    said, and then the method decides
 * @param expose      {@code false} hides the action from {@code serve} and {@code openapi export}; default
 *                    {@code true}
 */
public record Tool(@Pattern(regexp = ToolNames.PATTERN, message = ToolNames.MESSAGE) String name,
                   @Size(min = 1, message = "must not be empty") String description, Boolean readOnly,
                   boolean expose) {

    /** No {@code tool:} block: the name and description come from the action, exposed, read-only by its method. */
    public static final Tool DEFAULT = new Tool(null, null, null, true);
}
