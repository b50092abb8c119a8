package dev.connectorruntime.http;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import java.time.Duration;
import java.util.List;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A handle that stops one call (SPEC §10): {@link #cancel()} from any thread makes the call fail with kind
 * {@code cancelled} at its next check: before each attempt, while it waits for a token renewal or a retry, and
 * during an exchange (the HTTP client's future is cancelled). Not thread interruption: interrupting a pooled
 * thread would close NIO channels such as the token cache's lock file, and interrupts are how Ctrl-C works.
 *
 * <p>Thread-safe. A handle may serve several calls; once cancelled it stays cancelled.
 */
public final class Cancellation {

    private final CountDownLatch cancelled = new CountDownLatch(1);
    /** Hooks of the exchanges in flight: one or two at a time, added and removed by every attempt. */
    private final List<Runnable> onCancel = new ArrayList<>(2); // guarded by itself
    private volatile Kind kind = Kind.CANCELLED;

    /** A new handle, not cancelled. */
    public Cancellation() {
    }

    /** Cancels the calls that use this handle. */
    public void cancel() {
        stop(Kind.CANCELLED);
    }

    /** Cancels as the engine does when it is closed under the call: the call fails with kind {@code closed}. */
    public void close() {
        stop(Kind.CLOSED);
    }

    private void stop(Kind why) {
        if (cancelled.getCount() == 0) {
            return;
        }
        kind = why;
        cancelled.countDown();
        List<Runnable> hooks;
        synchronized (onCancel) {
            hooks = new ArrayList<>(onCancel);
        }
        for (Runnable hook : hooks) {
            hook.run();
        }
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** @throws Failure {@code cancelled} (or {@code closed}) once the handle is cancelled */
    public void check() {
        if (isCancelled()) {
            throw failure();
        }
    }

    /** The failure a cancelled call ends with. */
    public Failure failure() {
        return kind == Kind.CLOSED
                ? Failure.of(Kind.CLOSED, "the connector runtime was closed while the call was in flight")
                        .code(Code.CLOSED).build()
                : Failure.of(Kind.CANCELLED, "the call was cancelled").code(Code.CANCELLED).build();
    }

    /**
     * Waits {@code d}, or less when the handle is cancelled meanwhile.
     *
     * @return whether the handle was cancelled
     */
    boolean await(Duration d) throws InterruptedException {
        return cancelled.await(d.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Runs {@code action} when the handle is cancelled (at once if it already is); the returned hook removes it. */
    public Runnable whenCancelled(Runnable action) {
        synchronized (onCancel) {
            onCancel.add(action);
        }
        if (isCancelled()) {
            action.run();
        }
        return () -> {
            synchronized (onCancel) {
                onCancel.remove(action);
            }
        };
    }
}
