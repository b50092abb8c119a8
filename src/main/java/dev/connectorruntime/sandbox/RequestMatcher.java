package dev.connectorruntime.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.http.PercentEncoding;
import dev.connectorruntime.model.Example;
import dev.connectorruntime.model.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An example's expected {@code request} against what the runtime sent (SPEC §9): the method; the path segment by
 * segment, decoded; the query as a decoded multimap (every parameter, the API key's aside); headers as a
 * case-insensitive subset; a JSON body as JSON, a form body as its decoded fields, a text body as text.
 */
final class RequestMatcher {

    private RequestMatcher() {
    }

    /**
     * @param ignoredQuery a query parameter that is the connector's credential ({@code api_key in: query}), left
     *                     out unless the example names it; or {@code null}
     * @return what differs, one line each; empty when the request matches
     */
    static List<String> differences(Example.ExpectedRequest expected, RecordedRequest actual, String ignoredQuery) {
        List<String> out = new ArrayList<>();
        if (expected.method() != null && !expected.method().equalsIgnoreCase(actual.method())) {
            out.add("method: expected " + expected.method() + ", got " + actual.method());
        }
        if (expected.path() != null && !segments(expected.path()).equals(segments(actual.rawPath()))) {
            out.add("path: expected " + expected.path() + ", got " + actual.rawPath());
        }
        if (!expected.query().isEmpty()) {
            query(expected.query(), actual.queryMap(), ignoredQuery, out);
        }
        expected.headers().forEach((name, value) -> {
            String got = actual.header(name);
            if (got == null) {
                out.add("header " + name + ": expected `" + value + "`, missing");
            } else if (!got.equals(value)) {
                out.add("header " + name + ": expected `" + value + "`, got `" + got + "`");
            }
        });
        if (expected.body() != null) {
            body(expected.body(), actual, out);
        }
        return out;
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/", -1)).map(PercentEncoding::decode).toList();
    }

    private static void query(Map<String, List<String>> expected, Map<String, List<String>> actual, String ignored,
                              List<String> out) {
        expected.forEach((name, values) -> {
            List<String> got = actual.get(name);
            if (got == null) {
                out.add("query " + name + ": expected " + show(values) + ", missing");
            } else if (!got.equals(values)) {
                out.add("query " + name + ": expected " + show(values) + ", got " + show(got));
            }
        });
        actual.forEach((name, values) -> {
            if (!expected.containsKey(name) && !name.equals(ignored)) {
                out.add("query " + name + ": not expected, got " + show(values));
            }
        });
    }

    private static String show(List<String> values) {
        List<String> quoted = values.stream().map(v -> "`" + v + "`").toList();
        return quoted.size() == 1 ? quoted.get(0) : "[" + String.join(", ", quoted) + "]";
    }

    private static void body(JsonNode expected, RecordedRequest actual, List<String> out) {
        if (actual.body().length == 0) {
            out.add("body: expected " + JsonDiff.show(expected) + ", got none");
            return;
        }
        String media = actual.mediaType();
        JsonNode got;
        if (media.equals("application/x-www-form-urlencoded") && expected.isObject()) {
            got = form(actual.bodyText());
            expected = asText(expected);
        } else if (media.equals("application/json") || media.endsWith("+json")) {
            try {
                got = Json.parse(actual.bodyText());
            } catch (IOException e) {
                out.add("body: expected " + JsonDiff.show(expected) + ", got text that is not JSON");
                return;
            }
        } else {
            String text = actual.bodyText();
            String want = expected.isTextual() ? expected.asText() : Json.compact(expected);
            if (!want.equals(text)) {
                out.add("body: expected " + JsonDiff.show(Json.nodes().textNode(want)) + ", got "
                        + JsonDiff.show(Json.nodes().textNode(text)));
            }
            return;
        }
        for (String d : JsonDiff.differences(expected, got)) {
            out.add(d.startsWith("expected ") ? "body: " + d : "body " + d);
        }
    }

    private static ObjectNode form(String text) {
        ObjectNode o = Json.object();
        Map<String, List<String>> fields = RecordedRequest.multimap(RecordedRequest.pairs(text, true));
        fields.forEach((k, v) -> {
            if (v.size() == 1) {
                o.put(k, v.get(0));
            } else {
                v.forEach(o.putArray(k)::add);
            }
        });
        return o;
    }

    /** A form carries text: {@code Age: 3} in an example means the field {@code Age=3}. */
    private static JsonNode asText(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = Json.object();
            Map<String, JsonNode> copy = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> copy.put(e.getKey(), asText(e.getValue())));
            copy.forEach(o::set);
            return o;
        }
        if (node.isArray()) {
            var a = Json.array();
            node.forEach(n -> a.add(asText(n)));
            return a;
        }
        return Json.nodes().textNode(node.asText());
    }
}
