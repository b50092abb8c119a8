package dev.connectorruntime.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Masking;
import dev.connectorruntime.model.Json;

/**
 * The output lines of a batch (SPEC §13): {@code {"line": n, "output": …}} or {@code {"line": n, "error": {"kind",
 * "code", "status", "api_error", "message", "hint"}}}, the error's fields as {@code --json-errors} writes them. Each
 * is masked JSON-aware (SPEC §8: string values only, so the line stays valid JSON).
 */
final class Results {

    private final Masking masking;

    Results(Masking masking) {
        this.masking = masking;
    }

    ObjectNode output(long line, JsonNode output) {
        ObjectNode o = Json.object();
        o.put("line", line);
        o.set("output", output);
        return masked(o);
    }

    ObjectNode error(long line, Failure f) {
        ObjectNode o = Json.object();
        o.put("line", line);
        o.set("error", f.json());
        return masked(o);
    }

    private ObjectNode masked(ObjectNode line) {
        return (ObjectNode) masking.json(line);
    }
}
