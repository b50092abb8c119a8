package dev.connectorruntime.http;

import java.util.List;
import java.util.function.Function;

/**
 * {@code application/x-www-form-urlencoded} (the WHATWG URL standard's serializer): each name and value
 * percent-encoded with a space as {@code +}, pairs joined by {@code &}. The one form encoder: the token request and
 * an action's {@code form} body both use it.
 */
public final class Form {

    /** The media type. */
    public static final String MEDIA_TYPE = "application/x-www-form-urlencoded";

    private Form() {
    }

    /** One {@code name=value} pair, encoded. */
    public static String pair(String name, String value) {
        return PercentEncoding.encodeForm(name) + "=" + PercentEncoding.encodeForm(value);
    }

    /** The fields in order, encoded and joined. */
    public static <F> String encode(List<F> fields, Function<F, String> name, Function<F, String> value) {
        StringBuilder sb = new StringBuilder();
        for (F f : fields) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(pair(name.apply(f), value.apply(f)));
        }
        return sb.toString();
    }
}
