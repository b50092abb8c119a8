package dev.connectorruntime.auth;

import dev.connectorruntime.http.CallContext;

/**
 * Supplies the credentials of one connector's requests. One implementation per auth type; the token
 * endpoint client behind the OAuth2 one only does HTTP. Thread-safe: one authenticator serves every call of
 * its connector and credential set, so tokens are shared in memory and renewed once however many calls ask.
 */
public interface Authenticator {

    /**
     * Credentials for the next request. May ask the token endpoint (once, however many threads ask); a call that
     * waits for another's renewal stops waiting when it is cancelled or its deadline passes.
     *
     * @param context the asking call's listener, deadline and cancellation
     * @throws dev.connectorruntime.error.Failure AUTH when the token endpoint refuses, NETWORK when it does not
     *                                            answer, CANCELLED when the call is cancelled
     */
    Credentials credentials(CallContext context);

    /**
     * The API answered 401 to a request sent with {@code rejected}. Returns credentials to send it once more, or
     * {@code null} to give up, as OkHttp's {@code Authenticator} does. When {@code rejected} is no longer current
     * (another request already renewed), the current credentials are returned without asking again.
     */
    Credentials renew(Credentials rejected, CallContext context);

    /** Short words for {@code token} and traces: {@code oauth2 password}, {@code bearer}. */
    String describe();

    /** For {@code token CONNECTOR}: the type and, for OAuth2, the token in use (after {@link #credentials}). */
    default TokenStatus status() {
        return new TokenStatus(describe(), null, null, java.time.Instant.now());
    }
}
