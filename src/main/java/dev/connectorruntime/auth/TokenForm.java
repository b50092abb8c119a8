package dev.connectorruntime.auth;

import dev.connectorruntime.http.PercentEncoding;
import dev.connectorruntime.http.Version;
import dev.connectorruntime.model.OAuth2;
import dev.connectorruntime.model.SecretTemplate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a token request sends (RFC 6749 §2.3.1, §4.3, §4.4, §6; RFC 7523 §2.1), written once: the real exchange
 * sends it ({@link OAuth2Authenticator}), the dry run prints it, the sandbox's token endpoint checks against it.
 * Generic in how a value is had: a resolved {@link dev.connectorruntime.secret.Secret} for the exchange, a shell
 * variable for the dry run, the expected text for the sandbox.
 */
public final class TokenForm {

    /** How one reader of the form gets its values. */
    public interface Values<V> {

        /** A value written in the runtime itself, such as a {@code grant_type}. */
        V text(String literal);

        /** A connector field ({@code username}, {@code scope}, a {@code token_params} value). */
        V secret(SecretTemplate template);

        /** The refresh token this request spends: the newest known. */
        V refreshToken();

        /** A JWT assertion signed for this request (the JWT bearer grant). */
        V assertion();
    }

    /** What a field is for: the sandbox answers a wrong one with the error RFC 6749 §5.2 gives for it. */
    public enum Role {
        /** {@code grant_type}. */
        GRANT_TYPE,
        /** The grant's own fields: {@code username}, {@code password}, {@code refresh_token}, {@code assertion}. */
        GRANT,
        /** {@code scope}, {@code audience}, {@code token_params}. */
        OPTIONAL,
        /** {@code client_id} and {@code client_secret} in the body. */
        CLIENT
    }

    /** One form field. */
    public record Field<V>(String name, V value, Role role) {
    }

    /** How the client authenticates. */
    public enum ClientAuth {
        /** {@code client_id} and {@code client_secret} as form fields (the default). */
        BODY,
        /** HTTP Basic, id and secret form-encoded first ({@link #basic}). */
        BASIC,
        /** Not at all: the JWT bearer grant proves itself by its signature. */
        NONE
    }

    /**
     * The headers of every token request, in the order sent, before the body's {@code Content-Type} and any HTTP
     * Basic client authentication: the runtime's own {@code User-Agent}, as on API requests (connector headers never
     * go to the token URL).
     */
    public static final Map<String, String> HEADERS = headers();

    private TokenForm() {
    }

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("User-Agent", Version.USER_AGENT);
        return Collections.unmodifiableMap(headers);
    }

    /**
     * Every field in the order it is sent: the grant's, then {@code scope}, {@code audience} (not for the JWT bearer
     * grant, where it is the {@code aud} claim), {@code token_params}, then the client's when it authenticates in
     * the body.
     */
    public static <V> List<Field<V>> fields(OAuth2 auth, GrantType grant, Values<V> values) {
        List<Field<V>> form = new ArrayList<>(grant.fields(values));
        OAuth2.Client c = auth.client();
        if (c.scope() != null) {
            form.add(new Field<>("scope", values.secret(c.scope()), Role.OPTIONAL));
        }
        if (c.audience() != null && !(auth instanceof OAuth2.JwtBearer)) {
            form.add(new Field<>("audience", values.secret(c.audience()), Role.OPTIONAL));
        }
        c.tokenParams().forEach((name, value) -> form.add(new Field<>(name, values.secret(value), Role.OPTIONAL)));
        if (clientAuth(auth, grant) == ClientAuth.BODY) {
            form.add(new Field<>("client_id", values.secret(c.clientId()), Role.CLIENT));
            if (c.clientSecret() != null) {
                form.add(new Field<>("client_secret", values.secret(c.clientSecret()), Role.CLIENT));
            }
        }
        return form;
    }

    /** How the client authenticates on this grant's requests. */
    public static ClientAuth clientAuth(OAuth2 auth, GrantType grant) {
        if (!grant.clientAuthenticates()) {
            return ClientAuth.NONE;
        }
        return auth.client().clientAuth() == OAuth2.ClientAuth.BASIC ? ClientAuth.BASIC : ClientAuth.BODY;
    }

    /** RFC 6749 §2.3.1: the id and the secret are form-encoded before they are joined and base64-encoded. */
    public static String basic(String clientId, String clientSecret) {
        String pair = PercentEncoding.encodeForm(clientId) + ":"
                + PercentEncoding.encodeForm(clientSecret == null ? "" : clientSecret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
