package dev.connectorruntime.compile;

import dev.connectorruntime.http.Headers;
import dev.connectorruntime.model.Request;
import java.util.List;
import java.util.Map;

/**
 * An action's request for one set of inputs, before the connector adds its base URL, headers and credentials.
 *
 * @param method      the HTTP method
 * @param path        the path, each value already percent-encoded as one segment; starts with {@code /}
 * @param query       query parameters as decoded name/value pairs, in order (an array input repeats its name)
 * @param headers     the action's headers, rendered
 * @param body        the body bytes, or {@code null}
 * @param contentType the body's content type, or {@code null}
 */
public record RenderedRequest(Request.Method method, String path, List<Map.Entry<String, String>> query,
                              Headers<String> headers, byte[] body, String contentType) {

    public RenderedRequest {
        query = List.copyOf(query);
    }
}
