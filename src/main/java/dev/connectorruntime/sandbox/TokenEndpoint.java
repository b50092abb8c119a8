package dev.connectorruntime.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.auth.GrantType;
import dev.connectorruntime.auth.TokenForm;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.model.OAuth2;
import dev.connectorruntime.model.SecretTemplate;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Plays the connector's token endpoint (RFC 6749 §4, §5): checks that the request has its grant's shape (a
 * form-encoded POST, the grant type, the client's authentication as the connector declares it, the grant's own
 * fields, each with the sandbox's values; for the JWT bearer grant an RS256 assertion signed with the sandbox's
 * key, RFC 7523 §3) and issues sandbox tokens. A refusal is the RFC's error answer, its description saying what
 * was wrong.
 */
final class TokenEndpoint {

    private final OAuth2 auth;
    private final SandboxSecrets secrets;
    private final ApiStyle style;
    private final URI origin;
    private final Clock clock;
    private final Set<String> issued = new CopyOnWriteArraySet<>();

    TokenEndpoint(OAuth2 auth, SandboxSecrets secrets, ApiStyle style, URI origin, Clock clock) {
        this.auth = auth;
        this.secrets = secrets;
        this.style = style;
        this.origin = origin;
        this.clock = clock;
    }

    /** Whether this endpoint issued the token. */
    boolean issued(String token) {
        return issued.contains(token);
    }

    Reply handle(RecordedRequest r) {
        if (!r.method().equals("POST")) {
            return error(405, "invalid_request", "the token endpoint takes POST, not " + r.method());
        }
        if (!r.mediaType().equals("application/x-www-form-urlencoded")) {
            return error(400, "unsupported_grant_type", "the token request must be form-encoded"
                    + " (application/x-www-form-urlencoded), not `" + r.mediaType() + "`");
        }
        Map<String, List<String>> form = RecordedRequest.multimap(RecordedRequest.pairs(r.bodyText(), true));
        for (Map.Entry<String, List<String>> f : form.entrySet()) {
            if (f.getValue().size() > 1) {
                // RFC 6749 §3.2: parameters must not be included more than once
                return error(400, "invalid_request", "`" + f.getKey() + "` is sent more than once");
            }
        }
        GrantType grantType = GrantType.of(auth);
        List<TokenForm.Field<String>> expected = TokenForm.fields(auth, grantType, new TokenForm.Values<String>() {
            @Override
            public String text(String literal) {
                return literal;
            }

            @Override
            public String secret(SecretTemplate template) {
                return secrets.resolve(template);
            }

            @Override
            public String refreshToken() {
                return auth instanceof OAuth2.RefreshToken t ? secrets.resolve(t.refreshToken()) : null;
            }

            @Override
            public String assertion() {
                return null; // checked by its signature and claims
            }
        });
        String grant = first(form, "grant_type");
        String expectedGrant = of(expected, TokenForm.Role.GRANT_TYPE).get(0).value();
        if (!expectedGrant.equals(grant)) {
            return error(400, "unsupported_grant_type", "expected grant_type `" + expectedGrant + "`, got "
                    + (grant == null ? "none" : "`" + grant + "`"));
        }
        String problem = switch (TokenForm.clientAuth(auth, grantType)) {
            case BASIC -> basicClient(r, form);
            case BODY -> fields(form, of(expected, TokenForm.Role.CLIENT));
            case NONE -> null;
        };
        if (problem != null) {
            return error(401, "invalid_client", problem);
        }
        problem = fields(form, of(expected, TokenForm.Role.GRANT));
        if (problem == null) {
            problem = fields(form, of(expected, TokenForm.Role.OPTIONAL));
        }
        if (problem != null) {
            return error(400, "invalid_grant", problem);
        }
        String token = "sandbox-access-token-" + (issued.size() + 1);
        issued.add(token);
        return Reply.json(200, style.tokenResponse(token, auth.client().baseUrlFrom(), origin,
                first(form, "scope"), clock.millis()), Map.entry("Cache-Control", "no-store"));
    }

