package dev.connectorruntime.importer;

import dev.connectorruntime.model.Connector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which connectors an import writes and which of the workspace's its actions use (SPEC §12: "its connector if none
 * matches"): {@code --connector NAME} names one for every action (the workspace's if it has it, else the draft's
 * first, renamed); without it a draft connector whose base URL is a workspace connector's is that connector
 * (unless {@code --force} replaces the workspace's connector of the draft's name).
 *
 * @param connectors the connectors to write
 * @param actions    the actions, each naming its connector
 * @param used       the workspace's connectors the actions use
 */
record Choice(List<ConnectorDraft> connectors, List<ActionDraft> actions, Set<String> used) {

    static Choice make(Draft draft, String named, boolean force, Map<String, Connector> existing, Report report) {
        Map<String, String> replaced = new LinkedHashMap<>();
        List<ConnectorDraft> write = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        if (named != null) {
            if (existing.containsKey(named)) {
                used.add(named);
                for (ConnectorDraft c : draft.connectors()) {
                    replaced.put(c.name(), named);
                    report.carried("connector " + c.name() + " as the workspace's connector " + named
                            + " (--connector), kept as it is" + authNote(c));
                }
            } else {
                boolean first = true;
                for (ConnectorDraft c : draft.connectors()) {
                    replaced.put(c.name(), named);
                    if (first) {
                        write.add(new ConnectorDraft(named, c.description(), c.baseUrl(), c.auth(), c.headers(),
                                c.source()));
                        first = false;
                    } else {
                        report.dropped("connector " + c.name() + " (" + c.baseUrl() + ")",
                                "--connector " + named + " names one connector for every action");
                    }
                }
            }
        } else {
            for (ConnectorDraft c : draft.connectors()) {
                // --force replaces a connector of the same name; otherwise the workspace's is kept and used
                Connector same = force && existing.containsKey(c.name()) ? null : sameBaseUrl(c, existing);
                if (same != null) {
                    replaced.put(c.name(), same.name());
                    used.add(same.name());
                    report.carried("connector " + c.name() + " as the workspace's connector " + same.name()
                            + " (same base URL), kept as it is" + authNote(c));
                } else {
                    write.add(c);
                }
            }
        }
        List<ActionDraft> actions = new ArrayList<>();
        for (ActionDraft a : draft.actions()) {
            String to = replaced.getOrDefault(a.connector(), a.connector());
            actions.add(a.withConnector(to));
            if (existing.containsKey(to) && write.stream().noneMatch(c -> c.name().equals(to))) {
                used.add(to);
            }
        }
        return new Choice(write, actions, used);
    }

    private static String authNote(ConnectorDraft c) {
        return c.auth() instanceof AuthDraft.None ? "" : "; its auth stands for the source's";
    }

    private static Connector sameBaseUrl(ConnectorDraft c, Map<String, Connector> existing) {
        if (c.baseUrl() == null) {
            return null;
        }
        String url = Fitting.url(c.baseUrl(), "", new Report());
        for (Connector e : existing.values()) {
            if (e.baseUrl() != null && strip(e.baseUrl().source()).equals(url)) {
                return e;
            }
        }
        return null;
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
