package dev.connectorruntime.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One request as the runtime will send it. Not a record: its headers may carry credentials, and
 * {@link #toString()} shows only the method and the origin (as OkHttp's {@code Request} masks).
 */
public final class HttpCall {

    private final String method;
    private final URI uri;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;

    private HttpCall(String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body) {
        this.method = Objects.requireNonNull(method, "method");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.headers = Collections.unmodifiableList(new ArrayList<>(headers));
        this.body = body;
    }

    public static Builder builder(String method, URI uri) {
        return new Builder(method, uri);
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    /** Headers in the order they are sent; names as written. */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** The first value of a header, case-insensitive, or {@code null}. */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** The body, or {@code null} for none. */
    public byte[] body() {
        return body == null ? null : body.clone();
    }

    int bodyLength() {
        return body == null ? 0 : body.length;
    }

    /** The same request sent elsewhere (a redirect, the next page). */
    public HttpCall withUri(URI other) {
        return new HttpCall(method, other, headers, body);
    }

    /** The method and the origin only: the path and query may carry values that are not for printing. */
    @Override
    public String toString() {
        return method + " " + Origins.origin(uri);
    }

    /** Builds an {@link HttpCall}. */
    public static final class Builder {
        private final String method;
        private final URI uri;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private byte[] body;

        private Builder(String method, URI uri) {
            this.method = method.toUpperCase(Locale.ROOT);
            this.uri = uri;
        }

        /** Adds a header, replacing any of the same name (case-insensitive). */
        public Builder header(String name, String value) {
            headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
            headers.add(Map.entry(name, value));
            return this;
        }

        /** Adds a header only when none of that name is set yet. */
        public Builder headerIfAbsent(String name, String value) {
            for (Map.Entry<String, String> h : headers) {
                if (h.getKey().equalsIgnoreCase(name)) {
                    return this;
                }
            }
            headers.add(Map.entry(name, value));
            return this;
        }

        /** Sets every header of the set, in its order, each replacing one of the same name. */
        public Builder headers(Headers<String> all) {
            all.forEach(h -> header(h.name(), h.value()));
            return this;
        }

        public Builder body(byte[] bytes, String contentType) {
            this.body = bytes;
            if (contentType != null) {
                headerIfAbsent("Content-Type", contentType);
            }
            return this;
        }

        public Builder body(String text, String contentType) {
            return body(text.getBytes(StandardCharsets.UTF_8), contentType);
        }

        public HttpCall build() {
            return new HttpCall(method, uri, headers, body);
        }
    }
}
