package dev.connectorruntime.validate;

import dev.connectorruntime.bind.ActionBinder;
import dev.connectorruntime.bind.ConnectorBinder;
import dev.connectorruntime.error.Code;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
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

    /** A top-level {@code connector:} line, its value plain or quoted, maybe followed by a comment. */
    private static final Pattern CONNECTOR_LINE =
            Pattern.compile("(?m)^([\"']?)connector\\1:[ \t]*[\"']?([a-z][a-z0-9_-]*)[\"']?[ \t]*(?:#.*)?$");

    private Definitions() {
    }

    /**
     * @throws Failure USAGE for an unknown action; INVALID with every problem of either file
     */
    public static Pair forRun(Workspace workspace, String actionName) {
        return forRun(workspace, actionName, ValidationStamps.NONE);
    }

    /**
     * The same, skipping the full check of files the stamps say passed it unchanged (see {@link ValidationStamps}).
     */
    public static Pair forRun(Workspace workspace, String actionName, ValidationStamps stamps) {
        Path actionFile = workspace.actionFile(actionName);
        if (!NAME.matcher(actionName).matches() || !Files.isRegularFile(actionFile)) {
            throw unknownAction(workspace, actionName);
        }
        Validator.Checked<Action> action = Validator.action(actionFile, stamps);
        List<Problem> problems = new ArrayList<>(action.problems());
        String connectorName = action.partial() != null ? action.partial().connector()
                : action.root() instanceof YMap m && m.get("connector") instanceof YScalar s
                && NAME.matcher(s.text()).matches() ? s.text() : action.root() == null ? writtenConnector(actionFile)
                : null;
        Path connectorFile = connectorName == null ? null : workspace.connectorFile(connectorName);
        Connector connector = null;
        if (connectorFile != null && Files.isRegularFile(connectorFile)) {
            // checked even when the action has errors, so that one run reports the problems of both files
            Validator.Checked<Connector> checked = Validator.connector(connectorFile, stamps);
            problems.addAll(checked.problems());
            connector = checked.definition();
            if (action.partial() != null) {
                problems.addAll(Validator.crossCheck(action.partial(), checked.partial(), List.of(connectorName)));
            }
        } else if (action.partial() != null) {
            problems.addAll(Validator.crossCheck(action.partial(), null, workspace.connectorNames()));
        }
        if (action.definition() == null || connector == null || problems.stream().anyMatch(Problem::isError)) {
            throw Failure.invalid(problems);
        }
        return new Pair(action.definition(), connector);
    }

    /**
     * The connector an action file names on a line of its own ({@code connector: api}), for an action that is not
     * valid YAML (or uses an anchor, an alias or a tag): its connector's problems are still worth reporting, as
     * {@code validate} reports them. {@code null} when there is no such line.
     */
    private static String writtenConnector(Path actionFile) {
        try {
            Matcher m = CONNECTOR_LINE.matcher(new String(YamlLoader.read(actionFile), StandardCharsets.UTF_8));
            return m.find() ? m.group(2) : null;
        } catch (Failure unreadable) {
            return null;
        }
    }

    /**
     * For {@code token CONNECTOR}: the connector, parsed, bound and checked as {@link #forRun} checks it.
     *
     * @throws Failure USAGE for an unknown connector; INVALID with every problem of its file
     */
    public static Connector forConnector(Workspace workspace, String connectorName) {
        Path file = workspace.connectorFile(connectorName);
        if (!NAME.matcher(connectorName).matches() || !Files.isRegularFile(file)) {
            throw unknownConnector(workspace, connectorName);
        }
        Validator.Checked<Connector> checked = Validator.connector(file);
        if (checked.definition() == null || checked.hasErrors()) {
            throw Failure.invalid(checked.problems());
        }
        return checked.definition();
    }

    /** @throws Failure USAGE when the workspace has no connector of that name, with a did-you-mean hint */
    public static void requireConnector(Workspace workspace, String connectorName) {
        if (!NAME.matcher(connectorName).matches() || !Files.isRegularFile(workspace.connectorFile(connectorName))) {
            throw unknownConnector(workspace, connectorName);
        }
    }

    private static Failure unknownConnector(Workspace workspace, String name) {
        List<String> names = workspace.connectorNames();
        String near = Suggestions.closest(name, names);
        Path misnamed = workspace.misnamedConnectorFile(name);
        String hint;
        if (misnamed != null) {
            hint = notRead("connectors/", misnamed);
        } else if (near != null) {
            hint = "did you mean `" + near + "`?";
        } else if (names.isEmpty()) {
            hint = "there is no connector in " + workspace.dir().resolve("connectors")
                    + ": run from a workspace, or pass --dir DIR";
        } else {
            hint = "`list` shows the connectors";
        }
        return Failure.of(Kind.USAGE, "unknown connector `" + name + "`").code(Code.UNKNOWN_CONNECTOR).hint(hint)
                .build();
    }

    private static Failure unknownAction(Workspace workspace, String name) {
        List<String> names = workspace.actionNames();
        String near = Suggestions.closest(name, names);
        Path misnamed = workspace.misnamedActionFile(name);
        String hint;
        if (misnamed != null) {
            hint = notRead("actions/", misnamed);
        } else if (near != null) {
            hint = "did you mean `" + near + "`?";
        } else if (names.isEmpty()) {
            hint = "there is no action in " + workspace.dir().resolve("actions")
                    + ": run from a workspace, or pass --dir DIR";
        } else {
            hint = "`list` shows the actions";
        }
        return Failure.of(Kind.USAGE, "unknown action `" + name + "`").code(Code.UNKNOWN_ACTION).hint(hint).build();
    }

    private static String notRead(String folder, Path misnamed) {
        return folder + misnamed.getFileName() + " is not read: rename it to " + Workspace.yamlName(misnamed);
    }
}
