package dev.connectorruntime.serve;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code serve} was told (SPEC §11).
 *
 * @param actions        expose only these actions; empty for all
 * @param readOnly       expose only GET and HEAD actions and those marked {@code tool: {read_only: true}}
 * @param maxOutput      the most JSON text of one MCP result, in bytes (default 64 KB)
 * @param concurrency    upstream calls in flight per connector (default 8)
 * @param queue          calls waiting per connector (default 256)
 * @param timeout        each call's deadline, its wait in the queue included (default 60 s)
 * @param http           the address of {@code --http}, or {@code null} for stdio
 * @param boundHost      the host named with {@code --http}, or {@code null}
 * @param maxRequest     the largest HTTP request body (default 1 MB)
 * @param allowedHosts   further {@code Host} names allowed
 * @param allowedOrigins further {@code Origin}s allowed
 * @param grace          how long calls in flight may take to finish after SIGTERM (default 10 s)
 * @param watch          whether definitions that change on disk are reloaded
 */
public record Settings(Set<String> actions, boolean readOnly, long maxOutput, int concurrency, int queue,
                       Duration timeout, InetSocketAddress http, String boundHost, long maxRequest,
                       Set<String> allowedHosts, Set<String> allowedOrigins, Duration grace, boolean watch) {

    public static final long MAX_OUTPUT = 64 * 1024;
    public static final int CONCURRENCY = 8;
    public static final int QUEUE = 256;
    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    public static final long MAX_REQUEST = 1024 * 1024;
    public static final Duration GRACE = Duration.ofSeconds(10);
    /** SPEC §11: after stdin ends, the calls in flight are answered within this. */
    public static final Duration STDIN_GRACE = Duration.ofSeconds(5);

    public Settings {
        actions = Set.copyOf(actions);
        allowedHosts = Set.copyOf(allowedHosts);
        allowedOrigins = Set.copyOf(allowedOrigins);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(grace, "grace");
    }

    /** The defaults, over stdio. */
    public static Settings defaults() {
        return new Settings(Set.of(), false, MAX_OUTPUT, CONCURRENCY, QUEUE, TIMEOUT, null, null, MAX_REQUEST,
                Set.of(), Set.of(), GRACE, true);
    }
}
