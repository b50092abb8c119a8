package dev.connectorruntime.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A Postman {@code auth} object as a connector's auth (SPEC §2): bearer, basic, apikey and the OAuth2 grants we have
 * ({@code client_credentials}, {@code password_credentials}); the rest reported. Parameters are read from v2.1's
 * {@code [{key, value}]} lists and v2.0's plain objects alike. Every credential becomes a placeholder.
 */
final class PostmanAuth {

    private PostmanAuth() {
    }

    /** @param auth the effective auth (after inheritance), or {@code null} for none */
    static AuthDraft read(JsonNode auth, String connector, PostmanVariables vars, Report report, String where) {
        if (auth == null || auth.isNull()) {
            return new AuthDraft.None();
        }
        String type = auth.path("type").asText("noauth");
        Map<String, String> p = params(auth.get(type));
        if (Set.of("bearer", "basic", "apikey").contains(type)) {
            report.carried("auth " + type + " of " + where + " as the connector's, its credentials as placeholders");
        }
        switch (type) {
            case "noauth":
                return new AuthDraft.None();
            case "bearer":
                return new AuthDraft.Bearer(vars.credential(p.get("token"), connector, "token"));
            case "basic":
                return new AuthDraft.Basic(vars.credential(p.get("username"), connector, "username"),
                        vars.credential(p.get("password"), connector, "password"));
            case "apikey":
                String in = p.getOrDefault("in", "header");
                if (!in.equals("header") && !in.equals("query")) {
                    report.dropped("auth apikey in " + in + " of " + where, "an API key goes in a header or the query");
                    return new AuthDraft.None();
                }
                return new AuthDraft.ApiKey(in, vars.connectorValue(p.getOrDefault("key", "X-Api-Key")),
                        vars.credential(p.get("value"), connector, "api_key"));
            case "oauth2":
                return oauth2(p, connector, vars, report, where);
            default:
                report.dropped("auth " + type + " of " + where, "the runtime has no " + type + " auth: none, basic,"
                        + " bearer, api_key and oauth2 only");
                return new AuthDraft.None();
        }
    }

    private static AuthDraft oauth2(Map<String, String> p, String connector, PostmanVariables vars, Report report,
                                    String where) {
        String grant = p.getOrDefault("grant_type", "authorization_code");
        String ours = switch (grant) {
            case "client_credentials" -> "client_credentials";
            case "password_credentials" -> "password";
            default -> null;
        };
        if (ours == null) {
            report.dropped("auth oauth2 " + grant + " of " + where, "the " + grant + " flow needs a browser: use"
                    + " client_credentials, password, refresh_token or jwt_bearer");
            return new AuthDraft.None();
        }
        String tokenUrl = p.get("accessTokenUrl");
        if (tokenUrl == null || tokenUrl.isBlank()) {
            report.dropped("auth oauth2 of " + where, "it names no access token URL");
            return new AuthDraft.None();
        }
        String scope = p.get("scope");
        boolean password = ours.equals("password");
        report.carried("auth oauth2 " + grant + " of " + where + " as grant " + ours);
        return new AuthDraft.OAuth2(ours, vars.connectorValue(tokenUrl),
                vars.credential(p.get("clientId"), connector, "client_id"),
                vars.credential(p.get("clientSecret"), connector, "client_secret"),
                password ? vars.credential(p.get("username"), connector, "username") : null,
                password ? vars.credential(p.get("password"), connector, "password") : null, null,
                scope == null || scope.isBlank() ? null : vars.connectorValue(scope),
                "header".equals(p.get("client_authentication")) ? "basic" : null);
    }

    /** v2.1: {@code [{key, value, type}]}; v2.0: {@code {key: value}}. */
    static Map<String, String> params(JsonNode node) {
        Map<String, String> m = new LinkedHashMap<>();
        if (node == null) {
            return m;
        }
        if (node.isArray()) {
            for (JsonNode kv : node) {
                m.put(kv.path("key").asText(), kv.path("value").isValueNode() ? kv.path("value").asText() : null);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText()
                    : null));
        }
        return m;
    }
}
