package dev.connectorruntime.run;

import dev.connectorruntime.http.HttpCall;
import dev.connectorruntime.http.HttpListener;
import dev.connectorruntime.http.HttpResult;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts one call's attempts (token requests included) for its metadata, passing every event on. */
final class CallStats implements HttpListener {

    private final HttpListener next;
    private final AtomicInteger attempts = new AtomicInteger();

    CallStats(HttpListener next) {
        this.next = next;
    }

    int attempts() {
        return attempts.get();
    }

    @Override
    public void sending(HttpCall call, int attempt, int maxAttempts) {
        attempts.incrementAndGet();
        next.sending(call, attempt, maxAttempts);
    }

    @Override
    public void answered(HttpCall call, HttpResult result) {
        next.answered(call, result);
    }

    @Override
    public void failed(HttpCall call, String what, Duration elapsed) {
        next.failed(call, what, elapsed);
    }

    @Override
    public void retrying(HttpCall call, Duration wait, int nextAttempt, int maxAttempts) {
        next.retrying(call, wait, nextAttempt, maxAttempts);
    }
}
