package dev.connectorruntime.run;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a run produced: JSON (decoded, then shaped by {@code output}), or text printed as the API sent it.
 *
 * @param json the JSON result, or {@code null} for text
 * @param text the raw text, or {@code null} for JSON
 */
public record Output(JsonNode json, String text) {

    public static Output of(JsonNode json) {
        return new Output(json, null);
    }

    public static Output text(String text) {
        return new Output(null, text);
    }

    public boolean isJson() {
        return text == null;
    }
}
