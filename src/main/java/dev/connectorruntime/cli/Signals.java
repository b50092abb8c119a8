package dev.connectorruntime.cli;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Signals a long-running command handles itself ({@code serve}, SPEC §11): the JVM's own handling of SIGTERM and
 * SIGINT runs the shutdown hooks and then exits 143 or 130 whatever they do, and a hook that calls
 * {@code System.exit} deadlocks. A handler installed here only counts a latch down; the command drains and
 * returns, and the process exits with the command's code. {@code sun.misc.Signal} is in {@code jdk.unsupported},
 * the supported home of this API since JDK 9.
 */
final class Signals {

    private Signals() {
    }

    /** A latch counted down by the first of these signals (names without {@code SIG}). */
    static CountDownLatch stopOn(String... names) {
        CountDownLatch stop = new CountDownLatch(1);
        for (String name : names) {
            try {
                Signal.handle(new Signal(name), s -> stop.countDown());
            } catch (IllegalArgumentException e) {
                // not a signal of this platform, or one the JVM keeps for itself
            }
        }
        return stop;
    }
}
