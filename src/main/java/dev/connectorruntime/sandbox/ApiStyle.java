package dev.connectorruntime.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the API the sandbox plays answers in its own words, recognised by the connector's hosts: a 401 in the shape
 * its clients expect (Salesforce's error array, GitHub's and Spotify's objects, salesforce-wire.md), the headers
 * every response carries, and the token endpoint's answer (Salesforce's: no {@code expires_in}, {@code issued_at}
 * in milliseconds).
 */
enum ApiStyle {
    SALESFORCE("[{\"message\":\"INVALID_HEADER_TYPE\",\"errorCode\":\"INVALID_AUTH_HEADER\"}]",
            "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]"),
    GITHUB("{\"message\":\"Requires authentication\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}",
            "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}"),
    SPOTIFY("{\"error\":{\"status\":401,\"message\":\"No token provided\"}}",
            "{\"error\":{\"status\":401,\"message\":\"Invalid access token\"}}"),
    GENERIC("{\"message\":\"sandbox: the request carries no credentials\"}",
            "{\"message\":\"sandbox: the request's credentials are not the sandbox's\"}");

    private final String missing;
    private final String wrong;

    ApiStyle(String missing, String wrong) {
        this.missing = missing;
        this.wrong = wrong;
    }

    /** The style of the API behind these URLs (the connector's base and token URLs, resolved), else generic. */
    static ApiStyle of(List<String> urls) {
        for (String url : urls) {
            String host = host(url);
            if (host.endsWith("salesforce.com") || host.endsWith("force.com")) {
                return SALESFORCE;
            }
            if (host.endsWith("github.com")) {
                return GITHUB;
            }
            if (host.endsWith("spotify.com")) {
                return SPOTIFY;
            }
        }
        return GENERIC;
    }

    /** The body of a 401: for a request without credentials, or with credentials the API does not know. */
    JsonNode unauthorized(boolean credentialsMissing) {
        try {
            return Json.parse(credentialsMissing ? missing : wrong);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Headers the API sends with every answer unless the example says otherwise. */
    List<Map.Entry<String, String>> headers(int request) {
        return this == SALESFORCE ? List.of(Map.entry("Sforce-Limit-Info", "api-usage=" + request + "/15000"))
                : List.of();
    }

    /** A token endpoint's success answer (RFC 6749 §5.1), and for {@code base_url_from} the sandbox's origin. */
    ObjectNode tokenResponse(String accessToken, String baseUrlFrom, URI origin, String scope, long now) {
        ObjectNode o = Json.object().put("access_token", accessToken);
        if (this == SALESFORCE) {
            if (baseUrlFrom != null) {
                o.put(baseUrlFrom, origin.toString());
            }
            o.put("id", origin + "/id/00D000000000001AAA/005000000000001AAA").put("token_type", "Bearer")
                    .put("issued_at", Long.toString(now)).put("signature", "c2FuZGJveCBzaWduYXR1cmU=");
            if (scope != null) {
                o.put("scope", scope);
            }
            return o;
        }
        o.put("token_type", "Bearer").put("expires_in", 3600);
        if (scope != null) {
            o.put("scope", scope);
        }
        if (baseUrlFrom != null) {
            o.put(baseUrlFrom, origin.toString());
        }
        return o;
    }

    private static String host(String url) {
        if (url == null) {
            return "";
        }
        try {
            String h = URI.create(url).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
