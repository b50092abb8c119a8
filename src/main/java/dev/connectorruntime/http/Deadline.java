package dev.connectorruntime.http;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.model.Durations;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The total deadline of a run ({@code --timeout}, SPEC §8): across the token request, retries and pages. No
 * attempt starts after it, no retry waits past it, and each attempt's own timeout is cut to what remains.
 */
public final class Deadline {

    /** No total deadline: only each attempt's own timeout applies. */
    public static final Deadline NONE = new Deadline(null, 0, System::nanoTime, true);

    private final Duration total;
    private final long end;
    private final LongSupplier nanoTime;
    private final boolean command;

    private Deadline(Duration total, long end, LongSupplier nanoTime, boolean command) {
        this.total = total;
        this.end = end;
        this.nanoTime = nanoTime;
        this.command = command;
    }

    /** A command's deadline ({@code --timeout}), {@code total} from now: its failure names the option. */
    public static Deadline after(Duration total) {
        return after(total, System::nanoTime);
    }

    /** A call's deadline in the engine, {@code total} from now: its failure speaks of the call's timeout. */
    public static Deadline forCall(Duration total) {
        return new Deadline(total, System.nanoTime() + total.toNanos(), System::nanoTime, false);
    }

    static Deadline after(Duration total, LongSupplier nanoTime) {
        return new Deadline(total, nanoTime.getAsLong() + total.toNanos(), nanoTime, true);
    }

    public boolean isSet() {
        return total != null;
    }

    /** What remains, never negative; very long when no deadline is set. */
    public Duration remaining() {
        if (total == null) {
            return Duration.ofNanos(Long.MAX_VALUE);
        }
        long left = end - nanoTime.getAsLong();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** {@code timeout}, or what remains when that is shorter. */
    public Duration cap(Duration timeout) {
        Duration left = remaining();
        return left.compareTo(timeout) < 0 ? left : timeout;
    }

    public boolean passed() {
        return total != null && remaining().isZero();
    }

    /**
     * The run's end: no answer in time (exit 6).
     *
     * @param detail what was going on, e.g. {@code "no answer yet from api.example.com:443"}, or {@code null}
     */
    public Failure failure(String detail) {
        String what = command ? "the run did not finish within --timeout " + Durations.format(total)
                : "the call did not finish within its timeout of " + Durations.format(total);
        return Failure.of(Kind.NETWORK, what + (detail == null ? "" : ": " + detail)).code(Code.DEADLINE)
                .hint(command ? "raise --timeout: it bounds the whole run (token request, retries, every page)"
                        : "raise the call's timeout: it bounds the whole call (token request, retries, every page)")
                .build();
    }
}
