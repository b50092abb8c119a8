package dev.connectorruntime.engine;

import dev.connectorruntime.auth.TokenStore;
import dev.connectorruntime.http.HttpExecutor;
import dev.connectorruntime.http.Proxies;
import dev.connectorruntime.http.Retrier;
import dev.connectorruntime.run.ConnectorSession;
import dev.connectorruntime.secret.Redactor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a runtime keeps across calls and reloads: one HTTP client per connector setting (the CA file; proxies are
 * the runtime's), and one session per connector and credential set, so that its tokens are shared by every
 * thread. A reload keeps the sessions the new set uses again and lets go of the others. Thread-safe.
 */
final class Sessions implements AutoCloseable {

    private final Proxies proxies;
    private final Function<HttpExecutor, Retrier> retriers;
    private final Clock clock;
    private final TokenStore tokens;
    private final Redactor redactor;
    private final Map<Optional<Path>, HttpExecutor> executors = new ConcurrentHashMap<>();
    private final Map<Optional<Path>, Retrier> retrierByCa = new ConcurrentHashMap<>();
    private volatile Map<ConnectorSession.Key, ConnectorSession> current = new ConcurrentHashMap<>();
    private volatile Map<ConnectorSession.Key, ConnectorSession> previous = Map.of();

    Sessions(Proxies proxies, Function<HttpExecutor, Retrier> retriers, Clock clock, TokenStore tokens,
             Redactor redactor) {
        this.proxies = proxies;
        this.retriers = retriers;
        this.clock = clock;
        this.tokens = tokens;
        this.redactor = redactor;
    }

    /** The session of these resolved secrets: the one already open for an equal key, else a new one. */
    ConnectorSession session(ConnectorSession.Resolved resolved, Path caFile) {
        return current.computeIfAbsent(resolved.key(), k -> {
            ConnectorSession kept = previous.get(k);
            return kept != null && kept.sameDefinition(resolved.connector()) ? kept
                    : resolved.open(retrier(caFile), clock, tokens, redactor);
        });
    }

    /** A new set of definitions is in use: sessions it does not ask for again are let go at the next reload. */
    synchronized void rollOver() {
        previous = current;
        current = new ConcurrentHashMap<>();
    }

    private Retrier retrier(Path caFile) {
        Optional<Path> key = Optional.ofNullable(caFile);
        synchronized (retrierByCa) { // once per connector setting: clients are never built twice
            Retrier retrier = retrierByCa.get(key);
            if (retrier == null) {
                HttpExecutor executor = new HttpExecutor(caFile, proxies);
                executors.put(key, executor);
                retrier = retriers.apply(executor);
                retrierByCa.put(key, retrier);
            }
            return retrier;
        }
    }

    /** Releases every HTTP client; calls still using one fail as closed. */
    @Override
    public void close() {
        for (HttpExecutor executor : executors.values()) {
            executor.close();
        }
    }
}
