package dev.connectorruntime.http;

import java.util.Objects;

/**
 * How an {@link HttpExecutor} reaches the network and who watches it.
 *
 * @param proxies  which proxy each URL goes through ({@link Proxies#fromEnvironment})
 * @param listener sees every attempt ({@code -v})
 * @param deadline the run's total deadline ({@code --timeout})
 */
public record ExecutorOptions(Proxies proxies, HttpListener listener, Deadline deadline) {

    /** Direct connections, nobody listening, no total deadline. */
    public static final ExecutorOptions DEFAULT = new ExecutorOptions(Proxies.NONE, HttpListener.NONE, Deadline.NONE);

    public ExecutorOptions {
        Objects.requireNonNull(proxies, "proxies");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(deadline, "deadline");
    }
}
