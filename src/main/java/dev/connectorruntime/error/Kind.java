package dev.connectorruntime.error;

import java.util.Locale;

/**
 * What kind of failure ended a call or a command, and the exit code it ends a command with (SPEC §7, §10, §14):
 * the one table of exit codes. Front ends translate kinds into their own protocol (an exit code, an HTTP status,
 * an MCP {@code isError} result).
 */
public enum Kind {
    /** A bug or an unexpected state of the runtime itself. */
    INTERNAL(1),
    /** Unknown command, option, action, connector or example; a bad input value. */
    USAGE(2),
    /** Invalid definitions; a missing secret. */
    INVALID(3),
    /** The token endpoint refused; a 401 after renewal or from non-renewable auth. */
    AUTH(4),
    /** The API answered with an error, or with something that cannot be used. */
    API(5),
    /** No answer: refused, reset, DNS, TLS, timeout. */
    NETWORK(6),
    /** Ctrl-C. */
    INTERRUPTED(130),
    /**
     * The call was cancelled through its handle, or its deadline passed while it waited in a queue for its turn
     * (SPEC §11's {@code --concurrency}); a deadline that passes while the call runs is a {@code network} failure.
     */
    CANCELLED(130),
    /** The engine was closed while the call was queued or in flight. */
    CLOSED(130),
    /**
     * {@code serve} only: the connector's queue was full (SPEC §11), so the call was not admitted; try again later
     * (HTTP {@code 503} with {@code Retry-After}).
     */
    OVERLOADED(6),
    /** The {@code test} command only: an example did not hold. The engine never fails with it. */
    TEST(1);

    private final int exitCode;

    Kind(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The command's exit code for a failure of this kind. */
    public int exitCode() {
        return exitCode;
    }

    /** The kind as written in JSON: {@code auth}, {@code network}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The code a failure of this kind carries when nothing more precise was said. */
    Code defaultCode() {
        return switch (this) {
            case INTERNAL -> Code.INTERNAL;
            case USAGE -> Code.USAGE;
            case INVALID -> Code.INVALID_DEFINITIONS;
            case AUTH -> Code.UNAUTHORIZED;
            case API -> Code.API_ERROR;
            case NETWORK -> Code.CONNECTION_RESET;
            case INTERRUPTED -> Code.INTERRUPTED;
            case CANCELLED -> Code.CANCELLED;
            case CLOSED -> Code.CLOSED;
            case OVERLOADED -> Code.OVERLOADED;
            case TEST -> Code.EXAMPLES_FAILED;
        };
    }
}
