package dev.connectorruntime.model;

import java.util.Locale;
import java.util.Set;

/**
 * Header names a definition may not set (SPEC §4, issue 12). Connectors and actions alike: those the HTTP client
 * owns, because they frame the message or manage the connection (a {@code Transfer-Encoding} sent beside the
 * client's {@code Content-Length} would let the bytes of a body built from inputs become a second request at any
 * hop that honours it), and {@code Proxy-*}, which are meant for a proxy, not the API. Actions only:
 * {@code Authorization}, since credentials are the connector's. All case-insensitive.
 */
public final class ReservedHeaders {

    /** The headers the HTTP client owns, as a message lists them. */
    public static final String CLIENT_OWNED_LIST =
            "Host, Content-Length, Connection, Expect, Upgrade, Transfer-Encoding, TE, Trailer, Keep-Alive";

    private static final Set<String> CLIENT_OWNED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "te", "trailer", "keep-alive");

    private ReservedHeaders() {
    }

    /** Whether a connector (its {@code headers}, its API-key header) may not set {@code name}. */
    public static boolean forConnector(String name) {
        return CLIENT_OWNED.contains(name.toLowerCase(Locale.ROOT)) || isProxy(name);
    }

    /** Whether an action may not set {@code name}: what a connector may not, and {@code Authorization}. */
    public static boolean forAction(String name) {
        return forConnector(name) || name.equalsIgnoreCase("authorization");
    }

    /** {@code Proxy-Authorization}, {@code Proxy-Connection}, …: headers for a proxy. */
    public static boolean isProxy(String name) {
        return name.regionMatches(true, 0, "proxy-", 0, "proxy-".length());
    }
}
