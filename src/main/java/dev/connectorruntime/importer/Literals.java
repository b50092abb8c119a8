package dev.connectorruntime.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * What a literal value of a source says about the input it becomes: its §4 type, and whether it is a credential
 * (SPEC §12: a literal credential never reaches a file; it becomes a placeholder, or an input without default).
 */
public final class Literals {

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)\\.[0-9]+");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(passw(or)?d|passwd|secret|token|api[-_]?key"
            + "|apikey|access[-_]?key|private[-_]?key|credential|signature|session|authori[sz]ation).*|(?i)(key|sig|pwd|pass)");
    private static final Pattern PLACEHOLDER = Pattern.compile("<<[a-z][a-z0-9_]*(:-.*?)?>>");
    private static final Pattern ID = Pattern.compile("[0-9]+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
            + "-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{16,}|(?=.*[0-9])[A-Za-z0-9]{15,}");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
            + "-[0-9a-fA-F]{12}");

    private Literals() {
    }

    /** A text value typed: {@code 10} an integer, {@code 2.5} a number, {@code true} a boolean, else a string. */
    public static JsonNode typed(String text) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (INTEGER.matcher(text).matches()) {
            return f.numberNode(new java.math.BigInteger(text));
        }
        if (NUMBER.matcher(text).matches()) {
            return f.numberNode(new BigDecimal(text));
        }
        if (text.equals("true") || text.equals("false")) {
            return f.booleanNode(text.equals("true"));
        }
        return f.textNode(text);
    }

    /** The §4 type of a JSON value; {@code null} is read as a string. */
    public static String type(JsonNode v) {
        if (v.isIntegralNumber()) {
            return "integer";
        }
        if (v.isNumber()) {
            return "number";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        if (v.isArray()) {
            return "array";
        }
        if (v.isObject()) {
            return "object";
        }
        return "string";
    }

    /** Whether a parameter, header or field of this name carries a credential. */
    public static boolean secretName(String name) {
        return SECRET_NAME.matcher(name).matches();
    }

    /** Whether the text holds a placeholder (a shell variable of a curl line, a Postman secret). */
    public static boolean placeholder(String text) {
        return PLACEHOLDER.matcher(text).find();
    }

    /** Whether a path segment is an identifier rather than a word: digits, a UUID, long hex or an opaque token. */
    static boolean id(String segment) {
        return ID.matcher(segment).matches();
    }

    static boolean uuid(String segment) {
        return UUID.matcher(segment).matches();
    }
}
