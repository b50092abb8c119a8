package dev.connectorruntime.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.bind.ActionBinder;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.http.Urls;
import dev.connectorruntime.load.YamlLoader;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shared helpers: an action written as YAML ({@code actions/demo.yaml} on connector {@code api}), compiled, given
 * inputs as JSON (single quotes allowed), rendered.
 */
final class Compiling {

    static final Path FILE = Path.of("actions", "demo.yaml");
    static final String BASE_URL = "https://api.example.com/v1";

    private Compiling() {
    }

    /** An action from its {@code inputs:} and {@code request:} blocks, each written at column 1. */
    static Action action(String inputs, String request) {
        return action("name: demo\nconnector: api\ninputs:\n" + indent(inputs) + "request:\n" + indent(request));
    }

    static Action action(String yaml) {
        List<Problem> problems = new ArrayList<>();
        Action action = ActionBinder.bind(YamlLoader.parse(FILE, yaml), FILE, problems);
        assertThat(problems).as("binding").isEmpty();
        return action;
    }

    static CompiledAction compile(String inputs, String request) {
        List<Problem> problems = new ArrayList<>();
        CompiledAction compiled = CompiledAction.compile(action(inputs, request), problems);
        assertThat(problems).as("compiling").isEmpty();
        assertThat(compiled).isNotNull();
        return compiled;
    }

    static List<Problem> compileProblems(String yaml) {
        List<Problem> problems = new ArrayList<>();
        CompiledAction compiled = CompiledAction.compile(action(yaml), problems);
        assertThat(compiled).as("compiled despite problems").isNull();
        return problems;
    }

    static InputValues values(Action action, String json) {
        return InputValues.bind(action, object(json), Map.of());
    }

    static RenderedRequest render(CompiledAction compiled, String json) {
        return render(compiled, object(json));
    }

    static RenderedRequest render(CompiledAction compiled, ObjectNode given) {
        return compiled.render(InputValues.bind(compiled.action(), given, Map.of()));
    }

    /** One string input, its value taken as is (no quote replaced). */
    static ObjectNode given(String name, String value) {
        return Json.mapper().createObjectNode().put(name, value);
    }

    /** The failure rendering these inputs ends in. */
    static Failure renderFailure(CompiledAction compiled, String json) {
        return renderFailure(compiled, object(json));
    }

    static Failure renderFailure(CompiledAction compiled, ObjectNode given) {
        InputValues values = InputValues.bind(compiled.action(), given, Map.of());
        Failure failure = catchThrowableOfType(Failure.class, () -> compiled.render(values));
        assertThat(failure).as("expected the render to fail").isNotNull();
        return failure;
    }

    /** The failure binding these inputs ends in. */
    static Failure bindFailure(Action action, String json, Map<String, String> texts) {
        Failure failure = catchThrowableOfType(Failure.class, () -> InputValues.bind(action, object(json), texts));
        assertThat(failure).as("expected the inputs to be refused").isNotNull();
        return failure;
    }

    static String url(RenderedRequest r) {
        return Urls.build(BASE_URL, r.path(), r.query()).toString();
    }

    static String body(RenderedRequest r) {
        return r.body() == null ? null : new String(r.body(), StandardCharsets.UTF_8);
    }

    static ObjectNode object(String json) {
        try {
            return (ObjectNode) Json.parse(json.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String indent(String block) {
        return block.isEmpty() ? "  {}\n" : block.indent(2);
    }
}
