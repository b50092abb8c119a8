package dev.connectorruntime.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.model.Json;

import java.math.BigDecimal;

/** How an input value reads as text, and which values a section treats as false (SPEC §5.2). */
final class Values {

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
        if (number.isIntegralNumber()) {
            return number.bigIntegerValue().toString();
        }
        BigDecimal decimal = Json.decimal(number);
        return decimal == null ? number.asText() : decimal.toPlainString();
    }

    static String compactJson(JsonNode node) {
        return Json.compact(node);
    }
}
