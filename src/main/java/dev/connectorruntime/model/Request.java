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

    /**
     * Whether a section of a path template opens in one segment and closes in another (SPEC §5): the path is
     * rendered segment by segment, each value one whole segment, so such a section cannot work.
     */
    public static boolean sectionSpansSegments(String path) {
        for (String segment : outsideTagSlashes(path)) {
            if (count(segment, "{{#") + count(segment, "{{^") != count(segment, "{{/")) {
                return true;
            }
        }
        return false;
    }

    /** The path split at each {@code /} that stands outside a tag. */
    private static java.util.List<String> outsideTagSlashes(String path) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.startsWith("{{", i)) {
                depth++;
            } else if (path.startsWith("}}", i) && depth > 0) {
                depth--;
            } else if (path.charAt(i) == '/' && depth == 0) {
                out.add(path.substring(from, i));
                from = i + 1;
            }
        }
        out.add(path.substring(from));
        return out;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
