package dev.connectorruntime.auth;

import dev.connectorruntime.secret.Secret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one request carries to authenticate: headers, query parameters, and for OAuth2 the base URL the token
 * response named. Instances are compared by identity: {@link Authenticator#renew} uses that to tell whether
 * the credentials that got a 401 are still the current ones.
 */
public final class Credentials {

    /** No credentials at all ({@code auth.type: none}). */
    public static final Credentials NONE = new Credentials(Map.of(), Map.of(), null);

    private final Map<String, Secret> headers;
    private final Map<String, Secret> query;
    private final String baseUrl;

    public Credentials(Map<String, Secret> headers, Map<String, Secret> query, String baseUrl) {
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        this.baseUrl = baseUrl;
    }

    /** Headers to set; they win over the action's and the connector's (SPEC §4). */
    public Map<String, Secret> headers() {
        return headers;
    }

    /** Query parameters to add (an API key {@code in: query}). */
    public Map<String, Secret> query() {
        return query;
    }

    /** The base URL named by the token response ({@code base_url_from}), or {@code null}. */
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public String toString() {
        return "Credentials" + headers.keySet() + query.keySet();
    }
}
