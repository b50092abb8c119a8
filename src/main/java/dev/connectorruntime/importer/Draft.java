package dev.connectorruntime.importer;

import java.util.List;

/**
 * What one import produced, before it is written: the connectors it would create, the actions (each naming a
 * connector of this draft or of the workspace), and the report of what was carried, approximated and dropped.
 */
public record Draft(List<ConnectorDraft> connectors, List<ActionDraft> actions, Report report) {

    public Draft {
        connectors = List.copyOf(connectors);
        actions = List.copyOf(actions);
    }
}
