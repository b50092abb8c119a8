package dev.connectorruntime.secret;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The forms a secret value takes on its way out: as written, percent-encoded in a URL, form-encoded
 * in a body, escaped inside a JSON string. The redactor masks each of them.
 */
final class DerivedForms {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private DerivedForms() {
    }

    /** The value and each distinct encoded form of it. */
    static Set<String> of(String value) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(value);
        String percent = percentEncode(value);
        forms.add(percent);
        // application/x-www-form-urlencoded: the WHATWG set (what URLEncoder writes) and RFC 3986 with '+'
        forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
        forms.add(percent.replace("%20", "+"));
        forms.add(jsonEscape(value));
        return forms;
    }

    /** RFC 3986 §2.3: only unreserved characters stay; everything else is UTF-8 percent-encoded. */
    static String percentEncode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /** The text between the quotes of a JSON string holding the value, as Jackson writes it. */
    static String jsonEscape(String value) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(value));
    }

    private static boolean isUnreserved(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
