package dev.connectorruntime.run;

import dev.connectorruntime.http.Headers;
import dev.connectorruntime.http.Version;
import java.util.Map;
import java.util.function.Function;

/**
 * The one header-precedence rule of an API request (SPEC §4), case-insensitive: the connector's headers, then the
 * action's, then the runtime's defaults where none is set ({@code User-Agent}, the body's {@code Content-Type}),
 * then the credentials, which win over everything. The real exchange and the dry run both build their headers
 * here, with values of their own kind.
 */
final class RequestHeaders {

    private RequestHeaders() {
    }

    /**
     * @param text        makes a value of literal text
     * @param contentType the body's media type, or {@code null} without a body
     */
    static <V> Headers<V> of(Map<String, V> connector, Headers<V> action, String contentType, Headers<V> credentials,
                             Function<String, V> text) {
        Headers.Builder<V> b = Headers.builder();
        b.setAll(connector);
        b.setAll(action);
        b.setIfAbsent("User-Agent", text.apply(Version.USER_AGENT));
        if (contentType != null) {
            b.setIfAbsent("Content-Type", text.apply(contentType));
        }
        return b.setAll(credentials).build();
    }
}
