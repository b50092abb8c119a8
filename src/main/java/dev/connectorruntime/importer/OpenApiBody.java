package dev.connectorruntime.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.model.Json;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An operation's request body (SPEC §12): JSON as one typed input per top-level property (up to
 * {@value LiteralInputs#MAX_MEMBERS}; beyond, or for a body that is not an object with properties, one input {@code body});
 * {@code application/x-www-form-urlencoded} as a form; multipart without a file as a form (approximated: sent
 * url-encoded), with one dropped; {@code text/plain} as one text input; other types dropped.
 */
final class OpenApiBody {

    private final OpenApiRefs refs;
    private final OpenApiSchemas schemas;
    private final Report report;
    private final String where;

    OpenApiBody(OpenApiRefs refs, OpenApiSchemas schemas, Report report, String where) {
        this.refs = refs;
        this.schemas = schemas;
        this.report = report;
        this.where = where;
    }

    BodyDraft read(RequestBody declared, ImportNames.Scope names, List<InputDraft> inputs,
                   Map<String, JsonNode> sample) {
        RequestBody rb = refs.body(declared, where);
        if (rb == null || rb.getContent() == null || rb.getContent().isEmpty()) {
            return null;
        }
        MediaType json = OpenApiOperation.json(rb.getContent());
        Set<String> lost = new TreeSet<>();
        if (json != null) {
            ObjectNode node = schemas.convert(json.getSchema(), where, lost);
            JsonNode example = example(json);
            ObjectNode tree = members(node, names, inputs, sample, example, lost, "JSON body");
            if (tree == null) {
                String name = names.take("body");
                inputs.add(OpenApiSchemas.input(name, "body", node, true, rb.getDescription(), "object"));
                if (example != null) {
                    sample.put(name, example);
                }
                lost(lost, name);
                return new BodyDraft.Json(Json.nodes().textNode("{{" + name + "}}"));
            }
            return new BodyDraft.Json(tree);
        }
        for (Map.Entry<String, MediaType> e : rb.getContent().entrySet()) {
            String type = e.getKey().toLowerCase(Locale.ROOT);
            ObjectNode node = schemas.convert(e.getValue().getSchema(), where, lost);
            if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
                if (type.startsWith("multipart/") && hasFile(e.getValue())) {
                    report.dropped("multipart body of " + where, "file uploads are not supported");
                    return null;
                }
                ObjectNode fields = members(node, names, inputs, sample, example(e.getValue()), lost, "form body");
                if (fields == null) {
                    report.dropped(e.getKey() + " body of " + where, "a form needs an object schema with properties");
                    return null;
                }
                if (type.startsWith("multipart/")) {
                    report.approximated("multipart body of " + where, "its fields are sent as a url-encoded form");
                }
                Map<String, String> form = new LinkedHashMap<>();
                fields.fields().forEachRemaining(f -> form.put(f.getKey(), f.getValue().asText()));
                return new BodyDraft.Form(form);
            }
            if (type.startsWith("text/plain")) {
                String name = names.take("body");
                inputs.add(OpenApiSchemas.input(name, "body", node.put("type", "string"), true, rb.getDescription(),
                        "string"));
                lost(lost, name);
                return new BodyDraft.Text("{{" + name + "}}");
            }
        }
        report.dropped("request body of " + where + " (" + String.join(", ", rb.getContent().keySet()) + ")",
                "an action's body is JSON, a form or text");
        return null;
    }

    /** One input per property, or {@code null} when the body is not an object with 1 to 50 properties. */
    private ObjectNode members(ObjectNode node, ImportNames.Scope names, List<InputDraft> inputs,
                               Map<String, JsonNode> sample, JsonNode example, Set<String> lost, String what) {
        JsonNode props = node.get("properties");
        if (!"object".equals(node.path("type").asText("object")) || props == null || props.isEmpty()) {
            return null;
        }
        if (props.size() > LiteralInputs.MAX_MEMBERS) {
            report.approximated(what + " of " + where, props.size() + " properties: one object input (SPEC §12: one"
                    + " input per property up to " + LiteralInputs.MAX_MEMBERS + ")");
            return null;
        }
        ObjectNode tree = Json.object();
        props.fields().forEachRemaining(e -> {
            String name = names.take(ImportNames.input(e.getKey()));
            boolean required = OpenApiOperation.contains(node.get("required"), e.getKey());
            boolean credential = OpenApiOperation.credential(e.getKey(), (ObjectNode) e.getValue(), report,
                    "input " + name + " of " + where);
            inputs.add(OpenApiSchemas.input(name, e.getKey(), (ObjectNode) e.getValue(), required, null, "string"));
            if (!credential && example != null && example.has(e.getKey()) && !example.get(e.getKey()).isNull()) {
                sample.put(name, example.get(e.getKey()));
            }
            tree.put(e.getKey(), "{{" + name + "}}");
        });
        lost(lost, what);
        return tree;
    }

    private void lost(Set<String> lost, String name) {
        if (!lost.isEmpty()) {
            report.approximated("schema of " + name + " of " + where, "left out: " + String.join(", ", lost));
            lost.clear();
        }
    }

    private JsonNode example(MediaType m) {
        return refs.example(m.getExample(), m.getExamples(), where);
    }

    private boolean hasFile(MediaType m) {
        Set<String> lost = new TreeSet<>();
        ObjectNode node = schemas.convert(m.getSchema(), where, lost);
        return lost.stream().anyMatch(l -> l.equals("format binary") || l.equals("format base64"))
                || node.toString().contains("\"contentMediaType\"");
    }
}
