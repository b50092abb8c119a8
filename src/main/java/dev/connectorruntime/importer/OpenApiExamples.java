package dev.connectorruntime.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.model.Json;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Response examples as SPEC §9 examples the sandbox plays: each JSON {@code example} or named {@code examples} of
 * the operation's success responses (at most {@value #MAX} per operation), with a value for every input that needs
 * one (the document's parameter and body examples, else defaults). Without such values they are dropped, and said so.
 */
final class OpenApiExamples {

    static final int MAX = 3;

    private OpenApiExamples() {
    }

    static List<ObjectNode> of(ApiResponses responses, OpenApiRefs refs, List<InputDraft> inputs,
                               Map<String, JsonNode> sample, Report report, String where) {
        List<ObjectNode> out = new ArrayList<>();
        if (responses == null) {
            return out;
        }
        Set<String> names = new HashSet<>();
        for (Map.Entry<String, ApiResponse> e : responses.entrySet()) {
            int status = status(e.getKey());
            if (status < 200 || status > 299) {
                continue;
            }
            ApiResponse r = refs.response(e.getValue(), where);
            MediaType m = r == null ? null : OpenApiOperation.json(r.getContent());
            if (m == null) {
                continue;
            }
            List<Map.Entry<String, Object>> bodies = new ArrayList<>();
            if (m.getExample() != null) {
                bodies.add(Map.entry(e.getKey() + " response", m.getExample()));
            }
            if (m.getExamples() != null) {
                m.getExamples().forEach((name, ex) -> {
                    Example x = refs.example(ex, where);
                    if (x != null && x.getValue() != null) {
                        bodies.add(Map.entry(x.getSummary() != null ? x.getSummary() : name, x.getValue()));
                    }
                });
            }
            for (Map.Entry<String, Object> b : bodies) {
                if (out.size() == MAX) {
                    break;
                }
                ObjectNode example = Json.object();
                String name = b.getKey();
                for (int n = 2; !names.add(name); n++) {
                    name = b.getKey() + " " + n;
                }
                example.put("name", name);
                ObjectNode given = example.putObject("inputs");
                for (InputDraft i : inputs) {
                    JsonNode v = sample.get(i.name());
                    if (v != null) {
                        given.set(i.name(), v);
                    } else if (i.required() && i.defaultValue() == null) {
                        report.dropped("response example \"" + name + "\" of " + where, "no example value for input "
                                + i.name() + ": add the example by hand");
                        return out;
                    }
                }
                if (given.isEmpty()) {
                    example.remove("inputs");
                }
                ObjectNode response = example.putObject("response");
                response.put("status", status);
                response.set("body", Json.mapper().valueToTree(b.getValue()));
                out.add(example);
                report.carried("response example \"" + name + "\" of " + where + " as an example");
            }
        }
        return out;
    }

    /** {@code 200} → 200, {@code 2XX} → 200, {@code default} → 0 (not a success to play). */
    private static int status(String code) {
        if (code.matches("[1-5][0-9][0-9]")) {
            return Integer.parseInt(code);
        }
        return code.matches("(?i)[1-5]xx") ? (code.charAt(0) - '0') * 100 : 0;
    }
}
