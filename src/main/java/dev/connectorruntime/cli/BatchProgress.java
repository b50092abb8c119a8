package dev.connectorruntime.cli;

import dev.connectorruntime.batch.Progress;
import dev.connectorruntime.batch.Tally;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The progress line of a batch on stderr at a terminal (SPEC §13), redrawn in place a few times a second, then
 * replaced by a one-line summary. The total is counted on a thread of its own for a regular file (stdin has none),
 * so a large file does not hold back the first call.
 */
class BatchProgress implements AutoCloseable {

    /** No progress line: stderr is not a terminal. */
    static final BatchProgress NONE = new BatchProgress(null, null, 0) {
        @Override
        public void close() {
        }
    };

    static final long PERIOD_MS = 250;
    private static final String ERASE_LINE = "\r\u001b[K";

    private final PrintWriter err;
    private final Tally tally;
    private final long start;
    private volatile long total = -1;
    private ScheduledExecutorService ticker;

    BatchProgress(PrintWriter err, Tally tally, long startNanos) {
        this.err = err;
        this.tally = tally;
        this.start = startNanos;
    }

    /** Starts redrawing; {@code file} is counted for the total, unless {@code null} (stdin). */
    static BatchProgress start(PrintWriter err, Tally tally, Path file) {
        BatchProgress p = new BatchProgress(err, tally, System.nanoTime());
        p.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "batch-progress");
            t.setDaemon(true);
            return t;
        });
        if (file != null && Files.isRegularFile(file)) {
            p.ticker.execute(() -> p.total = count(file));
        }
        p.ticker.scheduleAtFixedRate(p::draw, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
        return p;
    }

    /** The lines that hold something (not blank), as the batch counts them; {@code -1} when unreadable. */
    static long count(Path file) {
        long lines = 0;
        boolean content = false;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            byte[] chunk = new byte[64 * 1024];
            int n;
            while ((n = in.read(chunk)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = chunk[i];
                    if (b == '\n') {
                        lines += content ? 1 : 0;
                        content = false;
                    } else if (b != ' ' && b != '\t' && b != '\r') {
                        content = true;
                    }
                }
            }
            return lines + (content ? 1 : 0);
        } catch (IOException e) {
            return -1;
        }
    }

    String text() {
        return Progress.line(tally.counts(), total, Duration.ofNanos(System.nanoTime() - start));
    }

    private void draw() {
        err.print(ERASE_LINE + Terminal.line(text()));
        err.flush();
    }

    /** Stops redrawing and leaves the summary in its place. */
    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.println(ERASE_LINE + Progress.summary(tally.counts(), Duration.ofNanos(System.nanoTime() - start)));
        err.flush();
    }
}
