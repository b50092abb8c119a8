package dev.connectorruntime.engine;

import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.load.Workspace;
import dev.connectorruntime.model.Connector;
import dev.connectorruntime.run.ConnectorSession;
import dev.connectorruntime.run.PreparedAction;
import dev.connectorruntime.run.Target;
import dev.connectorruntime.secret.SecretResolver;
import dev.connectorruntime.validate.Definitions;
import dev.connectorruntime.validate.ValidationStamps;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One set of definitions, as {@link ConnectorRuntime#reload()} swaps them: each action loaded, checked and compiled
 * on first use and kept; each connector's secrets resolved once. A definition that fails stays failed until the
 * next reload (an unknown action name is not kept: names come from callers). Thread-safe.
 */
final class Generation {

    private final Workspace workspace;
    private final ValidationStamps stamps;
    private final Map<String, Definitions.Pair> preloaded;
    private final Long maxBody;
    private final SecretResolver resolver;
    private final Map<String, Object> actions = new ConcurrentHashMap<>();
    private final Map<String, Object> connectors = new ConcurrentHashMap<>();
    private final Map<String, ConnectorSession> sessions = new ConcurrentHashMap<>();

    Generation(Workspace workspace, ValidationStamps stamps, Map<String, Definitions.Pair> preloaded, Long maxBody,
               SecretResolver resolver) {
        this.workspace = workspace;
        this.stamps = stamps;
        this.preloaded = Map.copyOf(preloaded);
        this.maxBody = maxBody;
        this.resolver = resolver;
    }

    Workspace workspace() {
        return workspace;
    }

    SecretResolver resolver() {
        return resolver;
    }

    /** @throws Failure USAGE for an unknown action; INVALID with every problem of the action or its connector */
    PreparedAction action(String name) {
        Object prepared = actions.get(name);
        if (prepared == null) {
            try {
                Definitions.Pair pair = preloaded.get(name);
                prepared = PreparedAction.compile(pair != null ? pair : Definitions.forRun(workspace, name, stamps),
                        maxBody);
            } catch (Failure f) {
                if (f.kind() == Kind.USAGE) {
                    throw f;
                }
                prepared = f;
            }
            Object raced = actions.putIfAbsent(name, prepared);
            prepared = raced != null ? raced : prepared;
        }
        if (prepared instanceof Failure f) {
            throw f.as(f.kind(), f.code());
        }
        return (PreparedAction) prepared;
    }

    /**
     * The connector's session, looked up once per set (a session's key hashes the whole connector model).
     *
     * @param open the session of these resolved secrets, shared across sets
     * @throws Failure INVALID naming every missing secret
     */
    ConnectorSession session(Connector connector, Target target,
                             Function<ConnectorSession.Resolved, ConnectorSession> open) {
        ConnectorSession session = sessions.get(connector.name());
        if (session != null) {
            return session;
        }
        ConnectorSession.Resolved resolved = secrets(connector, target);
        ConnectorSession opened = open.apply(resolved);
        ConnectorSession raced = sessions.putIfAbsent(connector.name(), opened);
        return raced != null ? raced : opened;
    }

    /** The connector's secrets, resolved once; a failure is kept. */
    private ConnectorSession.Resolved secrets(Connector connector, Target target) {
        Object resolved = connectors.computeIfAbsent(connector.name(), n -> {
            try {
                return ConnectorSession.resolve(connector, resolver, target);
            } catch (Failure f) {
                return f;
            }
        });
        if (resolved instanceof Failure f) {
            throw f.as(f.kind(), f.code());
        }
        return (ConnectorSession.Resolved) resolved;
    }
}
