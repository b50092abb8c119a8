package dev.connectorruntime.auth;

import java.time.Instant;

/**
 * What {@code token CONNECTOR} shows: the auth type, and for OAuth2 the token in use with where it came from.
 * Printing it never reveals the token: only {@link #token()} gives it, for {@code --show}.
 */
public final class TokenStatus {

    private final String type;
    private final Token token;
    private final String baseUrl;
    private final Instant at;

    TokenStatus(String type, Token token, String baseUrl, Instant at) {
        this.type = type;
        this.token = token;
        this.baseUrl = baseUrl;
        this.at = at;
    }

    /** Short words for the auth type: {@code oauth2 password}, {@code bearer}. */
    public String type() {
        return type;
    }

    /** The token in use, or {@code null} for auth without tokens (none, basic, bearer, api_key). */
    public Token token() {
        return token;
    }

    /** The base URL requests go to: {@code base_url_from}'s value or {@code base_url}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** When the status was taken, on the authenticator's clock: what "expires in" counts from. */
    public Instant at() {
        return at;
    }

    /** The same status with the base URL in use. */
    public TokenStatus withBaseUrl(String url) {
        return new TokenStatus(type, token, url, at);
    }

    @Override
    public String toString() {
        return "TokenStatus[" + type + ", " + token + "]";
    }
}
