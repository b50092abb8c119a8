package dev.connectorruntime.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SPEC §7: exit 130, no stack trace, locks released). The JVM answers SIGINT by running its shutdown hooks
 * and exiting with 130; this hook first interrupts the thread running the command and waits a little for it to
 * finish, so that its {@code finally} blocks run (file locks, the HTTP client) and it prints its one-line
 * {@code interrupted} message. The runtime turns an interrupt anywhere into a {@code Failure} of kind
 * {@code INTERRUPTED}.
 */
final class Interrupts implements Runnable {

    static final Duration GRACE = Duration.ofSeconds(3);

    private final Thread command;
    private final Duration grace;
    private final CountDownLatch finished = new CountDownLatch(1);

    Interrupts(Thread command, Duration grace) {
        this.command = command;
        this.grace = grace;
    }

    /** Installs the hook for the command running on {@code command}. */
    static Interrupts install(Thread command) {
        Interrupts interrupts = new Interrupts(command, GRACE);
        Runtime.getRuntime().addShutdownHook(new Thread(interrupts, "ctrl-c"));
        return interrupts;
    }

    /** The command is over and its output flushed: the hook has nothing left to wait for. */
    void finished() {
        finished.countDown();
    }

    @Override
    public void run() {
        if (finished.getCount() == 0) {
            return;
        }
        command.interrupt();
        try {
            finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
