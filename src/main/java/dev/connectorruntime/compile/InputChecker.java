package dev.connectorruntime.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a value against an input's compiled schema ({@link InputSchema#of(dev.connectorruntime.model.Input)}: its
 * nested {@code required} are arrays): the JSON Schema keywords SPEC §4 allows, with one message per rule that
 * names the input and the path to the value. Small on purpose: it runs on every {@code run}, where a general validator's start-up
 * cost would dominate.
 */
final class InputChecker {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    // RFC 9562 §4: 8-4-4-4-12 hex digits (UUID.fromString also takes other group lengths)
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private InputChecker() {
    }

    static void check(String what, JsonNode schema, JsonNode value, List<String> problems) {
        String type = schema.path("type").asText("");
        if (!type.isEmpty() && !hasType(value, type)) {
            problems.add(what + " must be " + article(type) + ", not " + describe(value));
            return;
        }
        JsonNode enumNode = schema.get("enum");
        if (enumNode != null && enumNode.isArray() && !contains(enumNode, value)) {
            problems.add(what + " must be one of " + list(enumNode) + ", not " + describe(value));
        }
        JsonNode constNode = schema.get("const");
        if (constNode != null && !same(constNode, value)) {
            problems.add(what + " must be " + constNode + ", not " + describe(value));
        }
        if (value.isNumber()) {
            numeric(what, schema, value.decimalValue(), problems);
        }
        if (value.isTextual()) {
            text(what, schema, value.asText(), problems);
        }
        if (value.isArray()) {
            int size = value.size();
            if (schema.has("minItems") && size < schema.get("minItems").asInt()) {
                problems.add(what + " must have at least " + count(schema.get("minItems").asInt(), "item") + ", not "
                        + size);
            }
            if (schema.has("maxItems") && size > schema.get("maxItems").asInt()) {
                problems.add(what + " must have at most " + count(schema.get("maxItems").asInt(), "item") + ", not "
                        + size);
            }
            JsonNode items = schema.get("items");
            if (items != null && items.isObject()) {
                for (int i = 0; i < size; i++) {
                    check(what + " item " + i, items, value.get(i), problems);
                }
            }
        }
        if (value.isObject()) {
            object(what, schema, (ObjectNode) value, problems);
        }
    }

    private static void numeric(String what, JsonNode schema, BigDecimal n, List<String> problems) {
        if (schema.has("minimum") && n.compareTo(schema.get("minimum").decimalValue()) < 0) {
            problems.add(what + " must be at least " + plain(schema.get("minimum")) + ", not " + shown(n));
        }
        if (schema.has("maximum") && n.compareTo(schema.get("maximum").decimalValue()) > 0) {
            problems.add(what + " must be at most " + plain(schema.get("maximum")) + ", not " + shown(n));
        }
        if (schema.has("exclusiveMinimum") && n.compareTo(schema.get("exclusiveMinimum").decimalValue()) <= 0) {
            problems.add(what + " must be more than " + plain(schema.get("exclusiveMinimum")) + ", not "
                    + shown(n));
        }
        if (schema.has("exclusiveMaximum") && n.compareTo(schema.get("exclusiveMaximum").decimalValue()) >= 0) {
            problems.add(what + " must be less than " + plain(schema.get("exclusiveMaximum")) + ", not "
                    + shown(n));
        }
    }

    private static String shown(BigDecimal n) {
        return Echo.plain(n.toPlainString());
    }

    private static void text(String what, JsonNode schema, String s, List<String> problems) {
        int length = s.codePointCount(0, s.length());
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            problems.add(what + " must be at least " + count(schema.get("minLength").asInt(), "character")
                    + " long, not " + length);
        }
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            problems.add(what + " must be at most " + count(schema.get("maxLength").asInt(), "character")
                    + " long, not " + length);
        }
        if (schema.has("pattern")) {
            String pattern = schema.get("pattern").asText();
            try {
                if (!Pattern.compile(pattern).matcher(s).find()) {
                    problems.add(what + " must match the pattern `" + pattern + "`");
                }
            } catch (PatternSyntaxException e) {
                problems.add(what + " has an invalid pattern `" + pattern + "`");
            }
        }
        if (schema.has("format") && !formatOk(schema.get("format").asText(), s)) {
            problems.add(what + " must be a valid " + schema.get("format").asText() + ", not " + Echo.quoted(s));
        }
    }

    private static void object(String what, JsonNode schema, ObjectNode value, List<String> problems) {
        JsonNode required = schema.get("required");
        if (required != null && required.isArray()) {
            for (JsonNode name : required) {
                if (!value.has(name.asText())) {
                    problems.add(what + " property " + Echo.quoted(name.asText()) + " is required");
                }
            }
        }
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode sub = properties == null ? null : properties.get(f.getKey());
            if (sub != null) {
                check(what + " property " + Echo.quoted(f.getKey()), sub, f.getValue(), problems);
            } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                problems.add(what + " has no property " + Echo.quoted(f.getKey()));
            } else if (additional != null && additional.isObject()) {
                check(what + " property " + Echo.quoted(f.getKey()), additional, f.getValue(), problems);
            }
        }
    }

    static boolean formatOk(String format, String s) {
        try {
            switch (format) {
                case "date":
                    LocalDate.parse(s);
                    return true;
                case "date-time":
                    OffsetDateTime.parse(s);
                    return true;
                case "email":
                    return EMAIL.matcher(s).matches();
                case "uri":
                    return new URI(s).isAbsolute();
                case "uuid":
                    return UUID_TEXT.matcher(s).matches();
                default:
                    return true;
            }
        } catch (DateTimeParseException | URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean hasType(JsonNode v, String type) {
        switch (type) {
            case "string": return v.isTextual();
            case "integer": return v.isIntegralNumber() || v.isNumber() && isWhole(v.decimalValue());
            case "number": return v.isNumber();
            case "boolean": return v.isBoolean();
            case "array": return v.isArray();
            case "object": return v.isObject();
            default: return true;
        }
    }

    private static boolean isWhole(BigDecimal d) {
        return d.stripTrailingZeros().scale() <= 0;
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode e : array) {
            if (same(e, value)) {
                return true;
            }
        }
        return false;
    }

    /** JSON equality where 10 and 10.0 are the same number. */
    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static String list(JsonNode array) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode e : array) {
            sb.append(sb.length() == 0 ? "" : ", ").append(e.isTextual() ? e.asText() : e.toString());
        }
        return sb.toString();
    }

    /** "1 item", "2 items". */
    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String plain(JsonNode n) {
        return n.decimalValue().stripTrailingZeros().toPlainString();
    }

    private static String article(String type) {
        return type.equals("integer") || type.equals("array") || type.equals("object") ? "an " + type : "a " + type;
    }

    private static String describe(JsonNode v) {
        if (v.isTextual()) {
            return Echo.quoted(v.asText());
        }
        if (v.isNumber()) {
            return shown(v.decimalValue());
        }
        return v.isContainerNode() ? (v.isArray() ? "an array" : "an object") : v.toString();
    }
}
