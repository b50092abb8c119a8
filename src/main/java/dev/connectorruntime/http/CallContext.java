package dev.connectorruntime.http;

import java.util.Objects;

/**
 * What belongs to one call rather than to the long-lived pieces it runs through (the HTTP client, the
 * authenticator): who watches its requests, its total deadline, and its cancellation handle. Passed down
 * explicitly, never kept in a thread-local.
 *
 * @param listener     sees every attempt of the call, token requests included ({@code -v})
 * @param deadline     the call's total deadline, across the token request, retries and pages ({@code --timeout})
 * @param cancellation stops the call from another thread
 */
public record CallContext(HttpListener listener, Deadline deadline, Cancellation cancellation) {

    /** Nobody listening, no deadline, never cancelled. */
    public static final CallContext NONE = new CallContext(HttpListener.NONE, Deadline.NONE, new Cancellation());

    public CallContext {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(cancellation, "cancellation");
    }

    /** Fails when the call was cancelled or its deadline has passed; {@code detail} says what was about to happen. */
    public void check(String detail) {
        cancellation.check();
        if (deadline.passed()) {
            throw deadline.failure(detail);
        }
    }
}
