package dev.connectorruntime.model;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code retry: { max_attempts, max_delay }} (SPEC §6).
 *
 * @param maxAttempts attempts in all, the first one included
 * @param maxDelay    the longest single wait; a {@code Retry-After} beyond it fails at once
 */
public record RetryPolicy(@Min(value = 1, message = "must be at least 1") int maxAttempts, @NotNull Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }
}
