package dev.connectorruntime.bind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.load.YList;
import dev.connectorruntime.load.YMap;
import dev.connectorruntime.load.YNode;
import dev.connectorruntime.load.YScalar;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Example;
import dev.connectorruntime.model.Input;
import dev.connectorruntime.model.InputType;
import dev.connectorruntime.model.OutputFrom;
import dev.connectorruntime.model.Paginate;
import dev.connectorruntime.model.Request;
import dev.connectorruntime.model.RetryPolicy;
import dev.connectorruntime.model.Tool;
import dev.connectorruntime.secret.Placeholders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** An action file's tree → {@link Action}, every problem collected (SPEC §4). */
public final class ActionBinder {

    /** The JSON Schema keywords an input may use besides {@code required} (SPEC §4). */
    static final List<String> INPUT_KEYWORDS = List.of("type", "description", "default", "enum", "const",
            "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern",
            "format", "items", "minItems", "maxItems", "properties", "additionalProperties");

    /** The keywords that hold values of the input's own type. */
    private static final List<String> VALUE_KEYWORDS = List.of("default", "enum", "const");

    private final List<Problem> problems;

    private ActionBinder(List<Problem> problems) {
        this.problems = problems;
    }

    /** Binds an action file. Returns {@code null} when an error was added to {@code problems}. */
    public static Action bind(YNode root, Path file, List<Problem> problems) {
        int before = ConnectorBinder.errorCount(problems);
        Action a = bindAsFarAsPossible(root, file, problems);
        return ConnectorBinder.errorCount(problems) > before ? null : a;
    }

    /**
     * Binds what can be bound even when some fields are wrong (their problems added), so that validation can still
     * check the templates and examples and report every problem in one run. Never run what this returns when a
     * problem was added. {@code null} only when there is no connector name or request path to go on.
     */
    public static Action bindAsFarAsPossible(YNode root, Path file, List<Problem> problems) {
        ActionBinder binder = new ActionBinder(problems);
        binder.refusePlaceholders(root);
        return binder.action(root, file);
    }

    private Action action(YNode root, Path file) {
        YMap map = Fields.mapping(root, "an action file", problems);
        if (map == null) {
            return null;
        }
        Fields f = new Fields(map, "the action", problems);
        String name = Names.check(f, file, problems);
        String description = f.string("description", false);
        String connector = f.string("connector", true);
        if (connector != null && !Names.NAME.matcher(connector).matches()) {
            problems.add(Problem.error(Code.BAD_NAME, f.locationOf("connector"),
                    "`" + connector + "` is not a valid connector name",
                    "name the connector by its file's base name: lower-case letters, digits, `-` and `_`"));
            connector = null;
        }
        Location connectorLocation = f.locationOf("connector");
        List<Input> inputs = inputs(f.map("inputs", false));
        YMap requestMap = f.map("request", true);
        Request request = requestMap == null ? null : new RequestBinder(problems).bind(requestMap);
        YMap paginateMap = f.map("paginate", false);
        Paginate paginate = paginateMap == null ? null : PaginateBinder.bind(paginateMap, problems);
        String output = f.string("output", false);
        Location outputLocation = output == null ? null : f.locationOf("output");
        OutputFrom outputFrom = outputFrom(f, paginateMap != null);
        List<Example> examples = ExampleBinder.bind(f.list("examples"), problems);
        Boolean idempotent = f.bool("idempotent");
        RetryPolicy retry = Retries.bind(f, problems);
        Duration timeout = f.duration("timeout");
        Tool tool = ToolBinder.bind(f, problems);
        f.finish();
        if (connector == null || request == null) {
            return null;
        }
        return new Action(name != null ? name : Names.baseName(file), description, connector, inputs, request, paginate,
                output, outputFrom, examples, Boolean.TRUE.equals(idempotent), retry, timeout, tool, Location.of(file),
                outputLocation, connectorLocation);
    }

    /** SPEC §4 {@code output_from}; a paginated action's output is its pages' items, so only {@code body}. */
    private OutputFrom outputFrom(Fields f, boolean paginated) {
        String text = f.oneOf("output_from", false,
                Stream.of(OutputFrom.values()).map(OutputFrom::yamlName).toList());
        OutputFrom from = text == null ? null : OutputFrom.valueOf(text.toUpperCase(Locale.ROOT));
        if (from == OutputFrom.RESPONSE && paginated) {
            problems.add(Problem.error(Code.BAD_VALUE, f.locationOf("output_from"),
                    "`output_from` must be `body` for a paginated action: its output is the pages' items",
                    "remove `output_from: response`, or `paginate` to read one answer whole"));
        }
        return from;
    }

