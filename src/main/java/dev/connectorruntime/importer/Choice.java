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
 * (kept as it is, even with {@code --force}: it may have been edited since).
 *
 * @param connectors the connectors to write
 * @param actions    the actions, each naming its connector
 * @param used       the workspace's connectors the actions use
 */
record Choice(List<ConnectorDraft> connectors, List<ActionDraft> actions, Set<String> used) {

    static Choice make(Draft draft, String named, Map<String, Connector> existing, Report report) {
        Map<String, String> replaced = new LinkedHashMap<>();
        Map<String, String> prefixes = new LinkedHashMap<>(); // draft connector → path prefix its actions lose
        List<ConnectorDraft> write = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        if (named != null) {
            if (existing.containsKey(named)) {
                used.add(named);
                for (ConnectorDraft c : draft.connectors()) {
                    replaced.put(c.name(), named);
                    String prefix = prefix(c, existing.get(named), draft.actions());
                    if (prefix != null) {
                        prefixes.put(c.name(), prefix);
                    }
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
                // the workspace's connector is never rewritten when it serves: the user may have edited it
                Connector same = sameBaseUrl(c, existing, draft.actions());
                if (same != null) {
                    replaced.put(c.name(), same.name());
                    prefixes.put(c.name(), prefix(c, same, draft.actions()));
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
            String prefix = prefixes.get(a.connector());
            ActionDraft moved = a.withConnector(to);
            if (prefix != null && !prefix.isEmpty()) {
                RequestDraft r = a.request();
                String rest = r.path().substring(prefix.length());
                moved = moved.withRequest(new RequestDraft(r.method(), rest.isEmpty() ? "/" : rest, r.query(),
                        r.headers(), r.body()));
            }
            actions.add(moved);
            if (existing.containsKey(to) && write.stream().noneMatch(c -> c.name().equals(to))) {
                used.add(to);
            }
        }
        return new Choice(write, actions, used);
    }

    private static String authNote(ConnectorDraft c) {
        return c.auth() instanceof AuthDraft.None ? "" : "; its auth stands for the source's";
    }

    /**
     * The workspace's connector whose base URL is the draft's, or the draft's with a path prefix that every one of
     * its actions' paths starts with ({@code https://api.shop.example/v2} for {@code /v2/orders}).
     */
    private static Connector sameBaseUrl(ConnectorDraft c, Map<String, Connector> existing, List<ActionDraft> all) {
        Connector any = null;
        for (Connector e : existing.values()) {
            if (prefix(c, e, all) != null) {
                // several connectors of one API differ by auth (an OpenAPI import writes one per scheme)
                if (sameAuth(c.auth(), e.auth())) {
                    return e;
                }
                any = any == null ? e : any;
            }
        }
        return any;
    }

    private static boolean sameAuth(AuthDraft draft, dev.connectorruntime.model.Auth auth) {
        if (draft instanceof AuthDraft.ApiKey k) {
            return auth instanceof dev.connectorruntime.model.Auth.ApiKey a && a.name().equalsIgnoreCase(k.name());
        }
        return draft instanceof AuthDraft.None && auth instanceof dev.connectorruntime.model.Auth.None
                || draft instanceof AuthDraft.Basic && auth instanceof dev.connectorruntime.model.Auth.Basic
                || draft instanceof AuthDraft.Bearer && auth instanceof dev.connectorruntime.model.Auth.Bearer
                || draft instanceof AuthDraft.OAuth2 && auth instanceof dev.connectorruntime.model.OAuth2;
    }

    /** The path prefix the workspace connector's base URL adds to the draft's, or {@code null} if it does not fit. */
    private static String prefix(ConnectorDraft c, Connector e, List<ActionDraft> all) {
        if (c.baseUrl() == null || e.baseUrl() == null) {
            return null;
        }
        String url = Fitting.url(c.baseUrl(), "", new Report());
        String theirs = strip(e.baseUrl().source());
        if (!theirs.startsWith(url)) {
            return null;
        }
        String prefix = theirs.substring(url.length());
        if (!prefix.isEmpty() && !prefix.startsWith("/")) {
            return null;
        }
        for (ActionDraft a : all) {
            String p = a.request().path();
            if (a.connector().equals(c.name()) && !(p.equals(prefix) || p.startsWith(prefix + "/"))) {
                return null;
            }
        }
        return prefix;
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
