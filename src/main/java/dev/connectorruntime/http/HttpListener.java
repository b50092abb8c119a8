package dev.connectorruntime.http;

import java.time.Duration;

/**
 * Watches every attempt the runtime sends, token requests included: what {@code -v} prints. The {@code http}
 * package never prints; the CLI implements this and passes what it shows through the redactor.
 *
 * <p>Called on the sending thread, in order: {@link #sending}, then {@link #answered} or {@link #failed}, then
 * {@link #retrying} when the call is sent again. Implementations must not throw.
 */
public interface HttpListener {

    /** Listens to nothing. */
    HttpListener NONE = new HttpListener() {
    };

    /** Both listeners, {@code first} first. */
    static HttpListener both(HttpListener first, HttpListener second) {
        return new HttpListener() {
            @Override
            public void sending(HttpCall call, int attempt, int maxAttempts) {
                first.sending(call, attempt, maxAttempts);
                second.sending(call, attempt, maxAttempts);
            }

            @Override
            public void answered(HttpCall call, HttpResult result) {
                first.answered(call, result);
                second.answered(call, result);
            }

            @Override
            public void failed(HttpCall call, String what, Duration elapsed) {
                first.failed(call, what, elapsed);
                second.failed(call, what, elapsed);
            }

            @Override
            public void retrying(HttpCall call, Duration wait, int nextAttempt, int maxAttempts) {
                first.retrying(call, wait, nextAttempt, maxAttempts);
                second.retrying(call, wait, nextAttempt, maxAttempts);
            }
        };
    }

    /** An attempt is about to be sent. */
    default void sending(HttpCall call, int attempt, int maxAttempts) {
    }

    /** An answer arrived, whatever its status. */
    default void answered(HttpCall call, HttpResult result) {
    }

    /** No usable answer: what happened, and how long the attempt took. */
    default void failed(HttpCall call, String what, Duration elapsed) {
    }

    /** The call will be sent again after {@code wait}. */
    default void retrying(HttpCall call, Duration wait, int nextAttempt, int maxAttempts) {
    }
}
