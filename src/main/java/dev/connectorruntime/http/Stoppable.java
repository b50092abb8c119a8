package dev.connectorruntime.http;

/**
 * The one stretch of a call where its own thread may be interrupted: while it waits inside the JDK client's
 * synchronous {@code send}, which answers an interrupt by cancelling the exchange (JDK 17 has no other way to stop
 * a {@code send}). Nowhere else: an interrupt that reached a thread inside, say, the token cache's
 * {@code FileChannel} would close the channel, so {@link #stop} interrupts only between {@link #enter} and
 * {@link #exit}, and {@link #exit} clears an interrupt that came too late to matter. Ctrl-C's interrupt is not
 * this class's: it is told apart by {@link #exit()} returning {@code null}.
 */
final class Stoppable {

    /** Why the exchange was stopped. */
    enum Reason {
        CANCELLED,
        TIMED_OUT
    }

    private final Thread thread = Thread.currentThread();
    private volatile long deadline;
    private boolean inside;
    private boolean interrupted;
    private Reason reason;

    /** When the attempt times out ({@link System#nanoTime()}): read by the {@link Watchdog}. */
    long deadline() {
        return deadline;
    }

    void deadline(long nanos) {
        deadline = nanos;
    }

    /** @return {@code false} when the exchange was stopped before it began: do not begin it */
    synchronized boolean enter() {
        if (reason != null) {
            return false;
        }
        inside = true;
        return true;
    }

    /** Stops the exchange, from another thread; the first reason given is the one kept. */
    synchronized void stop(Reason why) {
        if (reason == null) {
            reason = why;
        }
        if (inside && !interrupted) {
            interrupted = true;
            thread.interrupt();
        }
    }

    /** Leaves the stretch; an interrupt of ours that the exchange did not consume is cleared. */
    synchronized Reason exit() {
        inside = false;
        if (interrupted) {
            Thread.interrupted();
        }
        return reason;
    }

}
