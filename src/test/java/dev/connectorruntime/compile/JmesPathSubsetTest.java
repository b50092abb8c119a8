package dev.connectorruntime.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.model.Json;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The library-free JMESPath subset against the JMESPath library: every expression the subset takes, the library
 * takes too, and both give the same result on every document.
 */
class JmesPathSubsetTest {

    private static final JacksonRuntime LIBRARY = new JacksonRuntime();
    private static final List<String> KEYS = List.of("a", "b", "c", "b c", "Name");

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode library(Expression<JsonNode> e, JsonNode document) {
        JsonNode r = e.search(document);
        return r == null ? Json.nodes().nullNode() : r;
    }

    /** Compares the two on these documents; returns whether the subset took the expression. */
    private static boolean agree(String expression, List<JsonNode> documents) {
        JmesPathSubset.Node simple = JmesPathSubset.parse(expression);
        if (simple == null) {
            return false;
        }
        Expression<JsonNode> full;
        try {
            full = LIBRARY.compile(expression);
        } catch (JmesPathException e) {
            throw new AssertionError("the subset took `" + expression + "`, which the library refuses: "
                    + e.getMessage());
        }
        for (JsonNode document : documents) {
            assertThat(simple.search(document)).as("`%s` on %s", expression, document)
                    .isEqualTo(library(full, document));
        }
        return true;
    }

