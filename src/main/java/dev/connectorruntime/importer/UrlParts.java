package dev.connectorruntime.importer;

import dev.connectorruntime.http.PercentEncoding;
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
        return form ? PercentEncoding.decodeForm(s) : PercentEncoding.decode(s);
    }
}
