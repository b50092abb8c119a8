package dev.connectorruntime.validate;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.load.Workspace;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Connector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code validate}: every file of a workspace (or the files named) checked, then the checks across files: each
 * action's connector, and (among the actions checked) that no two exposed actions share a tool name.
 */
public final class WorkspaceCheck {

    /** Everything found, and how many files were read. */
    public record Report(List<Problem> problems, int files, Map<Path, Connector> connectors, Map<Path, Action> actions) {
    }

    private WorkspaceCheck() {
    }

    /**
     * @param paths files or folders; empty for the whole workspace
     * @throws Failure USAGE for a path that does not exist
     */
    public static Report run(Workspace workspace, List<Path> paths) {
        Set<Path> connectorFiles = new LinkedHashSet<>();
        Set<Path> actionFiles = new LinkedHashSet<>();
        List<Problem> problems = new ArrayList<>();
        if (paths.isEmpty()) {
            connectorFiles.addAll(workspace.connectorFiles());
            actionFiles.addAll(workspace.actionFiles());
            workspace.misnamedFiles().forEach(f -> problems.add(Workspace.wrongExtension(f)));
        }
        for (Path p : paths) {
            select(p, connectorFiles, actionFiles, problems);
        }
        // files are independent until the checks across them: check them on every core, keep the order
        List<Validator.Checked<Connector>> checkedConnectors = connectorFiles.parallelStream()
                .map(Validator::connector).toList();
        List<Validator.Checked<Action>> checkedActions = actionFiles.parallelStream().map(Validator::action).toList();
        Map<Path, Connector> connectors = new LinkedHashMap<>();
        // what could be bound of each connector, errors or not: its actions are checked against it all the same
        Map<Path, Connector> partial = new HashMap<>();
        Iterator<Path> connectorPaths = connectorFiles.iterator();
        for (Validator.Checked<Connector> c : checkedConnectors) {
            Path f = connectorPaths.next().toAbsolutePath().normalize();
            problems.addAll(c.problems());
            if (c.definition() != null) {
                connectors.put(f, c.definition());
            }
            partial.put(f, c.partial());
        }
        Map<Path, Action> actions = new LinkedHashMap<>();
        List<ToolNameCheck.Checked> tools = new ArrayList<>();
        Iterator<Path> actionPaths = actionFiles.iterator();
        for (Validator.Checked<Action> a : checkedActions) {
            Path f = actionPaths.next();
            problems.addAll(a.problems());
            if (a.partial() == null) {
                continue;
            }
            tools.add(new ToolNameCheck.Checked(f, a.partial(), a.root()));
            if (a.definition() != null) {
                actions.put(f, a.definition());
            }
            Workspace home = new Workspace(f.toAbsolutePath().getParent().getParent());
            Path connectorFile = home.connectorFile(a.partial().connector()).toAbsolutePath().normalize();
            if (!partial.containsKey(connectorFile)) { // a connector outside the files checked
                partial.put(connectorFile, Files.isRegularFile(connectorFile)
                        ? Validator.connector(connectorFile).partial() : null);
            }
            Connector connector = partial.get(connectorFile);
            boolean exists = Files.isRegularFile(connectorFile);
            List<String> names = exists ? List.of(a.partial().connector()) : home.connectorNames();
            problems.addAll(Validator.crossCheck(a.partial(), connector, names));
        }
        problems.addAll(ToolNameCheck.check(tools));
        problems.sort(Problem.ORDER);
        return new Report(problems, connectorFiles.size() + actionFiles.size(), connectors, actions);
    }

    private static void select(Path p, Set<Path> connectorFiles, Set<Path> actionFiles, List<Problem> problems) {
        if (!Files.exists(p)) {
            throw Failure.of(Kind.USAGE, p + " does not exist").code(Code.USAGE).build();
        }
        if (Files.isDirectory(p)) {
            Workspace w = new Workspace(p);
            if (Files.isDirectory(p.resolve("connectors")) || Files.isDirectory(p.resolve("actions"))) {
                connectorFiles.addAll(w.connectorFiles());
                actionFiles.addAll(w.actionFiles());
                w.misnamedFiles().forEach(f -> problems.add(Workspace.wrongExtension(f)));
                return;
            }
            try (Stream<Path> files = Files.list(p)) {
                files.filter(f -> f.getFileName().toString().endsWith(".yaml") || Workspace.isMisnamed(f)).sorted()
                        .forEach(f -> select(f, connectorFiles, actionFiles, problems));
            } catch (IOException e) {
                throw Failure.of(Kind.USAGE, "cannot list " + p + ": " + e.getMessage()).code(Code.USAGE).build();
            }
            return;
        }
        if (Workspace.isMisnamed(p)) {
            problems.add(Workspace.wrongExtension(p));
            return;
        }
        Path parent = p.toAbsolutePath().getParent();
        String folder = parent == null ? "" : parent.getFileName().toString();
        if (folder.equals("connectors")) {
            connectorFiles.add(p);
        } else if (folder.equals("actions")) {
            actionFiles.add(p);
        } else {
            problems.add(Problem.error(Code.UNKNOWN_KIND, Location.of(p),
                    "not a definition: the file is neither in a connectors/ nor in an actions/ folder",
                    "connectors live in connectors/<name>.yaml, actions in actions/<name>.yaml"));
        }
    }
}
