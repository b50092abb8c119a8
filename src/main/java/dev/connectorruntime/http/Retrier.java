package dev.connectorruntime.http;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.model.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.LongUnaryOperator;

/**
 * Sends a call, and sends it again when that is safe and may help (SPEC §6): refused connections and 429
 * always; 503 when the request may be resent or the server gave {@code Retry-After}; timeouts, resets, 502 and
 * 504 only when the request may be resent. Waits grow exponentially with full jitter, capped by
 * {@code max_delay}; a {@code Retry-After} is honoured exactly, and one longer than {@code max_delay} fails at
 * once.
 */
public final class Retrier {

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        /** Waits {@code d}, or less when the call is cancelled meanwhile. */
        default void sleep(Duration d, Cancellation cancellation) throws InterruptedException {
            sleep(d);
        }
    }

    /** Really waits, and stops waiting as soon as the call is cancelled. */
    public static final Sleeper REAL = new Sleeper() {
        @Override
        public void sleep(Duration d) throws InterruptedException {
            Thread.sleep(d.toMillis());
        }

        @Override
        public void sleep(Duration d, Cancellation cancellation) throws InterruptedException {
            cancellation.await(d);
        }
    };

    private static final long BASE_DELAY_MS = 500;

    private final HttpExecutor executor;
    private final Sleeper sleeper;
    private final LongUnaryOperator jitter;
    private final Clock clock;

    /**
     * @param jitter given an upper bound in ms, returns a wait in [0, bound]
     */
    public Retrier(HttpExecutor executor, Sleeper sleeper, LongUnaryOperator jitter, Clock clock) {
        this.executor = executor;
        this.sleeper = sleeper;
        this.jitter = jitter;
        this.clock = clock;
    }

    /** A retrier that really sleeps, with random jitter. */
    public static Retrier standard(HttpExecutor executor) {
        return new Retrier(executor, REAL,
                bound -> java.util.concurrent.ThreadLocalRandom.current().nextLong(bound + 1), Clock.systemUTC());
    }

    /**
     * Sends the call until it gets an answer worth returning. Non-2xx answers are returned, not thrown: the caller
     * knows what they mean.
     *
     * @throws Failure NETWORK when no answer came after the attempts allowed
     */
    public HttpResult send(HttpCall call, SendPolicy policy, CallContext context) {
        int max = policy.neverResend() ? 1 : policy.retry().maxAttempts();
        HttpListener listener = context.listener();
        for (int attempt = 1; ; attempt++) {
            HttpResult result;
            listener.sending(call, attempt, max);
            long start = System.nanoTime();
            try {
                result = executor.send(call, policy.timeout(), policy.maxBody(), context);
            } catch (NetworkException e) {
                listener.failed(call, e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
                boolean retryable = e.surelyNotSent() && !policy.neverResend()
                        || policy.mayResend() && (e.fault() == NetworkException.Fault.TIMEOUT
                        || e.fault() == NetworkException.Fault.RESET);
                if (!retryable || attempt >= max) {
                    throw networkFailure(e, attempt);
                }
                pause(call, e.fault() == NetworkException.Fault.STALE ? Duration.ZERO : backoff(attempt, policy),
                        attempt + 1, max, e.getMessage(), context);
                continue;
            } catch (Failure f) {
                listener.failed(call, f.getMessage(), Duration.ofNanos(System.nanoTime() - start));
                throw f;
            }
            listener.answered(call, result);
            Duration retryAfter = retryAfter(result);
            if (!retryable(result.status(), retryAfter != null, policy) || attempt >= max) {
                return result.afterAttempts(attempt);
            }
            if (retryAfter != null && retryAfter.compareTo(policy.retry().maxDelay()) > 0) {
                throw Failure.of(Kind.API, "the server answered " + result.status() + " and asked to wait "
                                + Durations.format(retryAfter) + " before trying again, more than `max_delay` ("
                                + Durations.format(policy.retry().maxDelay()) + ")")
                        .code(Code.RETRY_AFTER_TOO_LONG).status(result.status())
                        .apiError(result.body().length == 0 ? null : result.text())
                        .hint("try again later, or raise `retry.max_delay`").build();
            }
            pause(call, retryAfter != null ? retryAfter : backoff(attempt, policy), attempt + 1, max,
                    "the server answered " + result.status(), context);
        }
    }

    private static boolean retryable(int status, boolean hasRetryAfter, SendPolicy policy) {
        return switch (status) {
            case 429 -> true;
            case 503 -> policy.mayResend() || hasRetryAfter;
            case 502, 504 -> policy.mayResend();
            default -> false;
        };
    }

    private Duration backoff(int attempt, SendPolicy policy) {
        long cap = Math.min(policy.retry().maxDelay().toMillis(), BASE_DELAY_MS << Math.min(attempt - 1, 20));
        return Duration.ofMillis(jitter.applyAsLong(cap));
    }

    /** Waits before the next attempt; a wait that would end past the run's deadline fails at once instead. */
    private void pause(HttpCall call, Duration d, int nextAttempt, int max, String why, CallContext context) {
        Deadline deadline = context.deadline();
        if (deadline.isSet() && deadline.remaining().compareTo(d) <= 0) {
            throw deadline.failure(why + ", and attempt " + nextAttempt + " of " + max + " could start only in "
                    + Durations.format(d));
        }
        context.listener().retrying(call, d, nextAttempt, max);
        try {
            sleeper.sleep(d, context.cancellation());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failure.of(Kind.INTERRUPTED, "interrupted").code(Code.INTERRUPTED).build();
        }
        context.cancellation().check();
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date (RFC 9110 §10.2.3), or {@code null}. */
    Duration retryAfter(HttpResult result) {
        String value = result.header("Retry-After");
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (!v.isEmpty() && v.chars().allMatch(Character::isDigit) && v.length() < 10) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(clock.instant(), at.toInstant());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Failure networkFailure(NetworkException e, int attempts) {
        String suffix = HttpResult.attemptsSuffix(attempts);
        String hint = switch (e.fault()) {
            case REFUSED -> "is the server up, and is the URL's port right?";
            case STALE -> "the server closes idle connections: try again";
            case CONNECT_TIMEOUT -> "the host did not accept a connection: check the URL, a firewall or the proxy";
            case TIMEOUT -> "the server may be slow or unreachable: try again, or raise the connector's `timeout`";
            case DNS -> "check the host name in the connector's URL";
            case TLS -> "the server's certificate is not trusted: for a private CA set `tls.ca_file`";
            case RESET -> "the server or a proxy dropped the connection: try again";
        };
        Code code = switch (e.fault()) {
            case REFUSED -> Code.CONNECTION_REFUSED;
            case CONNECT_TIMEOUT -> Code.CONNECT_TIMEOUT;
            case TIMEOUT -> Code.TIMEOUT;
            case DNS -> Code.DNS;
            case TLS -> Code.TLS;
            case RESET, STALE -> Code.CONNECTION_RESET;
        };
        return Failure.of(Kind.NETWORK, e.getMessage() + suffix).code(code).hint(hint).cause(e).build();
    }
}
