package dev.connectorruntime.sandbox;

import dev.connectorruntime.http.PercentEncoding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request as the sandbox received it. A class, not a record: its headers carry credentials, and a record
 * would print them.
 */
final class RecordedRequest {

    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    RecordedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        this.method = method;
        this.rawPath = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        this.rawQuery = rawQuery;
        this.headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> this.headers.put(k, List.copyOf(v)));
        this.body = body.clone();
    }

    String method() {
        return method;
    }

    /** The path as sent, percent-encoding kept. */
    String rawPath() {
        return rawPath;
    }

    /** {@code /services/data?q=…}, for messages. */
    String target() {
        return rawPath + (rawQuery == null ? "" : "?" + rawQuery);
    }

    /** Every value of a header, in order, joined as HTTP does ({@code , }), or {@code null} when absent. */
    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }

    /** The query as decoded name/value pairs, in order (RFC 3986: {@code +} is a plus, not a space). */
    List<Map.Entry<String, String>> query() {
        return pairs(rawQuery, false);
    }

    /** The query as a decoded multimap, names in first-seen order. */
    Map<String, List<String>> queryMap() {
        return multimap(query());
    }

    byte[] body() {
        return body.clone();
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The media type of the body, lower-case, without parameters, or {@code ""}. */
    String mediaType() {
        String type = header("Content-Type");
        if (type == null) {
            return "";
        }
        int semi = type.indexOf(';');
        return (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** {@code a=1&b=2} into decoded pairs; {@code form} decodes {@code +} as a space. */
    static List<Map.Entry<String, String>> pairs(String raw, boolean form) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.add(Map.entry(form ? PercentEncoding.decodeForm(k) : PercentEncoding.decode(k),
                    form ? PercentEncoding.decodeForm(v) : PercentEncoding.decode(v)));
        }
        return out;
    }

    static Map<String, List<String>> multimap(List<Map.Entry<String, String>> pairs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        pairs.forEach(p -> out.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(p.getValue()));
        return out;
    }

    @Override
    public String toString() {
        return method + " " + target();
    }
}
