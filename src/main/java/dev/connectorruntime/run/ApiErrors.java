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
        String message = prefix + " " + result.status() + afterStatus + (summary == null ? "" : ": " + summary)
                + result.attemptsSuffix();
        return Failure.of(kind, message).status(result.status()).apiError(body.isEmpty() ? null : body)
                .hint(hint).build();
    }

    /**
     * The gist of an error body in the shapes real APIs use, or {@code null}: Salesforce's
     * {@code [{"message","errorCode"}]} (every entry), OAuth's {@code {"error","error_description"}},
     * {@code {"message"}}, Keycloak's {@code {"errorMessage"}}, Okta's {@code {"errorCode","errorSummary"}},
     * {@code {"errors":[{"message"}]}} (GitHub, GraphQL, JSON:API), Jira's {@code {"errorMessages":[…]}},
     * {@code {"error":{"code","message"}}} (Stripe, Google, Microsoft) and RFC 9457's {@code title} and
     * {@code detail}; cut to 300 characters.
     */
    static String summary(String body) {
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (IOException e) {
            return null;
        }
        String s = json.isArray() ? joined(json) : gist(json, true);
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.length() <= MAX_SUMMARY) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(MAX_SUMMARY - 1)) ? MAX_SUMMARY - 1 : MAX_SUMMARY;
        return s.substring(0, end) + "…";
    }

    /** One error object as {@code code: message}, either alone, or {@code null}; a string as it is. */
    private static String gist(JsonNode n, boolean top) {
        if (n.isTextual()) {
            return n.asText();
        }
        if (!n.isObject()) {
            return null;
        }
        JsonNode error = n.get("error");
        if (top && error != null && error.isObject()) {
            return gist(error, false);
        }
        String code = first(text(n, "errorCode"), text(n, "code"), error != null && error.isTextual()
                ? error.asText() : null, top ? null : word(text(n, "status")));
        String message = first(text(n, "message"), text(n, "errorMessage"), text(n, "errorSummary"),
                text(n, "error_description"), join(": ", text(n, "title"), text(n, "detail")));
        if (top) {
            message = join(": ", message, first(joined(n.get("errors")), joined(n.get("errorMessages"))));
        }
        return message != null && code != null ? code + ": " + message : message != null ? message : code;
    }

    /** The gists of an array's entries, separated by {@code ;}, or {@code null}. */
    private static String joined(JsonNode array) {
        if (array == null || !array.isArray()) {
            return null;
        }
        String all = null;
        for (JsonNode entry : array) {
            all = join("; ", all, gist(entry, false));
        }
        return all;
    }

    /** Google's {@code "status": "INVALID_ARGUMENT"}, not JSON:API's {@code "status": "422"}. */
    private static String word(String status) {
        return status == null || status.chars().allMatch(Character::isDigit) ? null : status;
    }

    private static String join(String separator, String a, String b) {
        return a == null ? b : b == null ? a : a + separator + b;
    }

    private static String first(String... candidates) {
        for (String c : candidates) {
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /** A field's text when it is a string (a number such as Google's {@code "code": 400} repeats the status). */
    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
