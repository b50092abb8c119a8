package dev.connectorruntime.model;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code type: oauth2}: a token from {@code token_url}, one record per grant (SPEC §2).
 */
public sealed interface OAuth2 extends Auth
        permits OAuth2.ClientCredentials, OAuth2.Password, OAuth2.RefreshToken, OAuth2.JwtBearer {

    /** What every grant shares: the endpoint, the client and the token handling. */
    Client client();

    /** The {@code grant_type} as written in YAML. */
    String grantType();

    @Override
    default String type() {
        return "oauth2";
    }

    /** The grant's own templates, besides the client's. */
    List<SecretTemplate> grantTemplates();

    @Override
    default List<SecretTemplate> templates() {
        Client c = client();
        List<SecretTemplate> all = Auth.present(c.tokenUrl(), c.clientId(), c.clientSecret(), c.scope(), c.audience());
        all.addAll(c.tokenParams().values());
        all.addAll(grantTemplates());
        return all;
    }

    /** The grant's own credentials, besides the client secret. */
    Map<String, SecretTemplate> grantCredentials();

    @Override
    default Map<String, SecretTemplate> credentials() {
        Map<String, SecretTemplate> all = new LinkedHashMap<>(Auth.credential("client_secret", client().clientSecret()));
        all.putAll(grantCredentials());
        return all;
    }

    /** How client credentials reach the token endpoint. */
    enum ClientAuth {
        /** {@code client_id} and {@code client_secret} as form fields ({@code client_secret_post}). */
        BODY,
        /** HTTP Basic, each part form-encoded first (RFC 6749 §2.3.1). */
        BASIC
    }

    /**
     * The fields every grant shares.
     *
     * @param tokenUrl         where to ask
     * @param clientId         the client id ({@code iss} for the JWT bearer grant)
     * @param clientSecret     the client secret, or {@code null} (refresh token: optional; JWT bearer: none)
     * @param scope            requested scope, or {@code null}
     * @param audience         the {@code audience} form field (JWT bearer: the {@code aud} claim), or {@code null}
     * @param clientAuth       how the client authenticates
     * @param tokenParams      extra form fields
     * @param baseUrlFrom      the token-response field whose value becomes the base URL, or {@code null}
     * @param expiresInDefault the lifetime assumed when the response has no {@code expires_in}, or {@code null}
     * @param refreshMargin    how long before a known expiry to renew
     */
    record Client(SecretTemplate tokenUrl, SecretTemplate clientId, SecretTemplate clientSecret,
                  SecretTemplate scope, SecretTemplate audience, ClientAuth clientAuth,
                  Map<String, SecretTemplate> tokenParams, String baseUrlFrom, Duration expiresInDefault,
                  Duration refreshMargin) {

        public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofSeconds(60);

        public Client {
            Objects.requireNonNull(tokenUrl, "tokenUrl");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientAuth, "clientAuth");
            tokenParams = Copies.ordered(tokenParams);
            refreshMargin = refreshMargin == null ? DEFAULT_REFRESH_MARGIN : refreshMargin;
        }
    }

    /** {@code grant_type: client_credentials}. */
    record ClientCredentials(Client client) implements OAuth2 {
        @Override
        public String grantType() {
            return "client_credentials";
        }

        @Override
        public List<SecretTemplate> grantTemplates() {
            return List.of();
        }

        @Override
        public Map<String, SecretTemplate> grantCredentials() {
            return Map.of();
        }
    }

    /** {@code grant_type: password} (RFC 6749 §4.3): Salesforce's username-password flow. */
    record Password(Client client, SecretTemplate username, SecretTemplate password) implements OAuth2 {
        @Override
        public String grantType() {
            return "password";
        }

        @Override
        public List<SecretTemplate> grantTemplates() {
            return Auth.present(username, password);
        }

        @Override
        public Map<String, SecretTemplate> grantCredentials() {
            return Auth.credential("password", password);
        }
    }

    /** {@code grant_type: refresh_token} (RFC 6749 §6): a long-lived refresh token, rotated if the server says so. */
    record RefreshToken(Client client, SecretTemplate refreshToken) implements OAuth2 {
        @Override
        public String grantType() {
            return "refresh_token";
        }

        @Override
        public List<SecretTemplate> grantTemplates() {
            return Auth.present(refreshToken);
        }

        @Override
        public Map<String, SecretTemplate> grantCredentials() {
            return Auth.credential("refresh_token", refreshToken);
        }
    }

    /** {@code grant_type: jwt_bearer} (RFC 7523): an RS256 assertion signed with {@code private_key}. */
    record JwtBearer(Client client, SecretTemplate privateKey, SecretTemplate subject) implements OAuth2 {
        @Override
        public String grantType() {
            return "jwt_bearer";
        }

        @Override
        public List<SecretTemplate> grantTemplates() {
            return Auth.present(privateKey, subject);
        }

        @Override
        public Map<String, SecretTemplate> grantCredentials() {
            return Auth.credential("private_key", privateKey);
        }
    }
}
