package dev.connectorruntime.auth;

import dev.connectorruntime.auth.TokenForm.Field;
import dev.connectorruntime.auth.TokenForm.Role;
import dev.connectorruntime.model.OAuth2;
import dev.connectorruntime.model.SecretTemplate;
import java.util.List;

/**
 * One OAuth2 grant: its {@code grant_type} and its own form fields (SPEC §2). One small class per grant; the one
 * switch over the connector's grant is {@link #of}.
 */
public interface GrantType {

    /** RFC 7523 §2.1. */
    String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /** RFC 6749 §6: also used to renew a token of any grant that came with a refresh token. */
    GrantType REFRESH = new Refresh();

    /** {@code grant_type} and the grant's own fields, in the order sent. */
    <V> List<Field<V>> fields(TokenForm.Values<V> values);

    /** Whether the client authenticates with id and secret (the JWT bearer grant proves itself by signature). */
    default boolean clientAuthenticates() {
        return true;
    }

    /** Whether a request spends a refresh token: such a request is never re-sent blindly. */
    default boolean spendsRefreshToken() {
        return false;
    }

    /** The grant of a connector's {@code auth}. */
    static GrantType of(OAuth2 auth) {
        if (auth instanceof OAuth2.Password p) {
            return new Password(p.username(), p.password());
        }
        if (auth instanceof OAuth2.RefreshToken) {
            return REFRESH;
        }
        if (auth instanceof OAuth2.JwtBearer) {
            return new JwtBearer();
        }
        return new ClientCredentials();
    }

    private static <V> Field<V> grantType(TokenForm.Values<V> values, String type) {
        return new Field<>("grant_type", values.text(type), Role.GRANT_TYPE);
    }

    /** RFC 6749 §4.4. */
    record ClientCredentials() implements GrantType {
        @Override
        public <V> List<Field<V>> fields(TokenForm.Values<V> values) {
            return List.of(grantType(values, "client_credentials"));
        }
    }

    /** RFC 6749 §4.3: for Salesforce the password is the password immediately followed by the security token. */
    record Password(SecretTemplate username, SecretTemplate password) implements GrantType {
        @Override
        public <V> List<Field<V>> fields(TokenForm.Values<V> values) {
            return List.of(grantType(values, "password"),
                    new Field<>("username", values.secret(username), Role.GRANT),
                    new Field<>("password", values.secret(password), Role.GRANT));
        }
    }

    /** RFC 6749 §6: the newest refresh token known; a rotated one replaces the old at once. */
    record Refresh() implements GrantType {
        @Override
        public <V> List<Field<V>> fields(TokenForm.Values<V> values) {
            return List.of(grantType(values, "refresh_token"),
                    new Field<>("refresh_token", values.refreshToken(), Role.GRANT));
        }

        @Override
        public boolean spendsRefreshToken() {
            return true;
        }
    }

    /** RFC 7523 §2.1: an RS256 assertion signed for each request. */
    record JwtBearer() implements GrantType {
        @Override
        public <V> List<Field<V>> fields(TokenForm.Values<V> values) {
            return List.of(grantType(values, JWT_BEARER), new Field<>("assertion", values.assertion(), Role.GRANT));
        }

        @Override
        public boolean clientAuthenticates() {
            return false;
        }
    }
}
