package dev.connectorruntime.cli;

import dev.connectorruntime.error.Kind;

/** The one table of exit codes, for every command (SPEC §7). */
final class ExitCodes {

    static final int OK = 0;

    /**
     * {@code run --batch} whose stdout was closed under it (a pipe to {@code head}): it stops quietly with the code
     * of a program ended by SIGPIPE (128 + 13), as {@code yes | head} reports under {@code set -o pipefail}.
     */
    static final int OUTPUT_CLOSED = 141;

    private ExitCodes() {
    }

    static int of(Kind kind) {
        return kind.exitCode();
    }
}
