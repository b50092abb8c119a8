package dev.connectorruntime.compile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.model.Json;

/** How one input value reads as text where it lands whole (a path segment, a repeated query value). */
final class Renders {

    private Renders() {
    }

    /** Strings as their text, numbers plainly ({@code 10000000000}, never {@code 1.0E10}), containers as JSON. */
    static String text(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isNumber()) {
            return v.isIntegralNumber() ? v.bigIntegerValue().toString() : v.decimalValue().toPlainString();
        }
        if (v.isBoolean()) {
            return String.valueOf(v.asBoolean());
        }
        return Json.compact(v);
    }
}
