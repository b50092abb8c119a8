package dev.connectorruntime.template;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

/** How an input value reads as text, and which values a section treats as false (SPEC §5.2). */
final class Values {

    // a streaming factory, not a databind mapper: building a mapper costs about 0.2 s of start-up
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private Values() {
    }

    /** {@code null} for an input that was not given or is JSON {@code null}, else the node. */
    static JsonNode given(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    /** Not given, {@code null}, {@code false}, {@code ""} and {@code []} are false; all else is true. */
    static boolean truthy(JsonNode node) {
        JsonNode value = given(node);
        if (value == null) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        return !value.isArray() || !value.isEmpty();
    }

    static String text(JsonNode node) {
        JsonNode value = given(node);
        if (value == null) {
            return "";
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            return plain(value);
        }
        if (value.isContainerNode()) {
            return compactJson(value);
        }
        return value.asText();
    }

    /** {@code 1e10} as {@code 10000000000}, {@code 0.5} as {@code 0.5}; the scale of a decimal is kept. */
    static String plain(JsonNode number) {
        if (number.isBigDecimal()) {
            return number.decimalValue().toPlainString();
        }
        if (number.isFloatingPointNumber()) {
            BigDecimal decimal = decimal(number);
            return decimal == null ? number.asText() : decimal.toPlainString();
        }
        return number.bigIntegerValue().toString();
    }

    /**
     * A double or float as the decimal its shortest text means ({@code 0.5}, {@code 1.0}), or
     * {@code null} for NaN and infinities. Java writes {@code 1.0E-7} for 1e-7: the {@code .0} of
     * that notation is not a digit the user wrote, so it goes ({@code 0.0000001}).
     */
    private static BigDecimal decimal(JsonNode floating) {
        double d = floating.doubleValue();
        if (!Double.isFinite(d)) {
            return null;
        }
        String text = floating.isFloat() ? Float.toString(floating.floatValue()) : Double.toString(d);
        BigDecimal decimal = new BigDecimal(text);
        return text.indexOf('E') < 0 ? decimal : decimal.stripTrailingZeros();
    }

    static String compactJson(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode element : node) {
                write(g, element);
            }
            g.writeEndArray();
        } else if (node.isObject()) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                g.writeFieldName(field.getKey());
                write(g, field.getValue());
            }
            g.writeEndObject();
        } else if (node.isNumber()) {
            BigDecimal decimal = node.isBigDecimal() ? node.decimalValue()
                    : node.isFloatingPointNumber() ? decimal(node) : null;
            if (decimal != null) {
                g.writeNumber(decimal);
            } else if (node.isIntegralNumber()) {
                g.writeNumber(node.bigIntegerValue());
            } else {
                g.writeNumber(node.doubleValue());
            }
        } else if (node.isBoolean()) {
            g.writeBoolean(node.booleanValue());
        } else if (node.isNull() || node.isMissingNode()) {
            g.writeNull();
        } else {
            g.writeString(node.asText());
        }
    }
}
