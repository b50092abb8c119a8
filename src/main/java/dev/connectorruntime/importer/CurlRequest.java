package dev.connectorruntime.importer;

import java.util.List;
import java.util.Map;

/**
 * What a curl command line sends, read with curl's own semantics (the data options joined with {@code &}, {@code -d}
 * implying POST and a form content type, {@code -G} moving the data into the query, {@code --json} setting both
 * headers). This is what the tests compare with curlconverter's reading of the same line.
 *
 * @param method  the method curl sends
 * @param url     the URL as curl sends it, the scheme added when missing and the {@code -G} data appended
 * @param headers the headers in order, as {@code -H}, {@code -A}, {@code -e}, {@code --json} and {@code -d} set them
 * @param body    the body, or {@code null}
 * @param user    {@code -u}'s value ({@code user:password}), or {@code null}
 */
record CurlRequest(String method, String url, List<Map.Entry<String, String>> headers, String body, String user) {

    CurlRequest {
        headers = List.copyOf(headers);
    }

    String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }
}
