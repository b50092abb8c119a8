package dev.connectorruntime.bind;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.load.YMap;
import dev.connectorruntime.load.YScalar;
import dev.connectorruntime.model.Tool;
import dev.connectorruntime.model.ToolNames;
import java.util.List;

/** {@code tool: { name, description, read_only, expose }}: how an action is served (SPEC §11). */
final class ToolBinder {

    private ToolBinder() {
    }

    static Tool bind(Fields parent, List<Problem> problems) {
        YMap m = parent.map("tool", false);
        if (m == null) {
            return Tool.DEFAULT;
        }
        Fields f = new Fields(m, "`tool`", problems);
        String name = name(f.scalar("name", false), problems);
        YScalar d = f.scalar("description", false);
        String description = d == null ? null : d.text();
        if (description != null && description.isBlank()) {
            problems.add(Problem.error(Code.BAD_VALUE, d.location(), "`tool.description` must not be empty",
                    "describe what the tool does, or remove `description` to use the action's"));
            description = null;
        }
        Boolean readOnly = f.bool("read_only");
        Boolean expose = f.bool("expose");
        f.finish();
        return new Tool(name, description, readOnly, !Boolean.FALSE.equals(expose));
    }

    private static String name(YScalar s, List<Problem> problems) {
        if (s == null) {
            return null;
        }
        if (!ToolNames.isValid(s.text())) {
            problems.add(Problem.error(Code.BAD_NAME, s.location(), "`" + s.text() + "` is not a valid tool name",
                    "tool names are 1 to 64 letters, digits, `_` and `-` (the rule MCP clients apply), such as `"
                            + ToolNames.from(s.text()) + "`"));
            return null;
        }
        return s.text();
    }
}
