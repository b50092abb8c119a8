package dev.connectorruntime.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.model.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Postman request as an action: its URL ({@code raw} text or the object form) split into the connector's base
 * URL and the action's path, {@code :name} path variables, query, headers and body (raw, urlencoded, formdata,
 * graphql), disabled entries left out, saved responses as examples.
 */
final class PostmanRequest {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");
    private static final Pattern LEADING_VARIABLE = Pattern.compile("^\\{\\{\\s*([^{}]+?)\\s*}}");

    private final JsonNode item;
    private final JsonNode request;
    private final PostmanVariables vars;
    private final Report report;
    private final String where;
    private final LiteralInputs inputs;
    private final Map<String, String> connectorHeaders = new LinkedHashMap<>();
    private String method;
    private String base;
    private String path;
    private List<Map.Entry<String, String>> queryPairs = List.of();

    PostmanRequest(JsonNode item, PostmanVariables vars, Report report, String where) {
        this.item = item;
        this.request = item.get("request").isTextual() ? Json.object().put("url", item.get("request").asText())
                : item.get("request");
        this.vars = vars;
        this.report = report;
        this.where = where;
        this.inputs = new LiteralInputs(report);
        inputs.templates(text -> vars.template(text, inputs, report, "request " + where));
        String m = request.path("method").asText("GET").toUpperCase(Locale.ROOT);
        if (!METHODS.contains(m)) {
            report.dropped("request " + where + " (" + m + ")", "an action's method is one of GET, POST, PUT,"
                    + " PATCH, DELETE, HEAD");
            return;
        }
        method = m;
        url(request.get("url"));
    }

    String method() {
        return method;
    }

    String base() {
        return base;
    }

    /** Headers that hold a credential: the connector's, as placeholders. */
    Map<String, String> connectorHeaders() {
        return connectorHeaders;
    }

    private void url(JsonNode url) {
        String raw = url == null ? "" : url.isTextual() ? url.asText() : url.path("raw").asText(rawOf(url));
        int cut = raw.indexOf('#');
        raw = cut >= 0 ? raw.substring(0, cut) : raw;
        int q = raw.indexOf('?');
        String beforeQuery = q >= 0 ? raw.substring(0, q) : raw;
        Matcher lead = LEADING_VARIABLE.matcher(beforeQuery);
        if (lead.find()) {
            String value = vars.value(lead.group(1));
            String rest = beforeQuery.substring(lead.end());
            if (value == null || vars.secret(lead.group(1))) {
                base = "<<" + ImportNames.input(lead.group(1)) + ">>";
                path = rest;
            } else {
                splitOrigin(vars.connectorValue(value) + rest, vars.connectorValue(value).length());
            }
        } else {
            splitOrigin(vars.connectorValue(beforeQuery), -1);
        }
        path = path(path, url != null && url.isObject() ? url.get("variable") : null);
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        JsonNode query = url != null && url.isObject() ? url.get("query") : null;
        Map<String, String> descriptions = new LinkedHashMap<>();
        if (query != null && query.isArray()) {
            for (JsonNode p : query) {
                String d = PostmanText.description(p.get("description"));
                if (d != null && p.hasNonNull("key")) {
                    descriptions.put(p.get("key").asText(), d);
                }
                if (p.path("disabled").asBoolean(false)) {
                    report.ignored("disabled query parameter " + p.path("key").asText() + " of " + where,
                            "Postman does not send it");
                } else if (p.hasNonNull("key")) {
                    pairs.add(Map.entry(p.get("key").asText(), p.path("value").asText("")));
                }
            }
        } else if (q >= 0) {
            pairs.addAll(UrlParts.pairs(raw.substring(q + 1), true));
        }
        queryPairs = pairs;
        inputs.descriptions(descriptions);
    }

    private static String rawOf(JsonNode url) {
        String host = url.path("host").isArray() ? join(url.get("host"), ".") : url.path("host").asText("");
        String p = url.path("path").isArray() ? join(url.get("path"), "/") : url.path("path").asText("");
        String protocol = url.path("protocol").asText("");
        return (protocol.isEmpty() ? "" : protocol + "://") + host
                + (url.hasNonNull("port") ? ":" + url.get("port").asText() : "") + (p.startsWith("/") ? p : "/" + p);
    }

    private static String join(JsonNode array, String sep) {
        List<String> parts = new ArrayList<>();
        array.forEach(n -> parts.add(n.asText()));
        return String.join(sep, parts);
    }

    /** The base URL: a variable's whole value when the URL starts with one, else the origin. */
    private void splitOrigin(String url, int baseLength) {
        String u = url.contains("://") ? url : "http://" + url; // Postman's default scheme, as curl's
        int shift = u.length() - url.length();
        int slash = u.indexOf('/', u.indexOf("://") + 3);
        int end = baseLength >= 0 ? baseLength + shift : slash < 0 ? u.length() : slash;
        base = u.substring(0, end);
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        path = u.substring(Math.min(end, u.length()));
    }

    /** {@code :id} path variables become inputs (their value the default); {@code {{var}}} templates. */
    private String path(String p, JsonNode variables) {
        Map<String, JsonNode> declared = new LinkedHashMap<>();
        if (variables != null) {
            variables.forEach(v -> declared.put(v.path("key").asText(), v));
        }
        List<String> out = new ArrayList<>();
        for (String seg : p.split("/", -1)) {
            if (seg.startsWith(":") && seg.length() > 1) {
                String name = seg.substring(1);
                JsonNode v = declared.get(name);
                String value = v == null ? "" : v.path("value").asText("");
                String description = v == null ? null : PostmanText.description(v.get("description"));
                if (value.contains("{{")) {
                    out.add(vars.template(value, inputs, report, "request " + where));
                } else {
                    String input = inputs.variable(name, value.isEmpty() ? null : Literals.typed(value), false,
                            description);
                    out.add("{{" + input + "}}");
                }
            } else {
                out.add(seg.contains("{{") ? vars.template(seg, inputs, report, "request " + where) : seg);
            }
        }
        String joined = String.join("/", out);
        return joined.startsWith("/") ? joined : "/" + joined;
    }

    ActionDraft action(String name, String connector, String source) {
        Map<String, String> query = inputs.query(queryPairs);
        Map<String, String> headers = headers();
        BodyDraft body = PostmanBody.read(request.get("body"), headers, inputs, report, where);
        headers.keySet().forEach(k -> report.carried("header " + k + " of " + where));
        List<ObjectNode> examples = PostmanText.examples(item.get("response"), inputs.inputs(), report, where);
        String description = PostmanText.description(request.get("description"));
        return new ActionDraft(name, description != null ? description : item.path("name").asText(null), connector,
                inputs.inputs(), new RequestDraft(method, path, query, headers, body), examples, source);
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : PostmanText.headers(request.get("header"), report, where)) {
            String k = h.getKey();
            String v = h.getValue();
            if (k.equalsIgnoreCase("authorization") || Literals.secretName(k) || secretVariable(v)) {
                connectorHeaders.put(k, v);
                report.carried("header " + k + " of " + where + " as a connector header from a placeholder");
            } else {
                headers.put(k, v.contains("{{") ? vars.template(v, inputs, report, "header " + k) : v);
            }
        }
        return headers;
    }

    private boolean secretVariable(String v) {
        Matcher m = PostmanVariables.VARIABLE.matcher(v);
        while (m.find()) {
            if (vars.secret(m.group(1))) {
                return true;
            }
        }
        return false;
    }

    static JsonNode parse(String text) {
        try {
            return Json.parse(text);
        } catch (IOException e) {
            return null;
        }
    }
}
