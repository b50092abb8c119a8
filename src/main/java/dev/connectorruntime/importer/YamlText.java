package dev.connectorruntime.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A JSON tree as block YAML, the way a person writes a definition: mappings and lists in block style, empty ones as
 * {@code {}} and {@code []}, a string plain where YAML 1.2 reads it back as the same string, else double-quoted
 * with JSON's escapes (a JSON string is a valid YAML double-quoted scalar). Keys keep the tree's order, so the same
 * tree always gives the same bytes.
 */
final class YamlText {

    /**
     * Plain only when nothing can read it as anything but this string: no indicator first, no {@code ": "} or
     * {@code " #"}, no trailing space or colon, and not a number, date, boolean or null (SPEC §1 keeps a string's
     * source text only where a string is expected, and an input's {@code default} may be any type).
     */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/<$][A-Za-z0-9 _./<>$:@,+()=;*'?!-]*");
    private static final Pattern SPECIAL = Pattern.compile("(?i)true|false|null|~|yes|no|on|off|y|n|\\.inf|\\.nan");

    private YamlText() {
    }

    /** The members of an object at this indent, each {@code key: value} line ending in a newline. */
    static void members(JsonNode object, int indent, StringBuilder out) {
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.append(" ".repeat(indent)).append(scalar(e.getKey())).append(':');
            value(e.getValue(), indent, out);
        }
    }

    private static void value(JsonNode v, int indent, StringBuilder out) {
        if (v.isObject() && v.size() > 0) {
            out.append('\n');
            members(v, indent + 2, out);
        } else if (v.isArray() && v.size() > 0) {
            out.append('\n');
            items(v, indent + 2, out);
        } else {
            out.append(' ').append(leaf(v)).append('\n');
        }
    }

    private static void items(JsonNode array, int indent, StringBuilder out) {
        for (JsonNode item : array) {
            out.append(" ".repeat(indent)).append('-');
            if (item.isObject() && item.size() > 0) {
                StringBuilder inner = new StringBuilder();
                members(item, indent + 2, inner);
                out.append(' ').append(inner, indent + 2, inner.length());
            } else if (item.isArray() && item.size() > 0) {
                out.append('\n');
                items(item, indent + 2, out);
            } else {
                out.append(' ').append(leaf(item)).append('\n');
            }
        }
    }

    private static String leaf(JsonNode v) {
        if (v.isObject()) {
            return "{}";
        }
        if (v.isArray()) {
            return "[]";
        }
        if (v.isTextual()) {
            return scalar(v.textValue());
        }
        if (v.isNumber()) {
            return v.isIntegralNumber() ? v.bigIntegerValue().toString() : v.decimalValue().stripTrailingZeros()
                    .toPlainString().replaceFirst("^(-?\\d+)$", "$1.0");
        }
        return v.asText(); // true, false, null
    }

    /** A string as a YAML scalar: plain where that is safe, else double-quoted. */
    static String scalar(String s) {
        boolean plain = PLAIN.matcher(s).matches() && !SPECIAL.matcher(s).matches() && !s.endsWith(" ")
                && !s.endsWith(":") && !s.contains(": ") && !s.contains(" #") && !s.contains("{{")
                && !s.startsWith("<<:") && !s.equals("<<");
        return plain ? s : new TextNode(s).toString();
    }

    /** A comment line's text: one line, control characters as spaces. */
    static String comment(String s) {
        return s.replaceAll("\\p{Cntrl}", " ").strip();
    }
}
