package dev.connectorruntime.model;

import java.util.Map;
import java.util.Objects;

/**
 * What an action sends (SPEC §4).
 *
 * @param method  the HTTP method
 * @param path    starts with {@code /}, no query string; appended to the connector's base URL
 * @param query   query parameters, in order
 * @param headers headers of this action
 * @param body    the body, or {@code null}
 */
public record Request(Method method, TemplateText path, Map<String, TemplateText> query,
                      Map<String, TemplateText> headers, Body body) {

    public Request {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Copies.ordered(query);
        headers = Copies.ordered(headers);
    }

    /** The methods an action may use. */
    public enum Method {
        GET, POST, PUT, PATCH, DELETE, HEAD;

        /** GET, HEAD, PUT and DELETE may be sent again after a failure (SPEC §6). */
        public boolean idempotent() {
            return this != POST && this != PATCH;
        }
    }
}
