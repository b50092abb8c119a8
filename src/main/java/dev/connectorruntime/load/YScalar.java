package dev.connectorruntime.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.connectorruntime.error.Location;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A YAML scalar with its text as written (after YAML's own unquoting and folding). Only a plain
 * (unquoted, non-block) scalar can be null, a boolean or a number, per the YAML 1.2 core schema with
 * two deliberate narrowings from SPEC §1: only lowercase {@code true}/{@code false} are booleans, and
 * {@code .inf}/{@code .nan} stay strings because JSON cannot hold them.
 *
 * <p>Where a definition expects a string, callers use {@link #text()}: {@code 2.10} stays {@code "2.10"}.
 *
 * @param location where the scalar starts (its quote, if quoted)
 * @param text     the value as written, never null; {@code ""} for an absent value
 * @param plain    true for the plain (unquoted) style only; false for quoted and block ({@code |}, {@code >}) scalars
 */
public record YScalar(Location location, String text, boolean plain) implements YNode {

    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Pattern DECIMAL_INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCTAL_INT = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX_INT = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    public YScalar {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(text, "text");
    }

    /** True for a plain {@code null}, {@code Null}, {@code NULL}, {@code ~} or an absent value. */
    public boolean isNull() {
        return plain && NULLS.contains(text);
    }

    /** {@code TRUE} or {@code FALSE} for a plain {@code true}/{@code false}; {@code null} for anything else. */
    public Boolean asBoolean() {
        if (!plain) {
            return null;
        }
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** A plain decimal ({@code -12}, {@code 010}), octal ({@code 0o17}) or hexadecimal ({@code 0x1F}) integer. */
    public boolean isInteger() {
        return plain && (DECIMAL_INT.matcher(text).matches() || OCTAL_INT.matcher(text).matches()
                || HEX_INT.matcher(text).matches());
    }

    /** An integer, or a plain decimal number such as {@code 2.10}, {@code .5} or {@code 1e3}. */
    public boolean isNumber() {
        return isInteger() || plain && FLOAT.matcher(text).matches();
    }

    @Override
    public JsonNode toJson() {
        if (!plain) {
            return TextNode.valueOf(text);
        }
        if (isNull()) {
            return NullNode.getInstance();
        }
        Boolean bool = asBoolean();
        if (bool != null) {
            return BooleanNode.valueOf(bool);
        }
        if (isInteger()) {
            return integer(toBigInteger());
        }
        if (isNumber()) {
            try {
                return DecimalNode.valueOf(new BigDecimal(text));
            } catch (NumberFormatException | ArithmeticException e) {
                return TextNode.valueOf(text); // an exponent beyond BigDecimal's range: keep the text
            }
        }
        return TextNode.valueOf(text);
    }

    @Override
    public String kindName() {
        if (isNull()) {
            return "null";
        }
        if (asBoolean() != null) {
            return "boolean";
        }
        return isNumber() ? "number" : "string";
    }

    private BigInteger toBigInteger() {
        if (text.startsWith("0o")) {
            return new BigInteger(text.substring(2), 8);
        }
        if (text.startsWith("0x")) {
            return new BigInteger(text.substring(2), 16);
        }
        return new BigInteger(text);
    }

    private static JsonNode integer(BigInteger value) {
        return value.bitLength() < Long.SIZE ? LongNode.valueOf(value.longValue()) : BigIntegerNode.valueOf(value);
    }
}
