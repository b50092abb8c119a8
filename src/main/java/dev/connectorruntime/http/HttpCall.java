package dev.connectorruntime.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import dev.connectorruntime.model.Request.Method;
import java.util.Objects;

/**
 * One request as the runtime will send it. Not a record: its headers may carry credentials, and
 * {@link #toString()} shows only the method and the origin (as OkHttp's {@code Request} masks).
 */
public final class HttpCall {

    private final Method method;
    private final URI uri;
    private final Headers<String> headers;
    private final byte[] body;

    private HttpCall(Method method, URI uri, Headers<String> headers, byte[] body) {
        this.method = Objects.requireNonNull(method, "method");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.headers = headers;
        this.body = body;
    }

    public static Builder builder(Method method, URI uri) {
        return new Builder(method, uri);
    }

    public Method method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    /** Headers in the order they are sent; names as written. */
    public Headers<String> headers() {
        return headers;
    }

    /** The value of a header, case-insensitive, or {@code null}. */
    public String header(String name) {
        return headers.get(name);
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
        private final Method method;
        private final URI uri;
        private final Headers.Builder<String> headers = Headers.builder();
        private byte[] body;

        private Builder(Method method, URI uri) {
            this.method = method;
            this.uri = uri;
        }

        /** Adds a header, replacing any of the same name (case-insensitive). */
        public Builder header(String name, String value) {
            headers.set(name, value);
            return this;
        }

        /** Adds a header only when none of that name is set yet. */
        public Builder headerIfAbsent(String name, String value) {
            headers.setIfAbsent(name, value);
            return this;
        }

        /** Sets every header of the set, in its order, each replacing one of the same name. */
        public Builder headers(Headers<String> all) {
            headers.setAll(all);
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
            return new HttpCall(method, uri, headers.build(), body);
        }
    }
}
