package dev.connectorruntime.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.model.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The JMESPath that {@code output} expressions are mostly made of, parsed and evaluated without the JMESPath
 * library: fields ({@code a.b}, {@code "first-name"}), indexes ({@code [0]}, {@code [-1]}), projections
 * ({@code [*]}, {@code []}) and multi-selects ({@code {name: Name}}, {@code [a, b]}). The library's parser
 * (ANTLR) and its 50 functions cost about 0.1 s of a run's start-up; these shapes need none of it.
 *
 * <p>It reads them as the library (jmespath-java) does, so an action's output never depends on which of the two
 * ran: an expression is a chain of steps; {@code [*]} projects the rest of its chain over each element of an
 * array, dropping nulls; {@code []} flattens the result so far, ends every projection open in the chain, and
 * projects what follows it (with nothing after it, it only flattens). {@link #parse} returns {@code null} for
 * anything else (pipes, filters, functions, slices, literals, object wildcards, escapes, or a syntax error), and
 * the library takes the expression. {@code JmesPathSubsetTest} holds both to the same results on generated
 * expressions and documents.
 */
final class JmesPathSubset {

    /** A parsed expression; {@code eval} returns {@code null} for JMESPath's null. */
    abstract static class Node {
        abstract JsonNode eval(JsonNode value);

        /** Evaluates the whole expression: JMESPath's null as a JSON null. */
        final JsonNode search(JsonNode document) {
            return orJsonNull(eval(document));
        }
    }

    private JmesPathSubset() {
    }

    /** The expression, or {@code null} when it is outside this subset (or not valid JMESPath). */
    static Node parse(String text) {
        List<Token> tokens = Lexer.tokens(text);
        if (tokens == null) {
            return null;
        }
        Parser p = new Parser(tokens);
        Node node = p.chain();
        return node != null && p.current().type == Type.EOF ? node : null;
    }

    /** JMESPath's null as JSON's, where a value is kept. */
    private static JsonNode orJsonNull(JsonNode n) {
        return n == null ? Json.nodes().nullNode() : n;
    }

    private static boolean isNull(JsonNode n) {
        return n == null || n.isNull();
    }

    // ---- evaluation -------------------------------------------------------------------------------------------

    private static final class Identity extends Node {
        static final Identity INSTANCE = new Identity();

        @Override
        JsonNode eval(JsonNode value) {
            return value;
        }
    }

    private static final class Field extends Node {
        private final String name;

        Field(String name) {
            this.name = name;
        }

        @Override
        JsonNode eval(JsonNode value) {
            return value != null && value.isObject() ? value.get(name) : null;
        }
    }

    private static final class Index extends Node {
        private final int index;

        Index(int index) {
            this.index = index;
        }

        @Override
        JsonNode eval(JsonNode value) {
            if (value == null || !value.isArray()) {
                return null;
            }
            int i = index < 0 ? value.size() + index : index;
            return i >= 0 && i < value.size() ? value.get(i) : null;
        }
    }

    /** Steps applied one after the other. */
    private static final class Sequence extends Node {
        private final Node[] steps;

        Sequence(List<Node> steps) {
            this.steps = steps.toArray(new Node[0]);
        }

        @Override
        JsonNode eval(JsonNode value) {
            JsonNode v = value;
            for (Node step : steps) {
                v = step.eval(v);
            }
            return v;
        }
    }

    /** Evaluates {@code each} on every element of an array; null results are dropped. */
    private static final class Projection extends Node {
        private final Node each;

        Projection(Node each) {
            this.each = each;
        }

        @Override
        JsonNode eval(JsonNode value) {
            if (value == null || !value.isArray()) {
                return null;
            }
            ArrayNode out = Json.nodes().arrayNode();
            for (JsonNode element : value) {
                JsonNode r = each.eval(element);
                if (!isNull(r)) {
                    out.add(r);
                }
            }
            return out;
        }
    }

    /** One level of nested arrays merged into one array. */
    private static final class Flatten extends Node {
        static final Flatten INSTANCE = new Flatten();

        @Override
        JsonNode eval(JsonNode value) {
            if (value == null || !value.isArray()) {
                return null;
            }
            ArrayNode out = Json.nodes().arrayNode();
            for (JsonNode element : value) {
                if (element.isArray()) {
                    out.addAll((ArrayNode) element);
                } else {
                    out.add(element);
                }
            }
            return out;
        }
    }

    private static final class MultiSelectHash extends Node {
        private final List<String> keys;
        private final List<Node> values;

        MultiSelectHash(List<String> keys, List<Node> values) {
            this.keys = keys;
            this.values = values;
        }

        @Override
        JsonNode eval(JsonNode value) {
            if (isNull(value)) {
                return value;
            }
            ObjectNode out = Json.nodes().objectNode();
            for (int i = 0; i < keys.size(); i++) {
                out.set(keys.get(i), orJsonNull(values.get(i).eval(value)));
            }
            return out;
        }
    }

    private static final class MultiSelectList extends Node {
        private final List<Node> items;

        MultiSelectList(List<Node> items) {
            this.items = items;
        }

        @Override
        JsonNode eval(JsonNode value) {
            if (isNull(value)) {
                return value;
            }
            ArrayNode out = Json.nodes().arrayNode();
            for (Node item : items) {
                out.add(orJsonNull(item.eval(value)));
            }
            return out;
        }
    }

    /** Marks in a chain of steps, replaced by projections when the chain is built. */
    private static final Node STAR = new Identity();
    private static final Node FLATTEN = new Identity();

    // ---- tokens -----------------------------------------------------------------------------------------------

    private enum Type {
        IDENTIFIER, QUOTED_IDENTIFIER, NUMBER, DOT, STAR, LBRACKET, RBRACKET, LBRACE, RBRACE, COMMA, COLON, EOF
    }

    private record Token(Type type, String text) {
    }

    private static final class Lexer {
        private Lexer() {
        }

        /** The tokens, or {@code null} at a character this subset does not take. */
        static List<Token> tokens(String s) {
            List<Token> out = new ArrayList<>();
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    i++;
                } else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
                    int start = i++;
                    while (i < s.length() && isIdentifierPart(s.charAt(i))) {
                        i++;
                    }
                    out.add(new Token(Type.IDENTIFIER, s.substring(start, i)));
                } else if (c == '"') {
                    int end = s.indexOf('"', i + 1);
                    if (end < 0 || s.substring(i + 1, end).indexOf('\\') >= 0 || hasControl(s, i + 1, end)) {
                        return null; // escapes are left to the library
                    }
                    out.add(new Token(Type.QUOTED_IDENTIFIER, s.substring(i + 1, end)));
                    i = end + 1;
                } else if (c >= '0' && c <= '9' || c == '-') {
                    int start = i++;
                    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                        i++;
                    }
                    if (i - start == 1 && c == '-' || i - start > 9) {
                        return null;
                    }
                    out.add(new Token(Type.NUMBER, s.substring(start, i)));
                } else {
                    Type t = switch (c) {
                        case '.' -> Type.DOT;
                        case '*' -> Type.STAR;
                        case '[' -> Type.LBRACKET;
                        case ']' -> Type.RBRACKET;
                        case '{' -> Type.LBRACE;
                        case '}' -> Type.RBRACE;
                        case ',' -> Type.COMMA;
                        case ':' -> Type.COLON;
                        default -> null; // pipes, filters, functions, literals, comparisons, ...
                    };
                    if (t == null) {
                        return null;
                    }
                    out.add(new Token(t, String.valueOf(c)));
                    i++;
                }
            }
            out.add(new Token(Type.EOF, ""));
            return out;
        }

        private static boolean isIdentifierPart(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
        }

        private static boolean hasControl(String s, int from, int to) {
            for (int i = from; i < to; i++) {
                if (s.charAt(i) < 0x20) {
                    return true;
                }
            }
            return false;
        }
    }

    // ---- parsing; null means "not this subset" ----------------------------------------------------------------

    private static final class Parser {
        private final List<Token> tokens;
        private int at;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        Token current() {
            return tokens.get(Math.min(at, tokens.size() - 1));
        }

        private Type lookahead(int n) {
            return tokens.get(Math.min(at + n, tokens.size() - 1)).type;
        }

        private boolean accept(Type type) {
            if (current().type != type) {
                return false;
            }
            at++;
            return true;
        }

        /** {@code head step*}: the steps, with STAR and FLATTEN marks, made into one node. */
        Node chain() {
            List<Node> steps = new ArrayList<>();
            Node head = head();
            if (head == null) {
                return null;
            }
            steps.add(head);
            while (current().type == Type.DOT || current().type == Type.LBRACKET) {
                Node step = accept(Type.DOT) ? afterDot() : bracket(false);
                if (step == null) {
                    return null;
                }
                steps.add(step);
            }
            return build(steps);
        }

        private Node head() {
            Token t = current();
            switch (t.type) {
                case IDENTIFIER:
                case QUOTED_IDENTIFIER:
                    at++;
                    return new Field(t.text);
                case LBRACE:
                    at++;
                    return multiSelectHash();
                case LBRACKET:
                    return bracket(true);
                default:
                    return null; // object wildcards, stray punctuation, an empty expression
            }
        }

        /** After a dot: a field or a multi-select; {@code .*} and functions are left to the library. */
        private Node afterDot() {
            Token t = current();
            if (t.type == Type.IDENTIFIER || t.type == Type.QUOTED_IDENTIFIER) {
                at++;
                return new Field(t.text);
            }
            if (accept(Type.LBRACE)) {
                return multiSelectHash();
            }
            if (accept(Type.LBRACKET)) {
                return multiSelectList();
            }
            return null;
        }

        /** {@code [N]}, {@code [*]}, {@code []}; at the head of a chain also a multi-select list. */
        private Node bracket(boolean head) {
            at++; // the [
            if (accept(Type.RBRACKET)) {
                return FLATTEN;
            }
            if (current().type == Type.STAR && lookahead(1) == Type.RBRACKET) {
                at += 2;
                return STAR;
            }
            if (current().type == Type.NUMBER && lookahead(1) == Type.RBRACKET) {
                int n = Integer.parseInt(current().text);
                at += 2;
                return new Index(n);
            }
            return head ? multiSelectList() : null;
        }

        private Node multiSelectList() {
            List<Node> items = new ArrayList<>();
            while (true) {
                Node item = chain();
                if (item == null) {
                    return null;
                }
                items.add(item);
                if (accept(Type.RBRACKET)) {
                    return new MultiSelectList(items);
                }
                if (!accept(Type.COMMA)) {
                    return null;
                }
            }
        }

        private Node multiSelectHash() {
            List<String> keys = new ArrayList<>();
            List<Node> values = new ArrayList<>();
            while (true) {
                Token key = current();
                if (key.type != Type.IDENTIFIER && key.type != Type.QUOTED_IDENTIFIER) {
                    return null;
                }
                at++;
                if (!accept(Type.COLON)) {
                    return null;
                }
                Node value = chain();
                if (value == null) {
                    return null;
                }
                keys.add(key.text);
                values.add(value);
                if (accept(Type.RBRACE)) {
                    return new MultiSelectHash(keys, values);
                }
                if (!accept(Type.COMMA)) {
                    return null;
                }
            }
        }

        /** Each {@code []} flattens what came before and projects what follows, up to the next {@code []}. */
        private static Node build(List<Node> steps) {
            List<Node> out = new ArrayList<>();
            int from = 0;
            boolean flattened = false;
            for (int i = 0; i <= steps.size(); i++) {
                if (i == steps.size() || steps.get(i) == FLATTEN) {
                    Node segment = segment(steps.subList(from, i));
                    if (!flattened) {
                        out.add(segment);
                    } else if (segment != Identity.INSTANCE) {
                        out.add(new Projection(segment));
                    }
                    if (i < steps.size()) {
                        out.add(Flatten.INSTANCE);
                        flattened = true;
                    }
                    from = i + 1;
                }
            }
            return out.size() == 1 ? out.get(0) : new Sequence(out);
        }

        /** Steps without {@code []}: each {@code [*]} projects the rest over the elements. */
        private static Node segment(List<Node> steps) {
            List<Node> out = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i) == STAR) {
                    out.add(new Projection(segment(steps.subList(i + 1, steps.size()))));
                    break;
                }
                out.add(steps.get(i));
            }
            return out.isEmpty() ? Identity.INSTANCE : out.size() == 1 ? out.get(0) : new Sequence(out);
        }
    }
}
