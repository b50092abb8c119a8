package dev.connectorruntime.importer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An action's {@code request} (SPEC §4): templates over the draft's inputs, names on the wire as they were.
 *
 * @param method  GET, POST, PUT, PATCH, DELETE or HEAD
 * @param path    the path template, after the connector's base URL; starts with {@code /}, no query string
 * @param query   query parameters in order
 * @param headers the action's headers in order (reserved ones are dropped when written)
 * @param body    the body, or {@code null}
 */
public record RequestDraft(String method, String path, Map<String, String> query, Map<String, String> headers,
                           BodyDraft body) {

    public RequestDraft {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = query == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(query));
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public RequestDraft withHeaders(Map<String, String> h) {
        return new RequestDraft(method, path, query, h, body);
    }
}
