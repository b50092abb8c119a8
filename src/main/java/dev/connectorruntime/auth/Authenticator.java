package dev.connectorruntime.auth;

/**
 * Supplies the credentials of one connector's requests. One implementation per auth type; the token
 * endpoint client behind the OAuth2 one only does HTTP.
 */
public interface Authenticator {

    /**
     * Credentials for the next request. May ask the token endpoint (once, however many threads ask).
     *
     * @throws dev.connectorruntime.error.Failure AUTH when the token endpoint refuses, NETWORK when it does not
     *                                            answer
     */
    Credentials credentials();

    /**
     * The API answered 401 to a request sent with {@code rejected}. Returns credentials to send it once more, or
     * {@code null} to give up, as OkHttp's {@code Authenticator} does. When {@code rejected} is no longer current
     * (another request already renewed), the current credentials are returned without asking again.
     */
    Credentials renew(Credentials rejected);

    /** Short words for {@code token} and traces: {@code oauth2 password}, {@code bearer}. */
    String describe();

    /** For {@code token CONNECTOR}: the type and, for OAuth2, the token in use (after {@link #credentials()}). */
    default TokenStatus status() {
        return new TokenStatus(describe(), null, null, java.time.Instant.now());
    }
}