    @Test
    void theShippedActionsOutputsAreAllInTheSubsetAndAgree() throws IOException {
        Pattern output = Pattern.compile("(?m)^output: \"(.*)\"");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("actions"))) {
            for (Path file : files.sorted().toList()) {
                Matcher m = output.matcher(Files.readString(file));
                if (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        JsonNode records = parse("[{\"Id\":\"003\",\"Name\":\"Ada\",\"Email\":null,\"Industry\":\"Math\","
                + "\"number\":1,\"title\":\"t\",\"user\":{\"login\":\"ada\"}},{\"Name\":null},7]");
        JsonNode artists = parse("{\"artists\":{\"items\":[{\"name\":\"A\",\"followers\":{\"total\":3},"
                + "\"genres\":[\"x\"]}]}}");
        assertThat(found).hasSizeGreaterThanOrEqualTo(5);
        for (String expression : found) {
            assertThat(agree(expression, List.of(records, artists))).as(expression).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[].Name", "records[].Name", "records[0].Name", "a[-1]", "a[*].b[*].c", "a[].b[]", "a[].b[].c", "[*]", "[]",
        "\"b c\"", "{x: a, \"y z\": b.c, w: [a, b]}", "[a, b[0]]", "a.[b, c]", "a.{x: b}", "a[*][0]", "a[][0]",
        "a[0][1]", "a[*].{x: b, y: c[0]}", "[].[a, b]", "a  .  b", "{a: a, a: b}", "a[*][]", "a[][*]", "a[ ]", "[*].{n: Name}.a", "[{x: a}][0]", "a[][].b"})
    void everydayShapesAreTakenAndAgree(String expression) {
        assertThat(agree(expression, documents(new Random(expression.hashCode()), 40))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a | b", "a[?b == `1`]", "length(a)", "a[1:2]", "a.*", "*", "`1`", "'raw'", "a || b", "a && b", "!a", "@",
        "a.b.", "a..b", "{}", "{a: b,}", "[a,]", "a[b]", "a{b: c}", "a[", "\"unterminated", "\"esc\\\"aped\"",
        "a-b", "", "   ", "a b", "[0", "-", "a[01234567890]", "é"})
    void everythingElseIsLeftToTheLibrary(String expression) {
        assertThat(JmesPathSubset.parse(expression)).isNull();
    }

    @Test
    void generatedExpressionsAgreeWithTheLibraryOnGeneratedDocuments() {
        Random random = new Random(11);
        List<JsonNode> documents = documents(random, 30);
        int taken = 0;
        for (int n = 0; n < 3_000; n++) {
            if (agree(expression(random, 3), documents)) {
                taken++;
            }
        }
        assertThat(taken).as("grammar-made expressions the subset took").isGreaterThan(2_500);
    }

    @Test
    void tokenSoupIsEitherLeftToTheLibraryOrReadAsTheLibraryReadsIt() {
        List<String> tokens = List.of("a", "b", "\"b c\"", ".", "[]", "[*]", "[0]", "[-1]", "[", "]", "{", "}", ",",
                ":", "*", " ", "x:", "[1:]", "|", "@", "Name");
        Random random = new Random(5);
        List<JsonNode> documents = documents(random, 20);
        int taken = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder e = new StringBuilder();
            int length = 1 + random.nextInt(7);
            for (int k = 0; k < length; k++) {
                e.append(tokens.get(random.nextInt(tokens.size())));
            }
            if (agree(e.toString(), documents)) {
                taken++;
            }
        }
        assertThat(taken).as("token-soup expressions the subset took").isGreaterThan(500);
    }

    /** A random expression from the subset's grammar. */
    private static String expression(Random r, int depth) {
        String key = key(r);
        if (depth == 0) {
            return key;
        }
        return switch (r.nextInt(9)) {
            case 0 -> key;
            case 1 -> expression(r, depth - 1) + "." + key;
            case 2 -> expression(r, depth - 1) + "[" + (r.nextInt(5) - 2) + "]";
            case 3 -> expression(r, depth - 1) + "[*]" + tail(r, depth);
            case 4 -> expression(r, depth - 1) + "[]" + tail(r, depth);
            case 5 -> "{x: " + expression(r, depth - 1) + ", y: " + expression(r, depth - 1) + "}";
            case 6 -> "[" + expression(r, depth - 1) + ", " + expression(r, depth - 1) + "]";
            case 7 -> expression(r, depth - 1) + ".{k: " + expression(r, depth - 1) + "}";
            default -> r.nextBoolean() ? "[]" + tail(r, depth) : "[*]" + tail(r, depth);
        };
    }

    private static String tail(Random r, int depth) {
        return switch (r.nextInt(4)) {
            case 0 -> "";
            case 1 -> "." + expression(r, depth - 1);
            case 2 -> "[" + (r.nextInt(3) - 1) + "]";
            default -> ".{n: " + expression(r, depth - 1) + "}";
        };
    }

    private static String key(Random r) {
        String k = KEYS.get(r.nextInt(KEYS.size()));
        return k.contains(" ") ? "\"" + k + "\"" : k;
    }

    private static List<JsonNode> documents(Random random, int count) {
        List<JsonNode> out = new ArrayList<>();
        out.add(Json.nodes().nullNode());
        out.add(parse("[]"));
        out.add(parse("{}"));
        out.add(parse("[[1, [2]], null, {\"a\": [3]}, [[4]]]"));
        while (out.size() < count) {
            out.add(value(random, 4));
        }
        return out;
    }

    private static JsonNode value(Random r, int depth) {
        int kind = depth == 0 ? r.nextInt(5) : r.nextInt(9);
        switch (kind) {
            case 0:
                return Json.nodes().nullNode();
            case 1:
                return Json.nodes().numberNode(r.nextInt(100));
            case 2:
                return Json.nodes().textNode("s" + r.nextInt(10));
            case 3:
                return Json.nodes().booleanNode(r.nextBoolean());
            case 4:
                return Json.nodes().numberNode(r.nextInt(100) / 4.0);
            case 5:
            case 6: {
                ObjectNode o = Json.nodes().objectNode();
                for (String k : KEYS) {
                    if (r.nextInt(3) > 0) {
                        o.set(k, value(r, depth - 1));
                    }
                }
                return o;
            }
            default: {
                ArrayNode a = Json.nodes().arrayNode();
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    a.add(value(r, depth - 1));
                }
                return a;
            }
        }
    }
}
