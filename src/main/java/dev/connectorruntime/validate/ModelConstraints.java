package dev.connectorruntime.validate;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.load.YMap;
import dev.connectorruntime.load.YNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The Hibernate Validator constraints on the model records (which guard definitions built in Java too), run on
 * bound definitions, each violation mapped from its property path back to the YAML node it came from.
 */
public final class ModelConstraints {

    /** Property names whose YAML key is not simply their snake_case form. */
    private static final Map<String, String> KEYS = Map.of(
            "pathValid", "path", "headersAllowed", "headers", "defaultAllowed", "required",
            "outputFromOnePage", "output_from");

    private static final class Holder {
        static {
            // Hibernate Validator logs its version through JBoss Logging, which falls back to java.util.logging and
            // prints on stderr; route it to SLF4J's no-op provider instead
            if (System.getProperty("org.jboss.logging.provider") == null) {
                System.setProperty("org.jboss.logging.provider", "slf4j");
            }
        }

        // no EL implementation on the class path: parameter interpolation is all the messages need
        static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
    }

    private ModelConstraints() {
    }

    /** The violations of a bound definition, placed at the nodes of {@code root} (the file's tree), or the file. */
    public static List<Problem> check(Object definition, YNode root, Location file) {
        List<Problem> out = new ArrayList<>();
        for (ConstraintViolation<Object> v : Holder.VALIDATOR.validate(definition)) {
            List<String> tokens = tokens(v.getPropertyPath(), root);
            YNode node = deepest(root, tokens);
            String where = tokens.isEmpty() ? "the definition" : "`" + SchemaCheck.display(tokens) + "`";
            out.add(Problem.error(Code.CONSTRAINT, node == null ? file : node.location(),
                    where + " " + v.getMessage(), null));
        }
        out.sort(Problem.ORDER);
        return out;
    }

    /** {@code inputs[0].defaultAllowed} → {@code inputs, limit, required}: list indexes of YAML maps become keys. */
    static List<String> tokens(Path path, YNode root) {
        List<String> out = new ArrayList<>();
        for (Path.Node n : path) {
            if (n.getName() == null) {
                continue;
            }
            if (n.getIndex() != null && !out.isEmpty()) {
                YNode parent = SchemaCheck.at(root, out);
                out.add(parent instanceof YMap m && n.getIndex() < m.entries().size()
                        ? m.entries().get(n.getIndex()).key() : String.valueOf(n.getIndex()));
            }
            out.add(KEYS.getOrDefault(n.getName(), snake(n.getName())));
        }
        // a container element's index comes on the node after it: "inputs" then "[0].defaultAllowed"
        return out;
    }

    private static YNode deepest(YNode root, List<String> tokens) {
        for (int i = tokens.size(); i >= 0; i--) {
            YNode n = SchemaCheck.at(root, tokens.subList(0, i));
            if (n != null) {
                return n instanceof YMap m && i < tokens.size() && m.entry(tokens.get(i)) != null
                        ? m.entry(tokens.get(i)).value() : n;
            }
        }
        return null;
    }

    static String snake(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('_').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
