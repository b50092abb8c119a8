package dev.connectorruntime.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.http.HttpResult;
import dev.connectorruntime.model.Json;
import java.io.IOException;

/** An API's error answer, read in the shapes real APIs use, for a message that says what the API said. */
final class ApiErrors {

    private static final int MAX_SUMMARY = 300;

    private ApiErrors() {
    }

    /** The failure for a non-2xx answer. */
    static Failure of(Kind kind, String prefix, HttpResult result, String afterStatus, String hint) {
        String body = result.text();
        String summary = summary(body);
        String message = prefix + " " + result.status() + afterStatus + (summary == null ? "" : ": " + summary);
        return Failure.of(kind, message).status(result.status()).apiError(body.isEmpty() ? null : body)
                .hint(hint).build();
    }

    /**
     * The gist of an error body: Salesforce's {@code [{"message","errorCode"}]}, {@code {"message"}} (GitHub),
     * {@code {"error":{"message"}}} (Google, Stripe), {@code {"error","error_description"}}; else {@code null}.
     */
    static String summary(String body) {
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (IOException e) {
            return null;
        }
        JsonNode first = json.isArray() && json.size() > 0 ? json.get(0) : json;
        if (!first.isObject()) {
            return null;
        }
        String code = text(first, "errorCode");
        String message = text(first, "message");
        JsonNode error = first.get("error");
        if (error != null && error.isObject()) {
            message = message != null ? message : text(error, "message");
            code = code != null ? code : text(error, "code");
        } else if (error != null && error.isTextual()) {
            code = code != null ? code : error.asText();
            message = message != null ? message : text(first, "error_description");
        }
        String s = code != null && message != null ? code + ": " + message : message != null ? message : code;
        if (s == null) {
            return null;
        }
        if (json.isArray() && json.size() > 1) {
            s += " (and " + (json.size() - 1) + " more)";
        }
        return s.length() > MAX_SUMMARY ? s.substring(0, MAX_SUMMARY) + "…" : s;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
    }
}
