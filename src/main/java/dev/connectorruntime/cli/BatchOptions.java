package dev.connectorruntime.cli;

import dev.connectorruntime.batch.Pace;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code run}'s options for a batch (SPEC §13), a mixin of {@link RunCommand}. */
final class BatchOptions {

    static final int DEFAULT_CONCURRENCY = 4;
    static final int MAX_CONCURRENCY = 256;

    @Option(names = "--batch", paramLabel = "FILE|-",
            description = "Run the action once per line of FILE (or stdin): one JSON object of inputs a line; -i values"
                    + " apply to every line and win. Prints one JSON line per input, in input order.")
    String file;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "With --batch: at most N calls at once (1-256, default 4).")
    Integer concurrency;

    @Option(names = "--rate", paramLabel = "N/s|N/m|N/h", converter = RateConverter.class,
            description = "With --batch: start at most N calls a second, minute or hour, evenly spaced.")
    Pace rate;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "With --batch: skip the lines a previous run's output (FILE) answered with an output.")
    Path resume;

    boolean active() {
        return file != null;
    }

    /** Refuses batch options on a single run. */
    void refuseWithoutBatch() {
        String given = concurrency != null ? "--concurrency" : rate != null ? "--rate" : resume != null
                ? "--resume" : null;
        if (given != null) {
            throw usage(given + " applies to a batch: add --batch FILE");
        }
    }

    /** The concurrency asked for, checked. */
    int concurrency() {
        int n = concurrency == null ? DEFAULT_CONCURRENCY : concurrency;
        if (n < 1 || n > MAX_CONCURRENCY) {
            throw usage("--concurrency must be between 1 and " + MAX_CONCURRENCY + ", not " + n);
        }
        return n;
    }

    /** {@code --batch} with an option that belongs to a single run. */
    static Failure notWith(String option, String why) {
        return Failure.of(Kind.USAGE, "--batch cannot be combined with " + option).code(Code.USAGE).hint(why)
                .build();
    }

    private static Failure usage(String message) {
        return Failure.of(Kind.USAGE, message).code(Code.USAGE).build();
    }
}
