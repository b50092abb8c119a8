package dev.connectorruntime.cli;

import dev.connectorruntime.batch.Batch;
import dev.connectorruntime.batch.JsonLines;
import dev.connectorruntime.batch.Resume;
import dev.connectorruntime.batch.Tally;
import dev.connectorruntime.engine.CallRequest;
import dev.connectorruntime.engine.ConnectorRuntime;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.http.HttpListener;
import dev.connectorruntime.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code run ACTION --batch FILE|-} (SPEC §13): opens the lines and the previous output, runs the {@link Batch} on the
 * engine a single run builds, prints its lines on stdout and, at a terminal, its progress on stderr; maps how it
 * ended to an exit code: 0 when every line succeeded, 5 ({@code batch-failed}) when some failed, the fatal failure's
 * own code when one stopped it, 130 after Ctrl-C, {@link ExitCodes#OUTPUT_CLOSED} when stdout was closed under it.
 *
 * @param action    the action run for every line
 * @param texts     {@code -i} values: they apply to every line and win over the line's own
 * @param timeout   {@code --timeout}: each line's deadline, or {@code null}
 * @param listener  {@code -v}, or {@link HttpListener#NONE}
 */
record BatchRun(String action, Map<String, String> texts, Duration timeout, HttpListener listener) {

    int run(BatchOptions options, Supplier<ConnectorRuntime> engines, Context context, PrintWriter out,
            PrintWriter err) {
        int concurrency = options.concurrency();
        BitSet skip = options.resume == null ? new BitSet()
                : Resume.succeeded(context.cwd().resolve(options.resume), options.resume.toString());
        String shown = options.file.equals("-") ? "stdin" : options.file;
        Path file = options.file.equals("-") ? null : context.cwd().resolve(options.file);
        try (InputStream in = open(file, shown, context); JsonLines lines = new JsonLines(in, shown);
             ConnectorRuntime runtime = engines.get()) {
            runtime.definitions(action); // an unknown action or invalid definitions stop the batch before its first line
            Batch batch = new Batch((inputs, cancellation) -> runtime.call(CallRequest.of(action).inputs(inputs)
                    .inputTexts(texts).timeout(timeout).listener(listener).cancellation(cancellation).build()).json(),
                    concurrency, options.rate, skip, context.redactor(), sink(out));
            Batch.Report report;
            try (BatchProgress progress = Terminal.isStderr() ? BatchProgress.start(err, batch.tally(), file)
                    : BatchProgress.NONE) {
                report = batch.run(lines);
            } catch (IOException e) {
                throw unreadable(shown, e);
            }
            if (report.outputGone()) {
                return ExitCodes.OUTPUT_CLOSED;
            }
            Tally.Counts c = report.counts();
            if (c.failed() > 0) {
                throw Failure.of(Kind.API, c.failed() + " of " + c.done() + (c.done() == 1 ? " line" : " lines")
                        + " failed" + (c.skipped() > 0 ? " (" + c.skipped() + " skipped by --resume)" : "")
                        + "; each failed line's error is on stdout").code(Code.BATCH_FAILED)
                        .hint("run the failed lines again with --resume OUTPUT: it skips the lines that succeeded")
                        .build();
            }
            return ExitCodes.OK;
        } catch (IOException e) {
            throw unreadable(shown, e);
        }
    }

    private static InputStream open(Path file, String shown, Context context) {
        if (file == null) {
            return context.stdin();
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw Failure.of(Kind.USAGE, "--batch: " + shown + " does not exist").code(Code.BATCH_FILE).build();
        } catch (IOException e) {
            throw unreadable(shown, e);
        }
    }

    private static Failure unreadable(String shown, IOException e) {
        return Failure.of(Kind.USAGE, "--batch: cannot read " + shown + ": " + e.getMessage()).code(Code.BATCH_FILE)
                .build();
    }

    /**
     * Lines on stdout, compact, each ended by LF whatever the platform; no flush per line (the window flushes
     * after each run of lines it writes). Control characters that Jackson leaves (C1, U+2028) are escaped as on
     * every other JSON the CLI prints.
     */
    private static Batch.Sink sink(PrintWriter out) {
        return new Batch.Sink() {
            @Override
            public void write(com.fasterxml.jackson.databind.node.ObjectNode line) {
                out.write(Terminal.escapeControls(Json.compact(line)));
                out.write('\n');
            }

            @Override
            public boolean flush() {
                return !out.checkError(); // flushes, and says whether any write failed
            }
        };
    }
}
