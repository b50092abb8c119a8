package dev.connectorruntime.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mustachejava.Binding;
import com.github.mustachejava.Code;
import com.github.mustachejava.Iteration;
import com.github.mustachejava.ObjectHandler;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.util.Wrapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * How Mustache.java sees our values. Replaces the reflection handler on purpose: a name is looked up
 * only among the declared inputs, never as a method or a field (with reflection, {@code {{empty}}}
 * inside {@code {{#name}}} would call {@code String.isEmpty()}), never as a key of an object or an
 * array element, and a value is never a lambda that would be rendered as a template. The names
 * {@code soql} and {@code soql_like} resolve to their {@link Escaper}.
 */
final class InputObjectHandler implements ObjectHandler {

    /** The bottom scope of every rendering: the run's inputs by name. */
    record Inputs(Map<String, JsonNode> values) {
    }

    @Override
    public Binding createBinding(String name, TemplateContext tc, Code code) {
        Escaper escaper = Escaper.named(name);
        return escaper != null ? scopes -> escaper : scopes -> lookup(name, scopes);
    }

    @Override
    public Wrapper find(String name, List<Object> scopes) {
        Binding binding = createBinding(name, null, null);
        return binding::get;
    }

    private static JsonNode lookup(String name, List<Object> scopes) {
        for (int i = scopes.size() - 1; i >= 0; i--) {
            if (scopes.get(i) instanceof Inputs inputs) {
                return Values.given(inputs.values().get(name));
            }
        }
        return null;
    }

    @Override
    public Object coerce(Object object) {
        return object;
    }

    @Override
    public Writer iterate(Iteration iteration, Writer writer, Object object, List<Object> scopes) {
        if (object instanceof Escaper escaper) {
            // a null scope is not pushed: inside the escaper, {{.}} is still the enclosing element
            StringWriter body = new StringWriter();
            iteration.next(body, null, scopes);
            write(writer, escaper.escape(body.toString()));
            return writer;
        }
        if (!(object instanceof JsonNode node) || !Values.truthy(node)) {
            return writer;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                writer = iteration.next(writer, element, scopes);
            }
            return writer;
        }
        return iteration.next(writer, node, scopes);
    }

    @Override
    public Writer falsey(Iteration iteration, Writer writer, Object object, List<Object> scopes) {
        boolean isFalse = object == null || object instanceof JsonNode node && !Values.truthy(node);
        return isFalse ? iteration.next(writer, null, scopes) : writer;
    }

    @Override
    public String stringify(Object object) {
        return object instanceof JsonNode node ? Values.text(node) : "";
    }

    private static void write(Writer writer, String text) {
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
