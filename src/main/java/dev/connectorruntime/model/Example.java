package dev.connectorruntime.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.error.Location;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One documented run of an action (SPEC §9): the inputs, what the API answers, what the action outputs.
 *
 * @param name      unique within the action
 * @param inputs    the inputs given
 * @param responses the API's answers, served in order (one unless the action paginates)
 * @param output    the expected output, or {@code null} when not stated
 * @param request   what the first request must look like, or {@code null}
 * @param location  where the example stands
 */
public record Example(String name, ObjectNode inputs, List<Response> responses, JsonNode output,
                      ExpectedRequest request, Location location) {

    public Example {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        inputs = inputs.deepCopy();
        responses = Copies.list(responses);
    }

    @Override
    public ObjectNode inputs() {
        return inputs.deepCopy();
    }

    /** An answer the sandbox serves. */
    public record Response(int status, Map<String, String> headers, JsonNode body) {
        public Response {
            headers = Copies.ordered(headers);
        }
    }

    /** What the first request must carry: headers as a case-insensitive subset, query as a decoded multimap. */
    public record ExpectedRequest(String method, String path, Map<String, List<String>> query,
                                  Map<String, String> headers, JsonNode body) {
        public ExpectedRequest {
            query = Copies.ordered(query);
            headers = Copies.ordered(headers);
        }
    }
}
