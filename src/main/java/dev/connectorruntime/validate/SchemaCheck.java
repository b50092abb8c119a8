package dev.connectorruntime.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.error.Suggestions;
import dev.connectorruntime.load.YList;
import dev.connectorruntime.load.YMap;
import dev.connectorruntime.load.YNode;
import dev.connectorruntime.load.YScalar;
import dev.connectorruntime.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a definition's tree against the published JSON Schema ({@code schema/*.schema.json}, bundled in the jar:
 * the files editors use are the files the runtime uses). Each message is rewritten in the runtime's words and
 * placed at the YAML node its instance location points to.
 */
public final class SchemaCheck {

    /** The two kinds of definition file. */
    public enum Schema {
        CONNECTOR("connector.schema.json", "the connector"),
        ACTION("action.schema.json", "the action");

        private final String file;
        private final String what;
        private volatile JsonSchema compiled;
        private volatile JsonNode raw;

        Schema(String file, String what) {
            this.file = file;
            this.what = what;
        }

        /** The resource name inside the jar: {@code schema/connector.schema.json}. */
        public String resource() {
            return "schema/" + file;
        }

        public String fileName() {
            return file;
        }

        JsonNode raw() {
            if (raw == null) {
                try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(resource())) {
                    if (in == null) {
                        throw Failure.of(Kind.INTERNAL, "the jar holds no " + resource()).code(Code.INTERNAL).build();
                    }
                    raw = Json.parse(in);
                } catch (IOException e) {
                    throw Failure.of(Kind.INTERNAL, "cannot read " + resource() + ": " + e.getMessage())
                            .code(Code.INTERNAL).build();
                }
            }
            return raw;
        }

