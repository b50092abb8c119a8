package dev.connectorruntime.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Suggestions;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Input;
import dev.connectorruntime.model.InputType;
import dev.connectorruntime.model.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An action's inputs for one run: given values parsed by their declared type, defaults applied, every rule of
 * the input's schema checked. Not-given optional inputs are absent from {@link #values()}.
 */
public final class InputValues {

    private final Map<String, JsonNode> values;

    private InputValues(Map<String, JsonNode> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** The values by input name; absent optional inputs are not in the map. */
    public Map<String, JsonNode> values() {
        return values;
    }

    /**
     * Binds inputs.
     *
     * @param given  a JSON object of typed values (from {@code --inputs} or an example), may be empty
     * @param texts  {@code -i NAME=VALUE} pairs, parsed by the input's declared type; they win over {@code given}
     * @throws Failure USAGE naming the input and the rule, before anything is sent
     */
    public static InputValues bind(Action action, ObjectNode given, Map<String, String> texts) {
        Map<String, JsonNode> raw = new LinkedHashMap<>();
        given.fields().forEachRemaining(e -> raw.put(e.getKey(), e.getValue()));
        for (Map.Entry<String, String> t : texts.entrySet()) {
            Input input = known(action, t.getKey());
            raw.put(t.getKey(), parse(input, t.getValue()));
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String name : raw.keySet()) {
            known(action, name);
        }
        for (Input input : action.inputs()) {
            JsonNode v = raw.get(input.name());
            if (v == null || v.isNull()) {
                if (input.defaultValue() != null) {
                    out.put(input.name(), input.defaultValue());
                } else if (input.required()) {
                    throw Failure.of(Kind.USAGE, "input `" + input.name() + "` is required").code(Code.BAD_INPUT)
                            .hint("pass -i " + input.name() + "=VALUE").build();
                }
                continue;
            }
            InputChecker.check("input `" + input.name() + "`", InputSchema.of(input), v, problems);
            if (!problems.isEmpty()) {
                throw badValue(problems.get(0), input);
            }
            out.put(input.name(), v);
        }
        return new InputValues(out);
    }

    /**
     * Every problem of a JSON object of arguments, as an MCP client or an HTTP caller sends them (SPEC §11): unknown
     * names, missing required inputs, and every rule of each input's schema broken; empty when {@link #bind} would
     * accept them. Types are JSON's own: the string {@code "5"} is not an integer, and the problem says so.
     */
    public static List<String> problems(Action action, ObjectNode given) {
        List<String> problems = new ArrayList<>();
        given.fieldNames().forEachRemaining(name -> {
            if (action.input(name) == null) {
                List<String> names = action.inputs().stream().map(Input::name).toList();
                String near = Suggestions.closest(name, names);
                problems.add("`" + action.name() + "` has no input " + Echo.quoted(name)
                        + (near != null ? " (did you mean `" + near + "`?)"
                        : names.isEmpty() ? " (it takes no inputs)" : " (its inputs are: " + String.join(", ", names) + ")"));
            }
        });
        for (Input input : action.inputs()) {
            JsonNode v = given.get(input.name());
            if (v == null || v.isNull()) {
                if (input.required()) {
                    problems.add("input `" + input.name() + "` is required");
                }
                continue;
            }
            int before = problems.size();
            InputChecker.check("input `" + input.name() + "`", input.schema(), v, problems);
            if (problems.size() > before && v.isTextual() && input.type() != InputType.STRING && quotedScalar(input, v)) {
                problems.set(before, problems.get(before) + " (send it as a JSON " + input.type().schemaName()
                        + ", without quotes)");
            }
        }
        return problems;
    }

    /** A string such as {@code "5"} for an integer input: the caller quoted a value of the right type. */
    private static boolean quotedScalar(Input input, JsonNode v) {
        try {
            JsonNode parsed = parse(input, v.asText());
            return !parsed.isTextual();
        } catch (Failure e) {
            return false;
        }
    }

    private static Input known(Action action, String name) {
        Input input = action.input(name);
        if (input == null) {
            List<String> names = action.inputs().stream().map(Input::name).toList();
            String near = Suggestions.closest(name, names);
            throw Failure.of(Kind.USAGE, "`" + action.name() + "` has no input " + Echo.quoted(name))
                    .code(Code.BAD_INPUT).hint(near != null ? "did you mean `" + near + "`?"
                            : names.isEmpty() ? "this action takes no inputs"
                            : "its inputs are: " + String.join(", ", names))
                    .build();
        }
        return input;
    }

    /** {@code -i limit=5} is the integer 5; arrays and objects are JSON text (SPEC §7). */
    static JsonNode parse(Input input, String text) {
        var f = Json.nodes();
        String what = "input `" + input.name() + "`";
        switch (input.type()) {
            case STRING:
                return f.textNode(text);
            case INTEGER:
                try {
                    return f.numberNode(new BigInteger(text.trim()));
                } catch (NumberFormatException e) {
                    throw badValue(what + " must be an integer, not " + Echo.quoted(text), input);
                }
            case NUMBER:
                try {
                    return f.numberNode(new BigDecimal(text.trim()));
                } catch (NumberFormatException e) {
                    throw badValue(what + " must be a number, not " + Echo.quoted(text), input);
                }
            case BOOLEAN:
                if (text.equals("true") || text.equals("false")) {
                    return f.booleanNode(Boolean.parseBoolean(text));
                }
                throw badValue(what + " must be true or false, not " + Echo.quoted(text), input);
            default:
                try {
                    JsonNode node = Json.parse(text);
                    if (input.type().schemaName().equals("array") ? node.isArray() : node.isObject()) {
                        return node;
                    }
                } catch (IOException e) {
                    // reported below
                }
                throw badValue(what + " must be a JSON " + input.type().schemaName() + ", not " + Echo.quoted(text),
                        input);
        }
    }

    private static Failure badValue(String message, Input input) {
        return Failure.of(Kind.USAGE, message).code(Code.BAD_INPUT).hint(hintFor(input)).build();
    }

    private static String hintFor(Input input) {
        return input.description() == null ? null : input.name() + ": " + input.description();
    }
}
