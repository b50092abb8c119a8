package dev.connectorruntime.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.model.Json;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A Postman body by its mode: {@code raw} (JSON when its language or content type says so, else text),
 * {@code urlencoded} (a form), {@code formdata} (a form when every part is text, else dropped: file uploads),
 * {@code graphql} (the JSON {@code {query, variables}} GraphQL over HTTP posts), {@code file} (dropped).
 */
final class PostmanBody {

    private PostmanBody() {
    }

    static BodyDraft read(JsonNode body, Map<String, String> headers, LiteralInputs inputs, Report report,
                          String where) {
        if (body == null || body.isNull() || body.path("disabled").asBoolean(false)) {
            return null;
        }
        String mode = body.path("mode").asText("raw");
        switch (mode) {
            case "raw" -> {
                String raw = body.path("raw").asText("");
                if (raw.isEmpty()) {
                    return null;
                }
                boolean json = "json".equals(body.path("options").path("raw").path("language").asText())
                        || contentType(headers).contains("json");
                if (json) {
                    // a variable standing for a number or boolean is unquoted: quote it to read the JSON
                    JsonNode tree = PostmanRequest.parse(raw.replaceAll("(?<![\"\\w])(\\{\\{[^{}]+}})", "\"$1\""));
                    if (tree != null) {
                        headers.keySet().removeIf(k -> k.equalsIgnoreCase("content-type"));
                        return inputs.json(tree);
                    }
                    report.approximated("JSON body of " + where, "it is not valid JSON: written as text");
                    headers.putIfAbsent("Content-Type", "application/json");
                }
                return inputs.body(raw, headers);
            }
            case "urlencoded", "formdata" -> {
                Map<String, String> fields = new LinkedHashMap<>();
                for (JsonNode f : body.path(mode)) {
                    String key = f.path("key").asText();
                    if (f.path("disabled").asBoolean(false)) {
                        report.ignored("disabled form field " + key + " of " + where, "Postman does not send it");
                    } else if ("file".equals(f.path("type").asText())) {
                        report.dropped("form data of " + where, "file uploads are not supported");
                        return null;
                    } else {
                        fields.put(key, inputs.formField(key, f.path("value").asText("")));
                    }
                }
                headers.keySet().removeIf(k -> k.equalsIgnoreCase("content-type"));
                if (mode.equals("formdata")) {
                    report.approximated("form data of " + where, "sent as application/x-www-form-urlencoded:"
                            + " the runtime has no multipart bodies");
                }
                return new BodyDraft.Form(fields);
            }
            case "graphql" -> {
                ObjectNode tree = Json.object();
                tree.put("query", body.path("graphql").path("query").asText(""));
                String variables = body.path("graphql").path("variables").asText("");
                JsonNode v = variables.isBlank() ? null : PostmanRequest.parse(variables);
                if (v != null) {
                    tree.set("variables", v);
                }
                headers.keySet().removeIf(k -> k.equalsIgnoreCase("content-type"));
                report.carried("GraphQL body of " + where + " as JSON {query, variables}");
                return inputs.json(tree);
            }
            default -> {
                report.dropped(mode + " body of " + where, "a body read from a file: write it into the action");
                return null;
            }
        }
    }

    private static String contentType(Map<String, String> headers) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("content-type"))
                .map(e -> e.getValue().toLowerCase(Locale.ROOT)).findFirst().orElse("");
    }
}
