package dev.connectorruntime.importer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A URL taken apart for drafting: origin, path, query pairs decoded (RFC 3986 §3; {@code +} in a query is a space, as
 * servers and WHATWG's URLSearchParams read it).
 */
record UrlParts(String origin, String path, List<Map.Entry<String, String>> query) {

    static UrlParts of(String url) {
        int hash = url.indexOf('#');
        String u = hash >= 0 ? url.substring(0, hash) : url;
        int scheme = u.indexOf("://");
        int pathStart = u.indexOf('/', scheme + 3);
        int q = u.indexOf('?', scheme + 3);
        if (pathStart < 0 || q >= 0 && q < pathStart) {
            pathStart = q >= 0 ? q : u.length();
        }
        String origin = u.substring(0, pathStart);
        String rest = u.substring(pathStart);
        int qm = rest.indexOf('?');
        String path = qm >= 0 ? rest.substring(0, qm) : rest;
        List<Map.Entry<String, String>> pairs = qm >= 0 ? pairs(rest.substring(qm + 1), true) : List.of();
        return new UrlParts(origin, path.isEmpty() ? "/" : path, pairs);
    }

    /** {@code a=1&b=2} as pairs, decoded ({@code +} as a space in a form). A key without {@code =} has "". */
    static List<Map.Entry<String, String>> pairs(String text, boolean form) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq >= 0 ? pair.substring(0, eq) : pair;
            String v = eq >= 0 ? pair.substring(eq + 1) : "";
            out.add(Map.entry(decode(k, form), decode(v, form)));
        }
        return out;
    }

    static String decode(String s, boolean form) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '+' && form) {
                out.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Form encoding: as {@link #encode}, but a space is {@code +}. */
    static String encodeForm(String s) {
        return encode(s).replace("%20", "+");
    }

    /** curl's {@code curl_easy_escape}: everything but RFC 3986's unreserved characters percent-encoded. */
    static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
