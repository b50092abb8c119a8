package dev.connectorruntime.error;

/**
 * What kind of failure ended a command. The CLI maps each kind to one exit code (SPEC §7); nothing
 * else in the runtime knows the numbers.
 */
public enum Kind {
    /** A bug or an unexpected state of the runtime itself. */
    INTERNAL,
    /** Unknown command, option, action, connector or example; a bad input value. */
    USAGE,
    /** Invalid definitions; a missing secret. */
    INVALID,
    /** The token endpoint refused; a 401 after renewal or from non-renewable auth. */
    AUTH,
    /** The API answered with an error, or with something that cannot be used. */
    API,
    /** No answer: refused, reset, DNS, TLS, timeout. */
    NETWORK,
    /** Ctrl-C. */
    INTERRUPTED
}
