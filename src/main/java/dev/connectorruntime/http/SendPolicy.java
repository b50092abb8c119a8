package dev.connectorruntime.http;

import dev.connectorruntime.model.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How one request may be sent (SPEC §6).
 *
 * @param retry       attempts and the longest wait
 * @param mayResend   the request may be sent again after an unclear failure (GET, HEAD, PUT, DELETE, or an
 *                    action marked {@code idempotent: true})
 * @param neverResend never sent twice, whatever happens (a refresh-token request: the old token may be spent)
 * @param timeout     per attempt, over the whole exchange
 * @param maxBody     the body cap in bytes
 */
public record SendPolicy(RetryPolicy retry, boolean mayResend, boolean neverResend, Duration timeout, long maxBody) {

    public SendPolicy {
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(timeout, "timeout");
    }
}
