package dev.connectorruntime.validate;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.load.YMap;
import dev.connectorruntime.load.YNode;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.ToolNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SPEC §11: every exposed action is served under its own tool name (and {@code operationId}), so two that map to
 * one name are an error, reported at the second, naming the first.
 */
final class ToolNameCheck {

    /** One action file as checked: what could be bound of it, and its tree. */
    record Checked(Path file, Action action, YNode root) {
    }

    private ToolNameCheck() {
    }

    static List<Problem> check(List<Checked> actions) {
        List<Problem> out = new ArrayList<>();
        Map<String, Checked> first = new HashMap<>();
        for (Checked c : actions) {
            if (c.action() == null || !c.action().tool().expose()) {
                continue;
            }
            String name = ToolNames.of(c.action());
            Checked earlier = first.putIfAbsent(name, c);
            if (earlier != null) {
                out.add(Problem.error(Code.TOOL_NAME_COLLISION, where(c),
                        shown(c.file()) + " and " + shown(earlier.file()) + " are both served as the tool `" + name
                                + "`",
                        "tool names must be unique among the exposed actions: set `tool: {name: …}` on one of them"
                                + " (or `tool: {expose: false}` to hide it)"));
            }
        }
        return out;
    }

    /** {@code tool.name} when it is written, else {@code name}, else the file. */
    private static Location where(Checked c) {
        if (c.root() instanceof YMap m) {
            if (m.get("tool") instanceof YMap tool && tool.get("name") != null) {
                return tool.get("name").location();
            }
            if (m.get("name") != null) {
                return m.get("name").location();
            }
        }
        return Location.of(c.file());
    }

    /** {@code actions/list-contacts.yaml}. */
    private static String shown(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        return (folder == null ? "" : folder.getFileName() + "/") + file.getFileName();
    }
}
