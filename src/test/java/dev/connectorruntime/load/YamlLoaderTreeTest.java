package dev.connectorruntime.load;

import static dev.connectorruntime.load.Loading.FILE;
import static dev.connectorruntime.load.Loading.parse;
import static dev.connectorruntime.load.Loading.parseMap;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectorruntime.error.Location;
import org.junit.jupiter.api.Test;

/** The tree keeps the file's structure, order and every node's file:line:col. */
class YamlLoaderTreeTest {

    private static final String ACTION = """
            # yaml-language-server: $schema=../schema/action.schema.json
            name: list-contacts
            inputs:
              limit:
                type: integer
                default: 10
            request:
              method: GET
              query:
                q: SELECT Name FROM Contact LIMIT {{limit}}
            examples:
              - name: two contacts
                inputs: { limit: 2 }
                output: [ Ada Lovelace, Alan Turing ]
            """;

    private static Location at(int line, int column) {
        return new Location(FILE, line, column);
    }

    @Test
    void parseWhenMappingThenKeysKeepSourceOrder() {
        YMap root = parseMap(ACTION);

        assertThat(root.keys()).containsExactly("name", "inputs", "request", "examples");
        assertThat(root.has("request")).isTrue();
        assertThat(root.has("connector")).isFalse();
        assertThat(root.get("connector")).isNull();
        assertThat(root.entry("connector")).isNull();
    }

    @Test
    void parseWhenNestedMappingThenKeyAndValueLocationsAreOneBased() {
        YMap root = parseMap(ACTION);

        assertThat(root.location()).isEqualTo(at(2, 1));
        assertThat(root.entry("name").keyLocation()).isEqualTo(at(2, 1));
        assertThat(root.get("name").location()).isEqualTo(at(2, 7));
        YMap limit = (YMap) ((YMap) root.get("inputs")).get("limit");
        assertThat(limit.location()).isEqualTo(at(5, 5));
        assertThat(limit.entry("default").keyLocation()).isEqualTo(at(6, 5));
        assertThat(limit.get("default").location()).isEqualTo(at(6, 14));
        YMap query = (YMap) ((YMap) root.get("request")).get("query");
        assertThat(((YScalar) query.get("q")).text()).isEqualTo("SELECT Name FROM Contact LIMIT {{limit}}");
        assertThat(query.get("q").location()).isEqualTo(at(10, 8));
    }

    @Test
    void parseWhenListsThenItemsAndFlowNodesKeepLocations() {
        YList examples = (YList) parseMap(ACTION).get("examples");

        assertThat(examples.location()).isEqualTo(at(12, 3));
        YMap first = (YMap) examples.items().get(0);
        assertThat(first.location()).isEqualTo(at(12, 5));
        YMap inputs = (YMap) first.get("inputs");
        assertThat(inputs.location()).isEqualTo(at(13, 13));
        assertThat(inputs.entry("limit").keyLocation()).isEqualTo(at(13, 15));
        YList output = (YList) first.get("output");
        assertThat(output.location()).isEqualTo(at(14, 13));
        assertThat(output.items()).extracting(YNode::location).containsExactly(at(14, 15), at(14, 29));
        assertThat(output.kindName()).isEqualTo("list");
        assertThat(first.kindName()).isEqualTo("mapping");
    }

    @Test
    void parseWhenAbsentValueThenNullScalar() {
        YMap root = parseMap("description:\nname: x\n");

        assertThat(root.get("description")).isInstanceOfSatisfying(YScalar.class,
                s -> assertThat(s.isNull()).isTrue());
    }

    @Test
    void parseWhenKeyLooksLikeNumberOrBooleanThenKeyIsItsText() {
        YMap root = parseMap("200: ok\ntrue: yes\n\"quoted key\": 1\n");

        assertThat(root.keys()).containsExactly("200", "true", "quoted key");
    }

    @Test
    void toJsonWhenTreeThenTypedJacksonTreeInSourceOrder() throws Exception {
        JsonNode json = parse("""
                b: 2.10
                a: [1, "1", true, yes, ~]
                c: { d: 0x1F }
                """).toJson();

        assertThat(new ObjectMapper().writeValueAsString(json))
                .isEqualTo("{\"b\":2.10,\"a\":[1,\"1\",true,\"yes\",null],\"c\":{\"d\":31}}");
    }

    @Test
    void parseWhenCrlfLineEndsThenSameTreeAndLocationsAsLf() {
        String lf = "name: x\nrequest:\n  path: |\n    /a\n    /b\n";
        YMap unix = parseMap(lf);
        YMap windows = parseMap(lf.replace("\n", "\r\n"));

        assertThat(windows).isEqualTo(unix);
        YMap request = (YMap) windows.get("request");
        assertThat(((YScalar) request.get("path")).text()).isEqualTo("/a\n/b\n");
        assertThat(request.entry("path").keyLocation()).isEqualTo(at(3, 3));
    }

    @Test
    void parseWhenByteOrderMarkThenIgnoredAndColumnsUnchanged() {
        YMap root = parseMap("\uFEFFname: x\n");

        assertThat(root.keys()).containsExactly("name");
        assertThat(root.get("name").location()).isEqualTo(at(1, 7));
    }

    @Test
    void parseWhenUnicodeBeforeAValueThenColumnsCountCharactersNotBytes() {
        YMap root = parseMap("é: [🧮, x]\n");

        YList list = (YList) root.get("é");
        assertThat(list.items()).extracting(YNode::location).containsExactly(at(1, 5), at(1, 8));
        assertThat(((YScalar) list.items().get(0)).text()).isEqualTo("🧮");
    }

    @Test
    void parseWhenOnlyACommentThenADocumentStillParses() {
        YMap root = parseMap("# yaml-language-server: $schema=../schema/connector.schema.json\n---\nname: x\n...\n");

        assertThat(root.keys()).containsExactly("name");
        assertThat(root.location()).isEqualTo(at(3, 1));
    }

    @Test
    void parseWhenSixtyFourLevelsThenAccepted() {
        YNode node = parse("[".repeat(64) + "]".repeat(64));

        int depth = 0;
        while (node instanceof YList list) {
            depth++;
            node = list.items().isEmpty() ? null : list.items().get(0);
        }
        assertThat(depth).isEqualTo(64);
    }
}
