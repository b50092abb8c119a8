package dev.connectorruntime.cli;

import dev.connectorruntime.error.Kind;

/** The one table of exit codes, for every command (SPEC §7). */
final class ExitCodes {

    static final int OK = 0;

    private ExitCodes() {
    }

    static int of(Kind kind) {
        return kind.exitCode();
    }
}
