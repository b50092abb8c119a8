package dev.connectorruntime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.run.Output;
import java.time.Duration;

/**
 * What a call produced: its output and how it went.
 *
 * @param output   the output: JSON (decoded and shaped by the action's {@code output}), or text as the API sent it
 * @param pages    how many pages were fetched (1 for an action without pagination)
 * @param attempts how many requests were sent, token requests and retries included
 * @param elapsed  how long the call took
 */
public record CallResult(Output output, int pages, int attempts, Duration elapsed) {

    /** The output as JSON: a text output becomes a JSON string. */
    public JsonNode json() {
        return output.isJson() ? output.json() : Json.nodes().textNode(output.text());
    }
}
