package dev.connectorruntime.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import dev.connectorruntime.template.InputObjectHandler.Inputs;
import java.io.StringWriter;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A checked template: immutable once built. Executing a compiled {@link Mustache} keeps its state
 * in a fresh scope list per call, so one instance renders from many threads at once.
 */
final class MustacheTemplate implements Template {

    private final String source;
    private final Mustache mustache;
    private final Set<String> variables;
    private final String singleVariable;

    private MustacheTemplate(String source, Mustache mustache, Set<String> variables, String singleVariable) {
        this.source = source;
        this.mustache = mustache;
        this.variables = variables;
        this.singleVariable = singleVariable;
    }

    /** Text without a tag: rendered as itself, without Mustache.java's whitespace rules. */
    static MustacheTemplate literal(String source) {
        return new MustacheTemplate(source, null, Set.of(), null);
    }

    static MustacheTemplate of(String source, Mustache mustache, Set<String> variables, String singleVariable) {
        return new MustacheTemplate(source, mustache, variables, singleVariable);
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public Set<String> variables() {
        return variables;
    }

    @Override
    public boolean isSingleVariable() {
        return singleVariable != null;
    }

    @Override
    public String singleVariable() {
        return singleVariable;
    }

    @Override
    public boolean isLiteral() {
        return mustache == null;
    }

    @Override
    public String render(Map<String, JsonNode> inputs) {
        Objects.requireNonNull(inputs, "inputs");
        if (mustache == null) {
            return source;
        }
        StringWriter out = new StringWriter(source.length() + 32);
        try {
            mustache.execute(out, new Inputs(inputs));
        } catch (MustacheException e) {
            throw new IllegalStateException("template `" + source + "` failed to render", e);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "Template[" + source + "]";
    }
}
