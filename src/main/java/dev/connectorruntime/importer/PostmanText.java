package dev.connectorruntime.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.model.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The smaller pieces of a Postman request: descriptions, header lists, saved responses as §9 examples. */
final class PostmanText {

    private PostmanText() {
    }

    /** A description: a string, or v2.1's {@code {content, type}}; {@code null} when empty. */
    static String description(JsonNode d) {
        String text = d == null ? null : d.isTextual() ? d.asText() : d.path("content").asText(null);
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** {@code [{key, value, disabled}]} (or v2.0's {@code "Key: value\n…"} text), disabled ones left out. */
    static List<Map.Entry<String, String>> headers(JsonNode header, Report report, String where) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        if (header.isTextual()) {
            for (String line : header.asText().split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    out.add(Map.entry(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
                }
            }
            return out;
        }
        for (JsonNode h : header) {
            if (h.path("disabled").asBoolean(false)) {
                report.ignored("disabled header " + h.path("key").asText() + " of " + where, "Postman does not send it");
            } else if (h.hasNonNull("key") && !h.path("key").asText().isBlank()) {
                out.add(Map.entry(h.get("key").asText(), h.path("value").asText("")));
            }
        }
        return out;
    }

    /** Saved responses as examples the sandbox plays; left out when a required input would have no value. */
    static List<ObjectNode> examples(JsonNode responses, List<InputDraft> inputs, Report report, String where) {
        List<ObjectNode> out = new ArrayList<>();
        if (responses == null || !responses.isArray() || responses.isEmpty()) {
            return out;
        }
        if (inputs.stream().anyMatch(i -> i.required() && i.defaultValue() == null)) {
            report.dropped(responses.size() + " saved response(s) of " + where, "an example needs a value for every"
                    + " required input: add them to the action's examples by hand");
            return out;
        }
        Set<String> names = new HashSet<>();
        for (JsonNode r : responses) {
            String name = r.path("name").asText("example");
            for (int n = 2; !names.add(name); n++) {
                name = r.path("name").asText("example") + " " + n;
            }
            ObjectNode example = Json.object();
            example.put("name", name);
            ObjectNode response = example.putObject("response");
            int code = r.path("code").asInt(200);
            response.put("status", code >= 100 && code <= 599 ? code : 200);
            String body = r.path("body").asText("");
            JsonNode json = body.isBlank() ? null : PostmanRequest.parse(body);
            if (json != null) {
                response.set("body", json);
            } else if (!body.isEmpty()) {
                response.put("body", body);
            }
            out.add(example);
            report.carried("saved response \"" + name + "\" of " + where + " as an example");
        }
        return out;
    }
}
