package dev.connectorruntime.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.http.HttpResult;
import dev.connectorruntime.model.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SPEC §4 {@code output_from: response}: the answer as one JSON object for the {@code output} expression,
 * {@code {"status": 201, "headers": {"location": "/users/1234", …}, "body": …}}, so that an id that is only in
 * {@code Location} (a {@code 201 Created}) can be read.
 */
final class WholeResponse {

    /**
     * RFC 6265 §3: {@code Set-Cookie} values cannot be joined into one, and a session cookie is a credential the
     * runtime cannot mask (it is not one of its secrets): left out rather than printed.
     */
    private static final Set<String> LEFT_OUT = Set.of("set-cookie", "set-cookie2");

    private WholeResponse() {
    }

    /**
     * The status; the headers by lower-case name, in name order, repeated values joined with {@code ", "} (RFC 9110
     * §5.3); the body decoded as {@link Bodies#decode} does it, text as a JSON string, nothing as {@code null}.
     */
    static Output of(HttpResult result) {
        ObjectNode response = Json.object().put("status", result.status());
        ObjectNode headers = response.putObject("headers");
        for (Map.Entry<String, List<String>> h : result.headers().map().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            // RFC 9113 §8.3: an HTTP/2 pseudo-header such as :status is not a header field
            if (!name.startsWith(":") && !LEFT_OUT.contains(name)) {
                headers.put(name, String.join(", ", h.getValue()));
            }
        }
        Output body = Bodies.decode(result);
        response.set("body", body.isJson() ? body.json() : Json.nodes().textNode(body.text()));
        return Output.of(response);
    }
}
