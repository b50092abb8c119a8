package dev.connectorruntime.http;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Request headers in the order they are sent; names compared case-insensitively (RFC 9110 §5.1), each name at
 * most once. Generic in the value: the request's text, or the dry run's shell words. Immutable; built with
 * {@link #builder()}, where {@link Builder#set} replaces a header of the same name and {@link Builder#setIfAbsent}
 * keeps it: precedence is the order of the calls.
 *
 * @param <V> the value's type
 */
public final class Headers<V> implements Iterable<Headers.Header<V>> {

    /** One header. */
    public record Header<V>(String name, V value) {
        public Header {
            Objects.requireNonNull(name, "name");
        }
    }

    private final List<Header<V>> headers;

    private Headers(List<Header<V>> headers) {
        this.headers = Collections.unmodifiableList(headers);
    }

    public static <V> Builder<V> builder() {
        return new Builder<>();
    }

    /** What {@link #badValueChar} holds values to, for messages. */
    public static final String VALUE_RULE = "header values are visible ASCII, spaces and tabs (RFC 9110)";

    /**
     * Where {@code value} first breaks RFC 9110 §5.5's field value (visible ASCII, space and tab), or -1. obs-text
     * (bytes 0x80–0xFF) is refused too: it is not portable, and the JDK's client sends it as {@code ?}.
     */
    public static int badValueChar(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' && c != '\t') || c > '~') {
                return i;
            }
        }
        return -1;
    }

    /** The character of {@code value} at {@code index} as {@code U+00E9}. */
    public static String codePoint(String value, int index) {
        return String.format(Locale.ROOT, "U+%04X", value.codePointAt(index));
    }

    /**
     * The problem with a header value's text as written in a definition ({@code what}: "header `X-Name`"), or
     * {@code null} when every character of {@code written} may go out.
     */
    public static Problem writtenValueProblem(String what, String written, Location at) {
        int bad = badValueChar(written);
        return bad < 0 ? null : Problem.error(Code.BAD_HEADER_VALUE, at, what + " holds a character that is not"
                + " visible ASCII (" + codePoint(written, bad) + ")",
                VALUE_RULE + ": encode the text as the API expects (percent-encoding, most often)");
    }

    /** The value of the header of that name, case-insensitive, or {@code null}. */
    public V get(String name) {
        for (Header<V> h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    public boolean contains(String name) {
        return get(name) != null;
    }

    public int size() {
        return headers.size();
    }

    public List<Header<V>> list() {
        return headers;
    }

    @Override
    public Iterator<Header<V>> iterator() {
        return headers.iterator();
    }

    /** The names only: values may be secret. */
    @Override
    public String toString() {
        return headers.stream().map(Header::name).toList().toString();
    }

    /** Builds {@link Headers}; later {@link #set} calls win. */
    public static final class Builder<V> {
        private final List<Header<V>> headers = new ArrayList<>();

        private Builder() {
        }

        /** Sets a header, replacing any of the same name (case-insensitive); it goes last. */
        public Builder<V> set(String name, V value) {
            remove(name);
            headers.add(new Header<>(name, value));
            return this;
        }

        /** Sets a header only when none of that name is set yet. */
        public Builder<V> setIfAbsent(String name, V value) {
            if (indexOf(name) < 0) {
                headers.add(new Header<>(name, value));
            }
            return this;
        }

        /** Every header of another set, in its order, each replacing one of the same name. */
        public Builder<V> setAll(Iterable<Header<V>> others) {
            for (Header<V> h : others) {
                set(h.name(), h.value());
            }
            return this;
        }

        /** Every header of a map, in its order, each replacing one of the same name. */
        public Builder<V> setAll(Map<String, V> others) {
            for (Map.Entry<String, V> h : others.entrySet()) {
                set(h.getKey(), h.getValue());
            }
            return this;
        }

        public Builder<V> remove(String name) {
            for (int i = indexOf(name); i >= 0; i = indexOf(name)) {
                headers.remove(i);
            }
            return this;
        }

        private int indexOf(String name) {
            for (int i = 0; i < headers.size(); i++) {
                if (headers.get(i).name().equalsIgnoreCase(name)) {
                    return i;
                }
            }
            return -1;
        }

        public Headers<V> build() {
            return new Headers<>(new ArrayList<>(headers));
        }
    }
}
