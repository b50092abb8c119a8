package dev.connectorruntime.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Output in input order with bounded memory: a line is {@link #reserve() reserved} before its call starts and
 * written once it and every line before it have finished, so at most {@code capacity} lines are in flight or
 * waiting for an earlier one, whatever the input's size. Also the batch's one place to wait: every wait ends when
 * the batch {@link #stop() stops}.
 */
final class Window {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ObjectNode[] slots;
    private final Batch.Sink sink;
    /** Sequence numbers, in the order lines were reserved; guarded by {@link #lock}. */
    private long reserved;
    private long written;
    private volatile boolean stopped;
    private volatile boolean outputGone;

    Window(int capacity, Batch.Sink sink) {
        this.slots = new ObjectNode[capacity];
        this.sink = sink;
    }

    /** A place for the next line, once fewer than {@code capacity} are pending; {@code -1} once stopped. */
    long reserve() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!stopped && reserved - written >= slots.length) {
                changed.await();
            }
            return stopped ? -1 : reserved++;
        } finally {
            lock.unlock();
        }
    }

    /** The line of {@code seq} is finished: it is written with every finished line after it, up to the first gap. */
    void complete(long seq, ObjectNode line) {
        lock.lock();
        try {
            slots[(int) (seq % slots.length)] = line;
            boolean wrote = false;
            while (!outputGone && written < reserved && slots[(int) (written % slots.length)] != null) {
                int i = (int) (written % slots.length);
                sink.write(slots[i]);
                slots[i] = null;
                written++;
                wrote = true;
            }
            if (wrote && !sink.flush()) {
                outputGone = true;
                stopped = true;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * After a stop, once no call runs any more: every finished line not yet written, in input order, gaps (lines
     * whose call was cancelled) left out.
     */
    void finish() {
        lock.lock();
        try {
            for (; written < reserved && !outputGone; written++) {
                int i = (int) (written % slots.length);
                if (slots[i] != null) {
                    sink.write(slots[i]);
                    slots[i] = null;
                }
            }
            if (!sink.flush()) {
                outputGone = true;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until {@code System.nanoTime()} reaches {@code at}; {@code false} when the batch stopped first. */
    boolean awaitUntil(long at) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long left;
            while (!stopped && (left = at - System.nanoTime()) > 0) {
                changed.awaitNanos(left);
            }
            return !stopped;
        } finally {
            lock.unlock();
        }
    }

    /** Ends every wait; no line is reserved from now on. */
    void stop() {
        stopped = true;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean stopped() {
        return stopped;
    }

    /** Whether the output refused a line: the batch ends quietly, as a program in a pipe to {@code head} does. */
    boolean outputGone() {
        return outputGone;
    }

    /** Lines reserved and not yet written: what the window holds. */
    long pending() {
        lock.lock();
        try {
            return reserved - written;
        } finally {
            lock.unlock();
        }
    }
}
