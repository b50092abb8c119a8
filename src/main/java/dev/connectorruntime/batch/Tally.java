package dev.connectorruntime.batch;

import java.util.concurrent.atomic.AtomicLong;

/** What a batch has done so far, read by the progress line while calls finish on other threads. */
public final class Tally {

    private final AtomicLong read = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    /** A snapshot of the counts. */
    public record Counts(long read, long succeeded, long failed, long skipped) {

        /** Lines answered in this run, succeeded or failed. */
        public long done() {
            return succeeded + failed;
        }
    }

    void lineRead() {
        read.incrementAndGet();
    }

    void succeeded() {
        succeeded.incrementAndGet();
    }

    void failed() {
        failed.incrementAndGet();
    }

    void skipped() {
        skipped.incrementAndGet();
    }

    public Counts counts() {
        return new Counts(read.get(), succeeded.get(), failed.get(), skipped.get());
    }
}
