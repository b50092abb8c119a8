package dev.connectorruntime.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds request URLs by hand: JDK 17 has no URL builder, and {@code new URI(scheme, host, path, query, …)} leaves
 * {@code &}, {@code =} and {@code +} in a query value unencoded. Every query name and value is percent-encoded
 * here (RFC 3986, unreserved characters only); {@link URI#create} sees only the finished string.
 */
public final class Urls {

    private Urls() {
    }

    /**
     * @param base        the base URL, path prefix kept, no query
     * @param encodedPath the path, already encoded segment by segment, starting with {@code /}
     * @param query       decoded name/value pairs, in order
     */
    public static URI build(String base, String encodedPath, List<Map.Entry<String, String>> query) {
        int end = base.length();
        while (end > 0 && base.charAt(end - 1) == '/') {
            end--;
        }
        StringBuilder sb = new StringBuilder(end + encodedPath.length() + 16 * query.size())
                .append(base, 0, end).append(encodedPath);
        appendQuery(sb, '?', query);
        return URI.create(sb.toString()); // parsed once: every call builds one
    }

    /** The URI with these decoded pairs appended to any query it already has. */
    public static URI withQuery(URI uri, List<Map.Entry<String, String>> query) {
        if (query.isEmpty()) {
            return uri;
        }
        StringBuilder sb = new StringBuilder(uri.toString());
        int hash = sb.indexOf("#");
        if (hash >= 0) {
            sb.setLength(hash);
        }
        appendQuery(sb, uri.getRawQuery() == null ? '?' : '&', query);
        return URI.create(sb.toString());
    }

    private static void appendQuery(StringBuilder sb, char first, List<Map.Entry<String, String>> query) {
        char sep = first;
        for (Map.Entry<String, String> p : query) {
            sb.append(sep).append(PercentEncoding.encode(p.getKey())).append('=')
                    .append(PercentEncoding.encode(p.getValue()));
            sep = '&';
        }
    }

    /** The URI with every parameter of this name removed, then set to {@code value}. */
    public static URI replaceParam(URI uri, String name, String value) {
        List<Map.Entry<String, String>> kept = new ArrayList<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = PercentEncoding.decode(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : PercentEncoding.decode(pair.substring(eq + 1));
                if (!k.equals(name)) {
                    kept.add(Map.entry(k, v));
                }
            }
        }
        kept.add(Map.entry(name, value));
        String s = uri.toString();
        int cut = s.indexOf('?');
        return withQuery(URI.create(cut < 0 ? s : s.substring(0, cut)), kept);
    }
}
