package dev.connectorruntime.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.model.Json;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One OpenAPI operation as an action: path, query and header parameters as typed inputs (styles: form arrays repeat
 * the key, an object's properties become inputs of their own, deepObject as {@code name[prop]}), the request body
 * ({@link OpenApiBody}), and response examples as {@code examples} the sandbox plays.
 */
final class OpenApiOperation {

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^{}]+)}");

    private final OpenApiRefs refs;
    private final OpenApiSchemas schemas;
    private final Report report;
    private final String where;
    private final ImportNames.Scope names = ImportNames.Scope.inputs();
    private final List<InputDraft> inputs = new ArrayList<>();
    /** A value for an input when an example is played: the document's example, else the schema's default. */
    private final Map<String, JsonNode> sample = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    OpenApiOperation(OpenApiRefs refs, OpenApiSchemas schemas, Report report, String where) {
        this.refs = refs;
        this.schemas = schemas;
        this.report = report;
        this.where = where;
    }

    ActionDraft action(String name, String connector, String method, String path, Operation op,
                       List<Parameter> inherited, String source) {
        Map<String, Parameter> params = new LinkedHashMap<>();
        for (List<Parameter> list : java.util.Arrays.asList(inherited, op.getParameters())) {
            if (list != null) {
                for (Parameter p : list) {
                    Parameter r = refs.parameter(p, where);
                    if (r != null && r.getName() != null && r.getIn() != null) {
                        params.put(r.getIn() + " " + r.getName(), r);
                    }
                }
            }
        }
        Map<String, String> pathInputs = new LinkedHashMap<>();
        for (Parameter p : params.values()) {
            parameter(p, pathInputs);
        }
        String template = pathTemplate(path, pathInputs);
        int hash = template.indexOf('#');
        if (hash >= 0) {
            report.approximated("path " + path + " of " + where, "its fragment " + template.substring(hash)
                    + " is left out: it never reaches the server");
            template = template.substring(0, hash);
        }
        int q = template.indexOf('?');
        if (q >= 0) {
            // some documents tell operations apart by a fixed query in the path ("/things?kind=a")
            for (Map.Entry<String, String> pair : UrlParts.pairs(template.substring(q + 1), true)) {
                query.putIfAbsent(pair.getKey(), pair.getValue());
            }
            report.approximated("path " + path + " of " + where, "its query string is fixed query parameters");
            template = template.substring(0, q);
        }
        OpenApiBody body = new OpenApiBody(refs, schemas, report, where);
        BodyDraft b = body.read(op.getRequestBody(), names, inputs, sample);
        String description = op.getSummary() != null && !op.getSummary().isBlank() ? op.getSummary().strip()
                : op.getDescription() != null && !op.getDescription().isBlank() ? op.getDescription().strip() : null;
        List<ObjectNode> examples = OpenApiExamples.of(op.getResponses(), refs, inputs, sample, report, where);
        return new ActionDraft(name, description, connector, inputs, new RequestDraft(method, template, query, headers,
                b), examples, source);
    }

    private void parameter(Parameter p, Map<String, String> pathInputs) {
        String in = p.getIn();
        String what = in + " parameter " + p.getName() + " of " + where;
        if (in.equals("cookie")) {
            report.dropped(what, "the runtime sends no cookies");
            return;
        }
        Schema<?> schema = p.getSchema();
        if (schema == null && p.getContent() != null && !p.getContent().isEmpty()) {
            schema = p.getContent().values().iterator().next().getSchema();
        }
        Set<String> lost = new TreeSet<>();
        ObjectNode node = schemas.convert(schema, where, lost);
        boolean required = in.equals("path") || Boolean.TRUE.equals(p.getRequired());
        JsonNode example = example(p);
        String style = p.getStyle() == null ? null : p.getStyle().toString();
        String type = node.path("type").asText("string");
        if (in.equals("query") && type.equals("object") && node.path("properties").size() > 0
                && ("deepObject".equals(style) || (style == null || "form".equals(style))
                && !Boolean.FALSE.equals(p.getExplode()))) {
            boolean deep = "deepObject".equals(style);
            node.get("properties").fields().forEachRemaining(e -> {
                String wire = deep ? p.getName() + "[" + e.getKey() + "]" : e.getKey();
                boolean req = required && contains(node.get("required"), e.getKey());
                add(wire, (ObjectNode) e.getValue(), req, null, example == null ? null : example.get(e.getKey()),
                        lost, "query");
            });
            report.approximated(what, "its properties are query parameters of their own"
                    + (deep ? " (deepObject: " + p.getName() + "[name])" : " (form, exploded)"));
            return;
        }
        if (in.equals("query") && type.equals("array") && (Boolean.FALSE.equals(p.getExplode())
                || style != null && !style.equals("form"))) {
            report.approximated(what, "style " + (style == null ? "form" : style) + (Boolean.FALSE.equals(
                    p.getExplode()) ? " without explode" : "") + ": the array is sent as repeated keys (form, exploded)");
        } else if (!in.equals("query") && (type.equals("array") || type.equals("object"))) {
            report.approximated(what, "an " + type + " in a " + in + " is sent as JSON text");
        } else if (style != null && !Set.of("form", "simple").contains(style)) {
            report.approximated(what, "style " + style + " is sent as style " + (in.equals("query") ? "form"
                    : "simple"));
        }
        String input = add(p.getName(), node, required, p.getDescription(), example, lost, in);
        if (Boolean.TRUE.equals(p.getDeprecated())) {
            report.carried(what + " (deprecated)");
        }
        if (in.equals("path")) {
            pathInputs.put(p.getName(), input);
        }
    }

    private String add(String wire, ObjectNode node, boolean required, String description, JsonNode example,
                       Set<String> lost, String in) {
        String name = names.take(ImportNames.input(wire));
        boolean credential = credential(wire, node, report, "input " + name + " of " + where);
        InputDraft input = OpenApiSchemas.input(name, wire, node, required, description, "string");
        inputs.add(input);
        if (!credential && example != null && !example.isNull()) {
            sample.put(name, example);
        }
        switch (in) {
            case "query" -> query.put(wire, "{{" + name + "}}");
            case "header" -> headers.put(wire, "{{" + name + "}}");
            default -> { }
        }
        if (!lost.isEmpty()) {
            report.approximated("schema of input " + name + " of " + where, "left out: " + String.join(", ", lost));
            lost.clear();
        }
        return name;
    }

    /**
     * Whether the input carries a credential by its name (SPEC §12: no secret in YAML): then its schema loses its
     * default and the caller keeps no example value of it.
     */
    static boolean credential(String wire, ObjectNode schema, Report report, String what) {
        if (!Literals.secretName(wire)) {
            return false;
        }
        if (schema.remove("default") != null) {
            report.approximated(what, "without its default, which looks like a credential");
        }
        return true;
    }

    private JsonNode example(Parameter p) {
        JsonNode given = refs.example(p.getExample(), p.getExamples(), where);
        if (given != null) {
            return given;
        }
        return p.getSchema() == null || p.getSchema().getExample() == null ? null
                : Json.mapper().valueToTree(p.getSchema().getExample());
    }

    /** {@code /pets/{petId}} → {@code /pets/{{pet_id}}}; a parameter the path names but does not declare is added. */
    private String pathTemplate(String path, Map<String, String> pathInputs) {
        Matcher m = PATH_PARAM.matcher(path);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String wire = m.group(1);
            String input = pathInputs.get(wire);
            if (input == null) {
                input = add(wire, Json.object().put("type", "string"), true, null, null, new TreeSet<>(), "path");
                pathInputs.put(wire, input);
                report.approximated("path parameter " + wire + " of " + where, "not declared: a required string input");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement("{{" + input + "}}"));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static boolean contains(JsonNode array, String value) {
        if (array != null) {
            for (JsonNode n : array) {
                if (n.asText().equals(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    static MediaType json(Content content) {
        if (content == null) {
            return null;
        }
        for (Map.Entry<String, MediaType> e : content.entrySet()) {
            String t = e.getKey().toLowerCase(java.util.Locale.ROOT);
            if (t.startsWith("application/json") || t.contains("+json") || t.equals("*/*")) {
                return e.getValue();
            }
        }
        return null;
    }
}
