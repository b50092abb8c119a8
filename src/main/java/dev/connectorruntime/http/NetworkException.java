package dev.connectorruntime.http;

import java.io.IOException;

/** No usable answer: what kind of failure decides whether a request may be sent again (SPEC §6). */
final class NetworkException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What went wrong on the wire. */
    enum Fault {
        /** The server refused the connection: the request surely was not applied. */
        REFUSED,
        /** No connection within the connect timeout: the request was never sent. */
        CONNECT_TIMEOUT,
        /** No answer within the attempt's timeout. */
        TIMEOUT,
        /** The connection broke after the request may have been read. */
        RESET,
        /** The host name does not resolve. */
        DNS,
        /** TLS failed: retrying will not help. */
        TLS,
        /**
         * A pooled connection the server had closed while it was idle: it never read the request, so sending it
         * again on a new connection is safe.
         */
        STALE
    }

    private final Fault fault;

    NetworkException(Fault fault, String message, Throwable cause) {
        super(message, cause);
        this.fault = fault;
    }

    Fault fault() {
        return fault;
    }

    /** Whether the request surely did not reach the server, so that sending it again is always safe. */
    boolean surelyNotSent() {
        return fault == Fault.REFUSED || fault == Fault.CONNECT_TIMEOUT || fault == Fault.STALE;
    }
}
