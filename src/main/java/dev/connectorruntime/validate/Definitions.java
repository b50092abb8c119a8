package dev.connectorruntime.validate;

import dev.connectorruntime.bind.ActionBinder;
import dev.connectorruntime.bind.ConnectorBinder;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.error.Suggestions;
import dev.connectorruntime.load.Workspace;
import dev.connectorruntime.load.YMap;
import dev.connectorruntime.load.YNode;
import dev.connectorruntime.load.YScalar;
import dev.connectorruntime.load.YamlLoader;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Connector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Loads what one command needs, and only that: for {@code run}, the action and its connector, each parsed,
 * bound and checked, every problem collected and reported together.
 */
public final class Definitions {

    /** An action and the connector it names. */
    public record Pair(Action action, Connector connector) {
    }

    /** SPEC §1: a definition's name, so a name given on the command line can never reach another folder. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

    private Definitions() {
    }

    /**
     * @throws Failure USAGE for an unknown action; INVALID with every problem of either file
     */
    public static Pair forRun(Workspace workspace, String actionName) {
        Path actionFile = workspace.actionFile(actionName);
        if (!NAME.matcher(actionName).matches() || !Files.isRegularFile(actionFile)) {
            throw unknownAction(workspace, actionName);
        }
        List<Problem> problems = new ArrayList<>();
        YNode tree = YamlLoader.load(actionFile);
        Action action = ActionBinder.bind(tree, actionFile, problems);
        if (action == null) {
            // still check the connector it names, so that one run reports the problems of both files
            if (tree instanceof YMap m && m.get("connector") instanceof YScalar s && NAME.matcher(s.text()).matches()
                    && Files.isRegularFile(workspace.connectorFile(s.text()))) {
                bindConnector(workspace.connectorFile(s.text()), problems);
            }
            throw Failure.invalid(problems);
        }
        Path connectorFile = workspace.connectorFile(action.connector());
        if (!Files.isRegularFile(connectorFile)) {
            List<String> names = workspace.connectorFiles().stream()
                    .map(p -> p.getFileName().toString().replaceFirst("\\.yaml$", "")).toList();
            String near = Suggestions.closest(action.connector(), names);
            problems.add(Problem.error("unknown-connector", action.connectorLocation(),
                    "connector `" + action.connector() + "` does not exist",
                    near != null ? "did you mean `" + near + "`?"
                            : "create " + workspace.dir().relativize(connectorFile) + ", or name an existing connector"));
            throw Failure.invalid(problems);
        }
        Connector connector = bindConnector(connectorFile, problems);
        if (connector == null) {
            throw Failure.invalid(problems);
        }
        return new Pair(action, connector);
    }

    /** The connector, or {@code null} with its problems (its YAML ones included) added to {@code problems}. */
    private static Connector bindConnector(Path file, List<Problem> problems) {
        try {
            return ConnectorBinder.bind(YamlLoader.load(file), file, problems);
        } catch (Failure f) {
            if (f.kind() != Kind.INVALID) {
                throw f;
            }
            problems.addAll(f.problems());
            return null;
        }
    }

    private static Failure unknownAction(Workspace workspace, String name) {
        List<String> names = workspace.actionNames();
        String near = Suggestions.closest(name, names);
        String hint;
        if (near != null) {
            hint = "did you mean `" + near + "`?";
        } else if (names.isEmpty()) {
            hint = "there is no action in " + workspace.dir().resolve("actions")
                    + ": run from a workspace, or pass --dir DIR";
        } else {
            hint = "`list` shows the actions";
        }
        return Failure.of(Kind.USAGE, "unknown action `" + name + "`").hint(hint).build();
    }
}
