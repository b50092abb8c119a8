package dev.connectorruntime.run;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a run produced: JSON (decoded, then shaped by {@code output}), or text printed as the API sent it.
 *
 * @param json    the JSON result, or {@code null} for text
 * @param text    the raw text, or {@code null} for JSON
 * @param warning what a reader of the output should know (text that was not valid in its charset), or
 *                {@code null}; the engine never prints it, the CLI does on stderr
 */
public record Output(JsonNode json, String text, String warning) {

    public static Output of(JsonNode json) {
        return new Output(json, null, null);
    }

    public static Output text(String text) {
        return new Output(null, text, null);
    }

    /** Text, with a warning about it (or {@code null}). */
    public static Output text(String text, String warning) {
        return new Output(null, text, warning);
    }

    public boolean isJson() {
        return text == null;
    }
}
