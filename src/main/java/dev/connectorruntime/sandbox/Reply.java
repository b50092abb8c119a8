package dev.connectorruntime.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.model.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the sandbox answers: a status, headers in order, a body ({@code null} for none). */
record Reply(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    Reply {
        headers = List.copyOf(headers);
    }

    @SafeVarargs
    static Reply json(int status, JsonNode body, Map.Entry<String, String>... more) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Content-Type", "application/json;charset=UTF-8"));
        headers.addAll(List.of(more));
        return new Reply(status, headers, Json.compact(body).getBytes(StandardCharsets.UTF_8));
    }

    /** The sandbox speaking for itself, not as the API: {@code {"message": "sandbox: …"}}. */
    static Reply refusal(int status, String message) {
        return json(status, Json.object().put("message", "sandbox: " + message));
    }
}