        JsonSchema compiled() {
            if (compiled == null) {
                SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER)
                        .formatAssertionsEnabled(true).locale(Locale.ROOT).build();
                compiled = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(raw(), config);
            }
            return compiled;
        }
    }

    private SchemaCheck() {
    }

    /** Every schema problem of the tree, in the runtime's words, each at its node. */
    public static List<Problem> check(YNode root, Schema schema) {
        List<Problem> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ValidationMessage m : schema.compiled().validate(root.toJson())) {
            String evaluation = m.getEvaluationPath().toString();
            // anyOf/oneOf/not branches say "this branch failed", never what to fix: the binder says that instead
            if (evaluation.contains("/anyOf") || evaluation.contains("/oneOf") || evaluation.contains("/not")) {
                continue;
            }
            Problem p = problem(m, root, schema);
            if (p != null && seen.add(p.code() + "@" + p.location() + "@" + p.message().split(" in ")[0])) {
                out.add(p);
            }
        }
        return out;
    }

    private static Problem problem(ValidationMessage m, YNode root, Schema schema) {
        List<String> tokens = tokens(m.getInstanceLocation().toString());
        YNode node = at(root, tokens);
        if (node == null) {
            node = root;
        }
        String where = tokens.isEmpty() ? schema.what : "`" + display(tokens) + "`";
        String property = m.getProperty();
        switch (m.getType()) {
            case "required":
                return Problem.error(Code.MISSING_KEY, node.location(), where + " needs `" + property + "`", null);
            case "additionalProperties":
            case "propertyNames": {
                Location at = node instanceof YMap map && map.entry(property) != null
                        ? map.entry(property).keyLocation() : node.location();
                List<String> candidates = candidates(m);
                String near = Suggestions.closest(property, candidates);
                String hint = near != null ? "did you mean `" + near + "`?"
                        : candidates.isEmpty() ? null : "expected one of: " + String.join(", ", candidates);
                return Problem.error(Code.UNKNOWN_KEY, at, "unknown key `" + property + "` in " + where, hint);
            }
            case "type": {
                Object[] args = m.getArguments();
                String expected = String.valueOf(args[args.length - 1]);
                if (node instanceof YScalar s && (s.isNull() || expected.contains("string"))) {
                    // a scalar where a string is expected keeps its source text (SPEC §1); null means absent
                    return null;
                }
                return Problem.error(Code.WRONG_TYPE, node.location(),
                        where + " must be " + article(expected) + ", not " + article(node.kindName()), null);
            }
            case "enum": {
                List<String> allowed = new ArrayList<>();
                m.getSchemaNode().forEach(v -> allowed.add(v.asText()));
                String actual = node instanceof YScalar s ? s.text() : node.kindName();
                String near = Suggestions.closest(actual, allowed);
                return Problem.error(Code.BAD_VALUE, node.location(),
                        where + " must be one of " + String.join(", ", allowed) + ", not `" + actual + "`",
                        near == null ? null : "did you mean `" + near + "`?");
            }
            case "const":
                return Problem.error(Code.BAD_VALUE, node.location(), where + " must be " + m.getSchemaNode(), null);
            case "pattern":
                return Problem.error(Code.BAD_VALUE, node.location(),
                        where + " must match `" + m.getSchemaNode().asText() + "`, not `"
                                + (node instanceof YScalar s ? s.text() : node.kindName()) + "`", null);
            case "minimum":
            case "minLength":
            case "minItems":
                return Problem.error(Code.BAD_VALUE, node.location(), where + " must be at least " + m.getSchemaNode()
                        + (m.getType().equals("minimum") ? "" : m.getType().equals("minLength") ? " characters" : " items"),
                        null);
            case "maximum":
            case "maxLength":
            case "maxItems":
                return Problem.error(Code.BAD_VALUE, node.location(), where + " must be at most " + m.getSchemaNode()
                        + (m.getType().equals("maximum") ? "" : m.getType().equals("maxLength") ? " characters" : " items"),
                        null);
            default:
                return Problem.error(Code.SCHEMA, node.location(), where + ": " + m.getError(), null);
        }
    }

    private static List<String> candidates(ValidationMessage m) {
        List<String> out = new ArrayList<>();
        JsonNode schemaNode = m.getSchemaNode();
        if ("propertyNames".equals(m.getType()) && schemaNode.has("enum")) {
            schemaNode.get("enum").forEach(v -> out.add(v.asText()));
        } else {
            JsonNode props = parentSchema(m);
            if (props != null) {
                props.fieldNames().forEachRemaining(out::add);
            }
        }
        return out;
    }

    /** The {@code properties} of the object schema an additionalProperties message comes from. */
    private static JsonNode parentSchema(ValidationMessage m) {
        String fragment = m.getSchemaLocation().getFragment().toString();
        int cut = fragment.lastIndexOf("/additionalProperties");
        if (cut < 0) {
            return null;
        }
        String pointer = fragment.substring(0, cut);
        JsonNode root = m.getSchemaLocation().getAbsoluteIri().toString().endsWith(Schema.ACTION.fileName())
                ? Schema.ACTION.raw() : Schema.CONNECTOR.raw();
        JsonNode parent = root.at(pointer.startsWith("#") ? pointer.substring(1) : pointer);
        return parent.get("properties");
    }

    static List<String> tokens(String pointer) {
        List<String> out = new ArrayList<>();
        if (pointer == null || pointer.isEmpty()) {
            return out;
        }
        for (String t : pointer.substring(1).split("/", -1)) {
            out.add(t.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }

    static YNode at(YNode root, List<String> tokens) {
        YNode n = root;
        for (String t : tokens) {
            if (n instanceof YMap m) {
                n = m.get(t);
            } else if (n instanceof YList l && t.chars().allMatch(Character::isDigit) && !t.isEmpty()
                    && Integer.parseInt(t) < l.items().size()) {
                n = l.items().get(Integer.parseInt(t));
            } else {
                return null;
            }
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    /** {@code auth.token_url}, {@code examples[0].name}. */
    static String display(List<String> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Iterator<String> it = tokens.iterator(); it.hasNext(); ) {
            String t = it.next();
            if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(t).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(t);
            }
        }
        return sb.toString();
    }

    private static String article(String kind) {
        String k = kind.replace("[", "").replace("]", "").replace(",", " or");
        return ("aeiou".indexOf(k.charAt(0)) >= 0 ? "an " : "a ") + k;
    }
}
