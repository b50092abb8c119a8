package dev.connectorruntime.bind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.load.YamlLoader;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Connector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Shared helpers: bind a YAML text as {@code actions/demo.yaml} or {@code connectors/demo.yaml}. */
final class Binding {

    static final Path ACTION_FILE = Path.of("actions", "demo.yaml");
    static final Path CONNECTOR_FILE = Path.of("connectors", "demo.yaml");

    private Binding() {
    }

    /** The problems of binding {@code yaml} as an action file. */
    static List<Problem> actionProblems(String yaml) {
        return actionProblems(ACTION_FILE, yaml);
    }

    static List<Problem> actionProblems(Path file, String yaml) {
        List<Problem> problems = new ArrayList<>();
        Action action = ActionBinder.bind(YamlLoader.parse(file, yaml), file, problems);
        if (problems.stream().anyMatch(Problem::isError)) {
            assertThat(action).as("an action bound despite errors").isNull();
        }
        return problems;
    }

    /** The action bound from {@code yaml}, which must have no problem. */
    static Action action(String yaml) {
        List<Problem> problems = new ArrayList<>();
        Action action = ActionBinder.bind(YamlLoader.parse(ACTION_FILE, yaml), ACTION_FILE, problems);
        assertThat(problems).isEmpty();
        assertThat(action).isNotNull();
        return action;
    }

    /** The single problem of binding {@code yaml} as an action file. */
    static Problem actionProblem(String yaml) {
        List<Problem> problems = actionProblems(yaml);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    static List<Problem> connectorProblems(String yaml) {
        return connectorProblems(CONNECTOR_FILE, yaml);
    }

    static List<Problem> connectorProblems(Path file, String yaml) {
        List<Problem> problems = new ArrayList<>();
        Connector connector = ConnectorBinder.bind(YamlLoader.parse(file, yaml), file, problems);
        if (problems.stream().anyMatch(Problem::isError)) {
            assertThat(connector).as("a connector bound despite errors").isNull();
        }
        return problems;
    }

    static Connector connector(String yaml) {
        List<Problem> problems = new ArrayList<>();
        Connector connector = ConnectorBinder.bind(YamlLoader.parse(CONNECTOR_FILE, yaml), CONNECTOR_FILE, problems);
        assertThat(problems).isEmpty();
        assertThat(connector).isNotNull();
        return connector;
    }

    static Problem connectorProblem(String yaml) {
        List<Problem> problems = connectorProblems(yaml);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    static Location at(Path file, int line, int column) {
        return new Location(file, line, column);
    }

    /** {@code code @ line:col: message [hint]}: one line that pins every part of a problem. */
    static String describe(Problem p) {
        return p.code() + " @ " + p.location().line() + ":" + p.location().column() + ": " + p.message()
                + (p.hint() == null ? "" : " [" + p.hint() + "]");
    }

    static List<String> describeAll(List<Problem> problems) {
        return problems.stream().map(Binding::describe).toList();
    }
}