    /** RFC 6749 §2.3.1: the client's id and secret in HTTP Basic, form-encoded before base64. */
    private String basicClient(RecordedRequest r, Map<String, List<String>> form) {
        OAuth2.Client c = auth.client();
        String expected = TokenForm.basic(secrets.resolve(c.clientId()), secrets.resolve(c.clientSecret()));
        if (r.header("Authorization") == null) {
            return "`client_auth: basic`: expected the client's id and secret in an HTTP Basic Authorization header";
        }
        if (!expected.equals(r.header("Authorization"))) {
            return "the HTTP Basic client credentials are not the sandbox's (RFC 6749 §2.3.1: form-encode id and"
                    + " secret before base64)";
        }
        return form.containsKey("client_secret") ? "the client secret is sent twice, in Basic and in the body" : null;
    }

    /** The first field that is missing or not the sandbox's value; the JWT assertion checked by its signature. */
    private String fields(Map<String, List<String>> form, List<TokenForm.Field<String>> expected) {
        for (TokenForm.Field<String> f : expected) {
            String problem;
            if (f.name().equals("assertion") && auth instanceof OAuth2.JwtBearer j) {
                String assertion = first(form, "assertion");
                problem = assertion == null ? "the `assertion` field is missing" : assertion(assertion, j);
            } else {
                problem = field(form, f.name(), f.value());
            }
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static List<TokenForm.Field<String>> of(List<TokenForm.Field<String>> fields, TokenForm.Role role) {
        return fields.stream().filter(f -> f.role() == role).toList();
    }

    /** RFC 7523 §3: signed by the key the sandbox handed out; iss, sub, aud as configured; exp in the future. */
    private String assertion(String jwt, OAuth2.JwtBearer j) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            return "the assertion is not a JWT (three base64url parts)";
        }
        RSAPublicKey key = secrets.publicKey();
        try {
            JsonNode header = Json.parse(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
            JsonNode claims = Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            if (!header.path("alg").asText().equals("RS256")) {
                return "the assertion's alg is `" + header.path("alg").asText() + "`, not RS256";
            }
            if (key != null) {
                Signature rs256 = Signature.getInstance("SHA256withRSA");
                rs256.initVerify(key);
                rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
                if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                    return "the assertion's signature does not verify with the sandbox's key";
                }
            }
            String problem = claim(claims, "iss", secrets.resolve(auth.client().clientId()));
            problem = problem != null ? problem : claim(claims, "sub", secrets.resolve(j.subject()));
            problem = problem != null ? problem : claim(claims, "aud", secrets.resolve(auth.client().audience()));
            long now = clock.instant().getEpochSecond();
            if (problem == null && (!claims.path("exp").canConvertToLong() || claims.get("exp").asLong() <= now)) {
                problem = "the assertion's `exp` is missing or past";
            }
            return problem;
        } catch (IOException | IllegalArgumentException e) {
            return "the assertion is not a JWT (its parts are not base64url JSON)";
        } catch (GeneralSecurityException e) {
            return "the assertion's signature cannot be checked: " + e.getMessage();
        }
    }

    private static String claim(JsonNode claims, String name, String expected) {
        JsonNode v = claims.get(name);
        return expected == null || v != null && v.asText().equals(expected) ? null
                : "the assertion's `" + name + "` claim is not the sandbox's";
    }

    /** Values are never quoted: they are the sandbox's secrets, and the runtime's if it ever sent the wrong ones. */
    private static String field(Map<String, List<String>> form, String name, String expected) {
        String got = first(form, name);
        if (got == null) {
            return "the `" + name + "` field is missing";
        }
        return expected == null || got.equals(expected) ? null : "`" + name + "` is not the sandbox's value";
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static Reply error(int status, String error, String description) {
        return Reply.json(status, Json.object().put("error", error)
                .put("error_description", "sandbox: " + description), Map.entry("Cache-Control", "no-store"));
    }
}
