package dev.connectorruntime.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Masking;
import dev.connectorruntime.http.Cancellation;
import java.io.IOException;
import java.util.BitSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One action over many inputs (SPEC §13): the lines of a {@link JsonLines} read one at a time, each called with at
 * most {@code concurrency} calls at once and at most the {@link Pace}, each answered by one output line in input
 * order (the {@link Window} holds at most {@value #WINDOW_PER_CALL}× {@code concurrency} lines, so memory stays flat
 * whatever the input's size).
 *
 * <ul>
 *   <li>Calls run one at a time until one has reached the API (an output, or the API's own error): the first
 *       obtains the token, and the others reuse it, so one token request serves the batch.</li>
 *   <li>A line's failure is that line's {@code error}, and the batch goes on; a fatal one (invalid definitions or a
 *       missing secret, authentication refused) stops it: the calls in flight are cancelled, every finished line
 *       is written and {@link #run} throws that failure.</li>
 *   <li>An interrupt of the thread running the batch (Ctrl-C) does the same and throws {@code interrupted}.</li>
 *   <li>When the output refuses a line (a pipe to {@code head} closed), the batch stops quietly.</li>
 * </ul>
 */
public final class Batch {

    static final int WINDOW_PER_CALL = 4;
    private static final long STOP_GRACE_MS = 2000;

    /** One call of the batch's action with one line's inputs. */
    @FunctionalInterface
    public interface Call {
        /** @throws Failure the call's failure, redacted */
        JsonNode call(ObjectNode inputs, Cancellation cancellation);
    }

    /** Where finished lines go, in input order. */
    public interface Sink {
        void write(ObjectNode line);

        /** Pushes what was written out; {@code false} when the output is gone (a closed pipe, a full disk). */
        boolean flush();
    }

    /** How it ended when it was not stopped by a failure. */
    public record Report(Tally.Counts counts, boolean outputGone) {
    }

    private final Call call;
    private final int concurrency;
    private final Pace pace;
    private final BitSet skip;
    private final Results results;
    private final Window window;
    private final Tally tally = new Tally();
    private final Cancellation cancellation = new Cancellation();
    private final AtomicReference<Failure> fatal = new AtomicReference<>();
    private volatile boolean reachedApi;

    /**
     * @param pace    {@code null} for as fast as {@code concurrency} allows
     * @param skip    line numbers not to run ({@code --resume}): they get no output line
     * @param masking every output line is masked JSON-aware by it
     */
    public Batch(Call call, int concurrency, Pace pace, BitSet skip, Masking masking, Sink sink) {
        this.call = call;
        this.concurrency = concurrency;
        this.pace = pace;
        this.skip = skip;
        this.results = new Results(masking);
        this.window = new Window(WINDOW_PER_CALL * concurrency, sink);
    }

    Window window() {
        return window;
    }

    /** The counts so far, for a progress line. */
    public Tally tally() {
        return tally;
    }

    /**
     * Runs every line, returns when each has its output line.
     *
     * @throws Failure    the fatal failure that stopped it, or {@code interrupted}
     * @throws IOException when the input cannot be read (the lines read before are answered)
     */
    public Report run(JsonLines lines) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, daemons());
        boolean interrupted = false;
        try {
            dispatch(lines, pool);
        } catch (InterruptedException | java.nio.channels.ClosedByInterruptException e) {
            interrupted = true;
        } catch (Failure f) {
            interrupted = f.kind() == Kind.INTERRUPTED;
            if (!interrupted) {
                throw f;
            }
        } finally {
            interrupted |= settle(pool, interrupted || window.stopped());
        }
        if (interrupted) {
            throw Failure.of(Kind.INTERRUPTED, "interrupted").code(Code.INTERRUPTED).build();
        }
        if (fatal.get() != null) {
            throw fatal.get();
        }
        return new Report(tally.counts(), window.outputGone());
    }

    private void dispatch(JsonLines lines, ExecutorService pool) throws IOException, InterruptedException {
        long nextStart = System.nanoTime();
        Line line;
        while (!window.stopped() && (line = lines.next()) != null) {
            tally.lineRead();
            if (line.number() <= Integer.MAX_VALUE && skip.get((int) line.number())) {
                tally.skipped();
                continue;
            }
            long seq = window.reserve();
            if (seq < 0) {
                break;
            }
            if (line instanceof Line.Bad bad) {
                tally.failed();
                window.complete(seq, results.error(bad.number(), bad.problem()));
                continue;
            }
            Line.Inputs inputs = (Line.Inputs) line;
            if (pace != null) {
                if (!window.awaitUntil(nextStart)) {
                    break;
                }
                nextStart = Math.max(System.nanoTime(), nextStart) + pace.intervalNanos();
            }
            if (reachedApi) {
                pool.execute(() -> work(seq, inputs));
            } else {
                work(seq, inputs); // alone, on this thread: Ctrl-C interrupts it as it would a single run
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
    }

    private void work(long seq, Line.Inputs line) {
        if (window.stopped()) {
            return; // queued when the batch stopped: never started
        }
        ObjectNode out;
        try {
            JsonNode output = call.call(line.values(), cancellation);
            reachedApi = true;
            tally.succeeded();
            out = results.output(line.number(), output);
        } catch (Failure f) {
            if (f.kind() == Kind.INTERRUPTED || window.stopped() && (f.kind() == Kind.CANCELLED
                    || f.kind() == Kind.CLOSED)) {
                if (f.kind() == Kind.INTERRUPTED) {
                    throw f;
                }
                return; // cancelled by the stop: this line did not finish
            }
            if (fatal(f)) {
                fatal.compareAndSet(null, f);
                stop();
            } else if (f.kind() == Kind.API) {
                reachedApi = true;
            }
            tally.failed();
            out = results.error(line.number(), f);
        } catch (RuntimeException e) {
            tally.failed();
            out = results.error(line.number(), Failure.of(Kind.INTERNAL, "internal error: " + e).code(Code.INTERNAL)
                    .hint("please report it").build());
        }
        window.complete(seq, out);
    }

    /** What makes every later line fail the same way: no point in going on. */
    static boolean fatal(Failure f) {
        return switch (f.kind()) {
            case INVALID, AUTH, CANCELLED, CLOSED -> true;
            default -> false;
        };
    }

    private void stop() {
        window.stop();
        cancellation.cancel();
    }

    /**
     * Lets the calls in flight finish (all of them after the last line; cancelled ones after a stop), then writes
     * what is left. Returns whether an interrupt came meanwhile.
     */
    private boolean settle(ExecutorService pool, boolean stopping) {
        boolean interrupted = false;
        if (stopping) {
            stop();
        }
        pool.shutdown();
        try {
            pool.awaitTermination(stopping ? STOP_GRACE_MS : Long.MAX_VALUE, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
            stop();
            try {
                pool.awaitTermination(STOP_GRACE_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException again) {
                Thread.currentThread().interrupt();
            }
        }
        window.finish();
        return interrupted;
    }

    private static java.util.concurrent.ThreadFactory daemons() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "batch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