    private List<Input> inputs(YMap map) {
        List<Input> out = new ArrayList<>();
        if (map == null) {
            return out;
        }
        for (YMap.Entry e : map.entries()) {
            if (!Names.NAME.matcher(e.key()).matches() || e.key().contains("-")) {
                problems.add(Problem.error(Code.BAD_NAME, e.keyLocation(),
                        "`" + e.key() + "` is not a valid input name",
                        "input names are lower-case letters, digits and `_`, starting with a letter"));
                continue;
            }
            if (Input.RESERVED_NAMES.contains(e.key())) {
                // kept as an input all the same, so that its uses are not reported as undeclared as well
                problems.add(Problem.error(Code.BAD_NAME, e.keyLocation(), "an input may not be named `" + e.key()
                                + "`: it is the name of a SOQL escaper", "rename the input: `{{#soql}}…{{/soql}}` and"
                                + " `{{#soql_like}}…{{/soql_like}}` escape the value of another"));
            }
            YMap m = Fields.mapping(e.value(), "input `" + e.key() + "`", problems);
            if (m != null) {
                Input in = input(e.key(), m);
                if (in != null) {
                    out.add(in);
                }
            }
        }
        return out;
    }

    private Input input(String name, YMap map) {
        Fields f = new Fields(map, "input `" + name + "`", problems);
        String typeText = f.oneOf("type", true, List.of("string", "integer", "number", "boolean", "array", "object"));
        Boolean required = f.bool("required");
        String description = f.string("description", false);
        YNode defaultNode = f.node("default", false);
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        boolean text = "string".equals(typeText);
        for (String keyword : INPUT_KEYWORDS) {
            YNode n = f.node(keyword, false);
            if (n != null) {
                schema.set(keyword, text && VALUE_KEYWORDS.contains(keyword) ? asText(n) : n.toJson());
            }
        }
        f.finish();
        InputPatterns.check(name, map, problems);
        if (Boolean.TRUE.equals(required) && defaultNode != null) {
            problems.add(Problem.error(Code.REQUIRED_WITH_DEFAULT, map.entry("required").keyLocation(),
                    "input `" + name + "` is required and has a default",
                    "a default counts as given: remove `required: true` or the default"));
        }
        JsonNode defaultValue = defaultNode == null ? null : text ? asText(defaultNode) : defaultNode.toJson();
        // a bad type is already reported; the input stays declared so its templates are not reported as well
        return new Input(name, typeText == null ? InputType.STRING : InputType.of(typeText), description, defaultValue, Boolean.TRUE.equals(required),
                schema, map.location());
    }

    /** SPEC §1: where a string is expected, a scalar keeps its source text ({@code 2.10} stays {@code "2.10"}). */
    private static JsonNode asText(YNode n) {
        if (n instanceof YScalar s && !s.isNull()) {
            return JsonNodeFactory.instance.textNode(s.text());
        }
        if (n instanceof YList l) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            l.items().forEach(i -> out.add(asText(i)));
            return out;
        }
        return n.toJson();
    }

    private static Problem placeholderNotAllowed(Location where) {
        return Problem.error(Code.PLACEHOLDER_NOT_ALLOWED, where,
                "`<<…>>` placeholders are not allowed in action files",
                "actions never see secrets: put the value in the connector's `headers` or `auth`");
    }

    /** SPEC §3: actions never see secrets, so a placeholder anywhere in an action file is an error. */
    private void refusePlaceholders(YNode node) {
        if (node instanceof YScalar s) {
            if (Placeholders.contains(s.text())) {
                problems.add(placeholderNotAllowed(s.location()));
            }
        } else if (node instanceof YMap m) {
            for (YMap.Entry e : m.entries()) {
                if (Placeholders.contains(e.key())) {
                    problems.add(placeholderNotAllowed(e.keyLocation()));
                }
                refusePlaceholders(e.value());
            }
        } else if (node instanceof YList l) {
            l.items().forEach(this::refusePlaceholders);
        }
    }
}
