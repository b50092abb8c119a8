package dev.connectorruntime.serve;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.http.Cancellation;
import dev.connectorruntime.http.Deadline;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The per-connector admission of SPEC §11: at most {@code concurrency} calls of one connector run at a time; the
 * next ones wait in a FIFO queue of at most {@code queue} calls, each for at most its deadline; a call that finds
 * the queue full fails at once with kind {@code overloaded}. A waiting call holds no thread: the work runs on a
 * daemon thread of this pool only once admitted, so a thousand queued calls cost a thousand small objects.
 *
 * <p>Thread-safe. Each lane is guarded by its own monitor; the deadlines of waiting calls are kept by one
 * scheduler thread.
 */
final class Lanes implements AutoCloseable {

    private final int concurrency;
    private final int queue;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;

    Lanes(int concurrency, int queue) {
        if (concurrency < 1 || queue < 0) {
            throw new IllegalArgumentException("concurrency " + concurrency + ", queue " + queue);
        }
        this.concurrency = concurrency;
        this.queue = queue;
        this.workers = Executors.newCachedThreadPool(daemons("serve-call-"));
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, daemons("serve-queue-timer-"));
        t.setRemoveOnCancelPolicy(true); // a call admitted in time takes its timer out of the queue at once
        this.timers = t;
    }

    /**
     * Runs {@code work} once the connector has a free slot.
     *
     * @return its result, or a failure: {@code overloaded} when the queue is full, {@code cancelled} (code
     *         {@code queue-timeout}) when the deadline passed while waiting, the handle's failure when cancelled
     *         while waiting, or whatever {@code work} threw
     */
    <T> CompletableFuture<T> submit(String connector, Deadline deadline, Cancellation cancellation,
                                    Supplier<T> work) {
        Task<T> task = new Task<>(work);
        lanes.computeIfAbsent(connector, c -> new Lane()).offer(task, deadline, cancellation);
        return task.result;
    }

    /** Calls running and waiting, over every connector. */
    int load() {
        int n = 0;
        for (Lane l : lanes.values()) {
            n += l.load();
        }
        return n;
    }

    @Override
    public void close() {
        timers.shutdownNow();
        workers.shutdown();
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private final class Lane {
        private final ArrayDeque<Task<?>> waiting = new ArrayDeque<>();
        private int running;

        synchronized int load() {
            return running + waiting.size();
        }

        void offer(Task<?> task, Deadline deadline, Cancellation cancellation) {
            synchronized (this) {
                if (running < concurrency) {
                    running++;
                    start(task);
                    return;
                }
                if (waiting.size() >= queue) {
                    task.result.completeExceptionally(Failure.of(Kind.OVERLOADED, "the connector's queue is full ("
                                    + queue + " calls wait for one of " + concurrency + " slots)")
                            .code(Code.OVERLOADED)
                            .hint("try again in a moment; the server's --concurrency and --queue set these limits")
                            .build());
                    return;
                }
                waiting.add(task);
            }
            if (deadline.isSet()) {
                Duration left = deadline.remaining();
                task.timer = timers.schedule(() -> abandon(task, Failure.of(Kind.CANCELLED,
                                "the call waited in its connector's queue past its deadline")
                        .code(Code.QUEUE_TIMEOUT)
                        .hint("the connector's " + concurrency + " slots stayed busy; raise the call's timeout or"
                                + " the server's --concurrency")
                        .build()), left.toNanos(), TimeUnit.NANOSECONDS);
            }
            if (cancellation != null) {
                task.unhook = cancellation.whenCancelled(() -> abandon(task, cancellation.failure()));
            }
        }

        private void abandon(Task<?> task, Failure why) {
            boolean removed;
            synchronized (this) {
                removed = waiting.remove(task);
            }
            if (removed) {
                task.settle();
                task.result.completeExceptionally(why);
            }
        }

        /** Runs a task already counted in {@code running}; called holding this lane's lock. */
        private void start(Task<?> task) {
            task.settle();
            try {
                workers.execute(() -> {
                    try {
                        task.run();
                    } finally {
                        finished();
                    }
                });
            } catch (RejectedExecutionException e) {
                // closed: this call and every waiting one end with `closed`
                running--;
                Failure closed = Failure.of(Kind.CLOSED, "the server closed before the call could run")
                        .code(Code.CLOSED).build();
                task.result.completeExceptionally(closed);
                for (Task<?> t; (t = waiting.poll()) != null; ) {
                    t.settle();
                    t.result.completeExceptionally(closed);
                }
            }
        }

        private void finished() {
            synchronized (this) {
                Task<?> next = waiting.poll();
                if (next == null) {
                    running--;
                    return;
                }
                start(next);
            }
        }
    }

    private static final class Task<T> {
        final CompletableFuture<T> result = new CompletableFuture<>();
        final Supplier<T> work;
        volatile ScheduledFuture<?> timer;
        volatile Runnable unhook;

        Task(Supplier<T> work) {
            this.work = work;
        }

        /** It left the queue: its timer and cancellation hook have nothing left to do. */
        void settle() {
            ScheduledFuture<?> t = timer;
            if (t != null) {
                t.cancel(false);
            }
            Runnable u = unhook;
            if (u != null) {
                u.run();
            }
        }

        void run() {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }
    }
}
