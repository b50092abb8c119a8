package dev.connectorruntime.validate;

import dev.connectorruntime.bind.ActionBinder;
import dev.connectorruntime.bind.ConnectorBinder;
import dev.connectorruntime.compile.CompiledAction;
import dev.connectorruntime.compile.InputValues;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.load.YMap;
import dev.connectorruntime.load.YNode;
import dev.connectorruntime.load.YScalar;
import dev.connectorruntime.load.YamlLoader;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Auth;
import dev.connectorruntime.model.Connector;
import dev.connectorruntime.model.Example;
import dev.connectorruntime.model.Input;
import dev.connectorruntime.model.OAuth2;
import dev.connectorruntime.model.SecretTemplate;
import dev.connectorruntime.http.CaFile;
import dev.connectorruntime.http.Origins;
import dev.connectorruntime.secret.Placeholders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every check of one definition file, in order: YAML, the published JSON Schema, binding to the model (with the
 * runtime's own, more specific messages), templates and examples, the model's constraints. Problems are
 * collected, never thrown; where the schema and the binder find the same fault, the binder's words are kept.
 */
public final class Validator {

    /**
     * A checked file: the definition, or {@code null} when it has errors; every problem found; the YAML tree
     * ({@code null} when the file is not valid YAML); and what could be bound despite errors, for the checks across
     * files ({@code null} when nothing could).
     */
    public record Checked<T>(T definition, List<Problem> problems, YNode root, T partial) {
        public Checked {
            problems = List.copyOf(problems);
        }

        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    private Validator() {
    }

    public static Checked<Connector> connector(Path file) {
        return connector(file, ValidationStamps.NONE);
    }

    /** The action, its templates compiled, its examples' inputs checked against its inputs. */
    public static Checked<Action> action(Path file) {
        return action(file, ValidationStamps.NONE);
    }

    /** The connector; when {@code stamps} say this exact file passed before, only loaded and bound. */
    public static Checked<Connector> connector(Path file, ValidationStamps stamps) {
        return check(file, SchemaCheck.Schema.CONNECTOR, ConnectorBinder::bindAsFarAsPossible,
                Validator::connectorChecks, stamps);
    }

    /** The action; when {@code stamps} say this exact file passed before, only loaded and bound. */
    public static Checked<Action> action(Path file, ValidationStamps stamps) {
        return check(file, SchemaCheck.Schema.ACTION, ActionBinder::bindAsFarAsPossible, Validator::actionChecks,
                stamps);
    }

    private interface Binder<T> {
        T bind(YNode root, Path file, List<Problem> problems);
    }

    /** The checks of a bound definition beyond its binding. */
    private interface More<T> {
        void check(T definition, YNode root, List<Problem> problems);
    }

    private static <T> Checked<T> check(Path file, SchemaCheck.Schema schema, Binder<T> binder, More<T> more,
                                        ValidationStamps stamps) {
        byte[] bytes;
        YNode root;
        try {
            bytes = YamlLoader.read(file);
            root = YamlLoader.load(file, bytes);
        } catch (Failure f) {
            if (f.kind() != Kind.INVALID) {
                throw f;
            }
            return new Checked<>(null, f.problems(), null, null);
        }
        byte[] content = stamps == ValidationStamps.NONE ? null : bytes;
        List<Problem> bound = new ArrayList<>();
        T definition = binder.bind(root, file, bound);
        boolean bindingErrors = bound.stream().anyMatch(Problem::isError);
        if (content != null && !bindingErrors && definition != null && stamps.passed(file, content)) {
            return new Checked<>(definition, bound, root, definition);
        }
        List<Problem> problems = merge(bound, SchemaCheck.check(root, schema));
        if (definition != null) {
            more.check(definition, root, problems);
            if (!bindingErrors) {
                problems.addAll(ModelConstraints.check(definition, root, Location.of(file)));
            }
        }
        problems.sort(Problem.ORDER);
        boolean errors = problems.stream().anyMatch(Problem::isError);
        if (!errors && content != null) {
            stamps.record(file, content);
        }
        return new Checked<>(errors ? null : definition, problems, root, definition);
    }

    /** The binder's problems, and the schema's on lines where the binder said nothing. */
    static List<Problem> merge(List<Problem> bound, List<Problem> schema) {
        List<Problem> out = new ArrayList<>(bound);
        Set<Integer> lines = new HashSet<>();
        bound.forEach(p -> lines.add(p.location().line()));
        for (Problem p : schema) {
            if (lines.add(p.location().line())) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * SPEC §2: URLs written out in full are checked now, those with placeholders when they are resolved; the CA
     * file is read as the HTTP client will read it; a credential written out in full is a warning.
     */
    private static void connectorChecks(Connector connector, YNode root, List<Problem> problems) {
        List<SecretTemplate> urls = new ArrayList<>();
        if (connector.baseUrl() != null) {
            urls.add(connector.baseUrl());
        }
        if (connector.auth() instanceof OAuth2 o) {
            urls.add(o.client().tokenUrl());
        }
        for (SecretTemplate url : urls) {
            String problem = Placeholders.contains(url.source()) ? plainHttpDefault(url) : Origins.problem(url.source());
            if (problem != null) {
                problems.add(Problem.error(Code.BAD_URL, url.location(), "`" + url.source() + "` " + problem,
                        url.source().startsWith("http://") || problem.startsWith("with its defaults")
                                ? "use https://" : null));
            }
        }
        caFile(connector, root, problems);
        LiteralCredentials.check(connector, problems);
        problems.addAll(HeaderValues.problems(connector, template -> null)); // as written; values are run's
    }

    /**
     * SPEC §2 for a URL with placeholders: its value is known only on {@code run}, but a default that brings the
     * scheme is known now. {@code <<api_base:-http://api.example.com>>} sends credentials over plain http whenever the
     * variable is unset, so it is refused as the URL written out would be. Only a default that holds
     * {@code http://} is judged: {@code http://<<host:-login.example.com>>} names its scheme in plain sight, and tests
     * point such a host at a loopback stand-in (the resolved URL is checked on {@code run}). A placeholder without a
     * default is read as {@code localhost}, the one value that never fails.
     */
    private static String plainHttpDefault(SecretTemplate url) {
        StringBuilder resolved = new StringBuilder();
        boolean httpDefault = false;
        for (Placeholders.Part part : Placeholders.parse(url.source(), url.location(), new ArrayList<>())) {
            if (part instanceof Placeholders.Part.Literal l) {
                resolved.append(l.text());
            } else if (part instanceof Placeholders.Part.Placeholder p) {
                String d = p.defaultValue();
                httpDefault |= d != null && d.toLowerCase(Locale.ROOT).contains("http://");
                resolved.append(d != null ? d : "localhost");
            }
        }
        String text = resolved.toString();
        String problem = httpDefault && text.regionMatches(true, 0, "http://", 0, 7) ? Origins.problem(text) : null;
        return problem != null && problem.startsWith("must use https")
                ? "with its defaults is `" + text + "`, which " + problem : null;
    }

    private static void caFile(Connector connector, YNode root, List<Problem> problems) {
        String problem = connector.caFile() == null ? null : CaFile.problem(connector.caFile());
        if (problem != null && root instanceof YMap m && m.get("tls") instanceof YMap tls
                && tls.get("ca_file") instanceof YScalar written) {
            problems.add(Problem.error(Code.CA_FILE, written.location(),
                    "`tls.ca_file` `" + written.text() + "` " + problem,
                    "the path is relative to the connector file's folder: name a PEM file of the CA certificates to"
                            + " trust"));
        }
    }

    private static void actionChecks(Action action, YNode root, List<Problem> problems) {
        CompiledAction compiled = CompiledAction.compile(action, problems);
        if (compiled == null) {
            return;
        }
        Set<String> used = compiled.usedInputs();
        for (Input input : action.inputs()) {
            if (!used.contains(input.name())) {
                problems.add(Problem.warning(Code.UNUSED_INPUT, input.location(),
                        "input `" + input.name() + "` is declared but no template uses it",
                        "use it as `{{" + input.name() + "}}` in the request, or remove it"));
            }
        }
        for (Example example : action.examples()) {
            try {
                InputValues.bind(action, example.inputs(), Map.of());
            } catch (Failure f) {
                if (f.kind() != Kind.USAGE) {
                    throw f;
                }
                problems.add(Problem.error(Code.EXAMPLE_INPUTS, example.location(),
                        "example `" + example.name() + "`: " + f.getMessage(), f.hint()));
            }
        }
    }

    /**
     * Checks across files: the action's connector exists, and the action does not set the header its connector's
     * API key travels in.
     */
    public static List<Problem> crossCheck(Action action, Connector connector, List<String> connectorNames) {
        List<Problem> out = new ArrayList<>();
        if (connector == null) {
            if (!connectorNames.contains(action.connector())) {
                String near = dev.connectorruntime.error.Suggestions.closest(action.connector(), connectorNames);
                out.add(Problem.error(Code.UNKNOWN_CONNECTOR, action.connectorLocation(),
                        "connector `" + action.connector() + "` does not exist",
                        near != null ? "did you mean `" + near + "`?"
                                : "create connectors/" + action.connector() + ".yaml, or name an existing connector"));
            }
            return out;
        }
        if (connector.auth() instanceof Auth.ApiKey key && key.in() == Auth.Placement.HEADER) {
            action.request().headers().forEach((name, value) -> {
                if (name.toLowerCase(Locale.ROOT).equals(key.name().toLowerCase(Locale.ROOT))) {
                    out.add(Problem.error(Code.RESERVED_HEADER, value.location(),
                            "an action may not set `" + name + "`: connector `" + connector.name()
                                    + "` sends its API key in it", null));
                }
            });
        }
        return out;
    }

}
