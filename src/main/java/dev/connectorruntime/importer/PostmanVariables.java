package dev.connectorruntime.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A collection's {@code {{variables}}} (its own, then an environment's, which win): in a connector's values they are
 * resolved, or become {@code <<placeholders>>} when they hold a credential or have no value; in an action's values
 * they become inputs, with the variable's value as default unless it is a credential (SPEC §12).
 */
final class PostmanVariables {

    static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}]+?)\\s*}}");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> secrets = new LinkedHashSet<>();

    /** Variables from a collection's {@code variable} list, or an environment's {@code values}. */
    void add(JsonNode list) {
        if (list == null) {
            return;
        }
        for (JsonNode v : list) {
            if (v.path("disabled").asBoolean(false) || !v.path("enabled").asBoolean(true) || !v.has("key")) {
                continue;
            }
            String key = v.get("key").asText();
            values.put(key, v.path("value").isValueNode() ? v.path("value").asText() : v.path("value").toString());
            if ("secret".equals(v.path("type").asText())) {
                secrets.add(key);
            }
        }
    }

    /** A credential: typed secret, or named like one. */
    boolean secret(String name) {
        return secrets.contains(name) || Literals.secretName(name);
    }

    String value(String name) {
        return values.get(name);
    }

    /** A connector value: each variable resolved, or a placeholder when it is a credential or unknown. */
    String connectorValue(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = values.get(name);
            String replacement = value == null || secret(name) || name.startsWith("$") ? "<<"
                    + ImportNames.input(name) + ">>" : connectorValue(value);
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * A credential value: a literal becomes {@code <<connector_purpose>>}; a text of variables keeps their names as
     * placeholders (never their values).
     */
    String credential(String text, String connector, String purpose) {
        if (text == null || text.isEmpty()) {
            return ImportNames.placeholder(connector, purpose);
        }
        Matcher m = VARIABLE.matcher(text);
        if (!m.find()) {
            return ImportNames.placeholder(connector, purpose);
        }
        return VARIABLE.matcher(text).replaceAll(r -> Matcher.quoteReplacement("<<" + ImportNames.input(r.group(1))
                + ">>"));
    }

    /** An action's text as a template: each variable an input of {@code inputs}. */
    String template(String text, LiteralInputs inputs, Report report, String where) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = values.get(name);
            boolean secret = secret(name);
            if (secret) {
                report.approximated("variable " + name + " in " + where, "a required input without its value,"
                        + " which is a credential");
            } else if (name.startsWith("$")) {
                report.approximated("dynamic variable " + name + " in " + where, "a required input: the runtime"
                        + " has no dynamic variables");
            } else if (value == null) {
                report.approximated("variable " + name + " in " + where, "a required input: the collection gives"
                        + " it no value");
            }
            String input = inputs.variable(name.startsWith("$") ? name.substring(1) : name,
                    value == null || secret ? null : Literals.typed(value), secret || name.startsWith("$"), null);
            m.appendReplacement(sb, Matcher.quoteReplacement("{{" + input + "}}"));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
