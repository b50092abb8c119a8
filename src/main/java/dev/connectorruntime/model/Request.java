package dev.connectorruntime.model;

import jakarta.validation.constraints.AssertTrue;
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

    /** SPEC §4: the path starts with {@code /} and holds no query string. */
    @AssertTrue(message = "must start with / and hold no query string or fragment")
    public boolean isPathValid() {
        String p = path.source();
        return p.startsWith("/") && p.indexOf('?') < 0 && !p.replace("{{#", "").contains("#");
    }

    /** SPEC §4: credentials and what the HTTP client owns are not an action's to set ({@link ReservedHeaders}). */
    @AssertTrue(message = "may not set Authorization, a Proxy-* header or one the HTTP client owns: "
            + ReservedHeaders.CLIENT_OWNED_LIST)
    public boolean isHeadersAllowed() {
        return headers.keySet().stream().noneMatch(ReservedHeaders::forAction);
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
