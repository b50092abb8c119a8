package dev.connectorruntime.auth;

import dev.connectorruntime.http.CallContext;

/** Basic, bearer, API key and none: credentials that never change, so a 401 is final. */
final class FixedAuthenticator implements Authenticator {

    private final Credentials credentials;
    private final String description;

    FixedAuthenticator(Credentials credentials, String description) {
        this.credentials = credentials;
        this.description = description;
    }

    @Override
    public Credentials credentials(CallContext context) {
        return credentials;
    }

    @Override
    public Credentials renew(Credentials rejected, CallContext context) {
        return null;
    }

    @Override
    public String describe() {
        return description;
    }
}
