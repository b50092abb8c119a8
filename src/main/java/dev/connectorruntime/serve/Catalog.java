package dev.connectorruntime.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.engine.ActionInfo;
import dev.connectorruntime.engine.ConnectorRuntime;
import dev.connectorruntime.model.Request;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The actions a server exposes, by tool name (SPEC §11): the engine's catalog, less what {@code --actions},
 * {@code --read-only} and {@code tool: {expose: false}} leave out, less any action whose tool a client would refuse
 * (skipped with a warning, so that one bad action never hides the others). The same entries are MCP tools and
 * OpenAPI operations: one name, one description, one schema.
 *
 * @param entries the exposed actions by tool name, in the catalog's order
 */
record Catalog(Map<String, Entry> entries) {

    /**
     * One exposed action.
     *
     * @param name        the tool name (and {@code operationId}): {@code ^[a-zA-Z0-9_-]{1,64}$}
     * @param action      the engine's entry
     * @param description never empty
     * @param schema      the compiled input schema
     * @param readOnly    {@code tool: {read_only}} when set, else whether the method is GET or HEAD
     */
    record Entry(String name, ActionInfo action, String description, ObjectNode schema, boolean readOnly) {

        boolean destructive() {
            return action.method() == Request.Method.DELETE;
        }

        boolean idempotent() {
            return switch (action.method()) {
                case GET, HEAD, PUT, DELETE -> true;
                default -> action.idempotent();
            };
        }

        /** The description's first sentence, for an OpenAPI {@code summary}. */
        String summary() {
            String d = description.strip();
            int end = d.length();
            for (int i = 0; i < d.length(); i++) {
                char c = d.charAt(i);
                if (c == '\n' || ((c == '.' || c == '!' || c == '?')
                        && (i + 1 == d.length() || Character.isWhitespace(d.charAt(i + 1))))) {
                    end = c == '\n' ? i : i + 1;
                    break;
                }
            }
            String s = d.substring(0, end).strip();
            return s.length() <= 120 ? s : s.substring(0, 119) + "…";
        }
    }

    /** What a server was told to expose. */
    record Filter(Set<String> only, boolean readOnly) {
        static final Filter ALL = new Filter(Set.of(), false);

        boolean admits(ActionInfo a, boolean readOnlyAction) {
            return (only.isEmpty() || only.contains(a.name())) && (!readOnly || readOnlyAction) && a.tool().expose();
        }
    }

    Catalog {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** The catalog of the engine's current definitions; what is skipped is told to {@code warn}, one line each. */
    static Catalog of(ConnectorRuntime engine, Filter filter, Consumer<String> warn) {
        Map<String, Entry> out = new LinkedHashMap<>();
        for (ActionInfo a : engine.actions()) {
            boolean readOnly = a.tool().readOnly() != null ? a.tool().readOnly()
                    : a.method() == Request.Method.GET || a.method() == Request.Method.HEAD;
            if (!filter.admits(a, readOnly)) {
                continue;
            }
            String name = a.toolName();
            ObjectNode schema = a.inputSchema();
            List<String> problems = new ArrayList<>(ToolSchemas.problems(schema));
            if (out.containsKey(name)) {
                problems.add("its tool name `" + name + "` is taken by `" + out.get(name).action().name() + "`");
            }
            if (!problems.isEmpty()) {
                warn.accept("warning: action `" + a.name() + "` is not served: " + String.join("; ", problems));
                continue;
            }
            out.put(name, new Entry(name, a, description(a), schema, readOnly));
        }
        return new Catalog(out);
    }

    /**
     * SPEC §11: {@code tool.description} if set; else the action's description, then (after a blank line) its
     * connector's; else {@code METHOD path (connector)}. Never empty.
     */
    static String description(ActionInfo a) {
        if (present(a.tool().description())) {
            return a.tool().description().strip();
        }
        List<String> parts = new ArrayList<>(2);
        if (present(a.description())) {
            parts.add(a.description().strip());
        }
        if (present(a.connectorDescription())) {
            parts.add(a.connectorDescription().strip());
        }
        return parts.isEmpty() ? a.method() + " " + a.path() + " (" + a.connector() + ")" : String.join("\n\n", parts);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    Entry get(String toolName) {
        return entries.get(toolName);
    }

    List<Entry> list() {
        return List.copyOf(entries.values());
    }
}
