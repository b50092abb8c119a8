package dev.connectorruntime.serve;

import java.time.Duration;

/**
 * The calls a server is answering, counted so that a stop can wait for them (SPEC §11: SIGTERM lets in-flight calls
 * finish within a grace period). JDK 17's {@code HttpServer.stop(delay)} waits the whole delay even when idle
 * (JDK-8304065), so the server waits here and then stops at once.
 */
final class InFlight {

    private int calls;
    private boolean closing;

    /** A call starts; {@code false} once the server is closing (the call is refused). */
    synchronized boolean enter() {
        if (closing) {
            return false;
        }
        calls++;
        return true;
    }

    synchronized void exit() {
        calls--;
        if (calls == 0) {
            notifyAll();
        }
    }

    synchronized int count() {
        return calls;
    }

    /**
     * Refuses new calls, then waits until none is left or {@code grace} has passed.
     *
     * @return whether every call finished
     */
    synchronized boolean drain(Duration grace) throws InterruptedException {
        closing = true;
        long end = System.nanoTime() + grace.toNanos();
        while (calls > 0) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
