package dev.connectorruntime.importer;

/**
 * A connector's {@code auth} block as an import writes it (SPEC §2): one record per type and grant. Credential
 * values are {@code <<placeholders>>}, never literals (SPEC §12: no secret in YAML).
 */
public sealed interface AuthDraft {

    /** {@code type: none}: the block is left out. */
    record None() implements AuthDraft {
    }

    /** {@code type: basic}. */
    record Basic(String username, String password) implements AuthDraft {
    }

    /** {@code type: bearer}. */
    record Bearer(String token) implements AuthDraft {
    }

    /**
     * {@code type: api_key}.
     *
     * @param in    {@code header} or {@code query}
     * @param name  the header or query parameter
     * @param value the key, with any prefix the API wants ({@code Token <<x_api_key>>})
     */
    record ApiKey(String in, String name, String value) implements AuthDraft {
    }

    /**
     * {@code type: oauth2} with one of our grants ({@code client_credentials}, {@code password},
     * {@code refresh_token}); fields a grant does not use are {@code null}.
     */
    record OAuth2(String grantType, String tokenUrl, String clientId, String clientSecret, String username,
                  String password, String refreshToken, String scope, String clientAuth) implements AuthDraft {

        public OAuth2 withTokenUrl(String url) {
            return new OAuth2(grantType, url, clientId, clientSecret, username, password, refreshToken, scope,
                    clientAuth);
        }
    }
}
