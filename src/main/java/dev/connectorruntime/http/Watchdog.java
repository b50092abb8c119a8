package dev.connectorruntime.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Stops the attempts that outlive their timeout. One daemon thread looks at the attempts in flight every
 * {@value #TICK_MS} ms while there are any, and sleeps otherwise: a timer per attempt put every call through one
 * contended queue (measured: 64 threads lost a tenth of their throughput to it). An attempt is stopped at most one
 * tick late. Thread-safe.
 */
final class Watchdog implements AutoCloseable {

    static final long TICK_MS = 10;

    private final Set<Stoppable> watched = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor thread;
    private volatile ScheduledFuture<?> ticking; // written under this

    Watchdog() {
        thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "connector-runtime-timeouts");
            t.setDaemon(true);
            return t;
        });
        thread.setRemoveOnCancelPolicy(true);
    }

    /** Stops {@code attempt} as timed out once {@code deadlineNanos} ({@link System#nanoTime()}) has passed. */
    void watch(Stoppable attempt, long deadlineNanos) {
        attempt.deadline(deadlineNanos);
        watched.add(attempt);
        if (ticking != null) {
            return; // the common case under load: no lock
        }
        synchronized (this) {
            if (ticking == null && !thread.isShutdown()) {
                ticking = thread.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
            }
        }
    }

    void unwatch(Stoppable attempt) {
        watched.remove(attempt);
    }

    private void tick() {
        long now = System.nanoTime();
        for (Stoppable s : watched) {
            if (now - s.deadline() >= 0) {
                s.stop(Stoppable.Reason.TIMED_OUT);
                watched.remove(s);
            }
        }
        synchronized (this) {
            if (watched.isEmpty() && ticking != null) {
                ticking.cancel(false);
                ticking = null;
                // an attempt added while ticking was still set was seen by no lock: it is in the set by now
                if (!watched.isEmpty()) {
                    ticking = thread.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        thread.shutdownNow();
        ticking = null;
    }
}
