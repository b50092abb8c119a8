package dev.connectorruntime.compile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.RuntimeConfiguration;
import io.burt.jmespath.jackson.JacksonRuntime;
import dev.connectorruntime.model.Json;
import java.io.IOException;
import java.util.List;

/**
 * An action's {@code output}: a JMESPath expression, parsed once; the everyday shapes ({@code [].Name},
 * {@code [].{id: Id}}) by {@link JmesPathSubset}, the rest by the JMESPath library.
 */
public final class OutputExpression {

    private static final class Holder {
        static final JacksonRuntime RUNTIME = new TreeRuntime();
    }

    /**
     * Jackson's JMESPath adapter without its {@code ObjectMapper} (building one costs about 0.2 s of start-up): the
     * mapper only parses JSON literals written in an expression, which {@link Json#parse} does as well.
     */
    private static final class TreeRuntime extends JacksonRuntime {
        TreeRuntime() {
            super(RuntimeConfiguration.defaultConfiguration(), null);
        }

        @Override
        public JsonNode parseString(String text) {
            try {
                return Json.parse(text);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One of the two: the everyday shapes without the library, or the library's compiled expression. */
    private final JmesPathSubset.Node simple;
    private final Expression<JsonNode> expression;
    private final Location where;

    private OutputExpression(JmesPathSubset.Node simple, Expression<JsonNode> expression, Location where) {
        this.simple = simple;
        this.expression = expression;
        this.where = where;
    }

    /** Parses the expression; returns {@code null} after adding a problem when it is not valid JMESPath. */
    public static OutputExpression compile(String source, Location where, List<Problem> problems) {
        JmesPathSubset.Node simple = JmesPathSubset.parse(source);
        if (simple != null) {
            return new OutputExpression(simple, null, where);
        }
        try {
            return new OutputExpression(null, Holder.RUNTIME.compile(source), where);
        } catch (JmesPathException e) {
            problems.add(Problem.error(Code.BAD_OUTPUT, where, "`output` is not a valid JMESPath expression: "
                    + e.getMessage(), "see https://jmespath.org/specification.html; for example `[].Name`"));
            return null;
        }
    }

    /**
     * The expression over an answer's JSON.
     *
     * @throws Failure API when the answer does not fit the expression, such as a function given the wrong type
     *                 ({@code sort(@)} over {@code null}): valid JMESPath can still fail on a given document
     */
    public JsonNode apply(JsonNode input) {
        if (simple != null) {
            return simple.search(input);
        }
        try {
            return expression.search(input);
        } catch (JmesPathException e) {
            String message = "`output` cannot be applied to the answer: " + e.getMessage();
            throw Failure.of(Kind.API, message).code(Code.OUTPUT_FAILED)
                    .problems(List.of(Problem.error(Code.OUTPUT_FAILED, where, message,
                            "the expression does not fit the shape of what the API returned")))
                    .build();
        }
    }
}
