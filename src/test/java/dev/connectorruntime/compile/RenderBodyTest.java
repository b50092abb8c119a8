package dev.connectorruntime.compile;

import static dev.connectorruntime.compile.Compiling.body;
import static dev.connectorruntime.compile.Compiling.compile;
import static dev.connectorruntime.compile.Compiling.given;
import static dev.connectorruntime.compile.Compiling.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.model.Request;
import org.junit.jupiter.api.Test;

/** SPEC §5.2–§5.3: JSON bodies are built as trees, form bodies form-encoded, text bodies as rendered. */
class RenderBodyTest {

    private static final CompiledAction CREATE = compile("""
            name: {type: string, required: true}
            count: {type: integer}
            active: {type: boolean}
            tags: {type: array}
            owner: {type: object}
            ratio: {type: number}
            """, """
            method: POST
            path: /things
            json:
              name: "{{name}}"
              greeting: "Hello {{name}}"
              count: "{{count}}"
              active: "{{active}}"
              tags: "{{tags}}"
              owner: "{{owner}}"
              ratio: "{{ratio}}"
              fixed: {n: 3, on: true, none: null, text: "as is"}
              list: ["{{count}}", "{{name}}"]
            """);

    @Test
    void renderWhenJsonLeafIsExactlyOneVariableThenTheInputKeepsItsType() {
        assertThat(body(render(CREATE, "{'name': 'Ada', 'count': 3, 'active': false, 'tags': ['a', 1], "
                + "'owner': {'id': 7}, 'ratio': 0.50}"))).isEqualTo("{\"name\":\"Ada\",\"greeting\":\"Hello Ada\","
                + "\"count\":3,\"active\":false,\"tags\":[\"a\",1],\"owner\":{\"id\":7},\"ratio\":0.50,"
                + "\"fixed\":{\"n\":3,\"on\":true,\"none\":null,\"text\":\"as is\"},\"list\":[3,\"Ada\"]}");
    }

    @Test
    void renderWhenJsonLeafHasQuotesBackslashesOrNewlinesThenJsonEscaped() {
        String hostile = "say \"hi\" \\ to\nall\t</script> {{count}} <<secret>>";
        String json = body(render(CREATE, given("name", hostile)));
        assertThat(json).startsWith("{\"name\":\"say \\\"hi\\\" \\\\ to\\nall\\t</script> {{count}} <<secret>>\","
                + "\"greeting\":\"Hello say \\\"hi\\\" \\\\ to\\nall\\t</script> {{count}} <<secret>>\",");
    }

    @Test
    void renderWhenOptionalInputsNotGivenThenTheirMembersAreLeftOutAndArrayItemsAreNull() {
        assertThat(body(render(CREATE, "{'name': 'Ada'}"))).isEqualTo("{\"name\":\"Ada\",\"greeting\":\"Hello Ada\","
                + "\"fixed\":{\"n\":3,\"on\":true,\"none\":null,\"text\":\"as is\"},\"list\":[null,\"Ada\"]}");
    }

    @Test
    void renderWhenJsonBodyThenContentTypeIsJson() {
        assertThat(render(CREATE, "{'name': 'Ada'}").contentType()).isEqualTo("application/json");
    }

    @Test
    void renderWhenNumberIs1e10InAJsonLeafThenPlainDigits() {
        assertThat(body(render(CREATE, "{'name': 'n', 'count': 1e10, 'ratio': 1e10}")))
                .contains("\"count\":10000000000,").contains("\"ratio\":10000000000,")
                .contains("\"list\":[10000000000,\"n\"]");
        // a decimal keeps the digits it was given: 100.0 is sent as 100.0, never as 1E+2
        assertThat(body(render(CREATE, "{'name': 'n', 'ratio': 100.0}"))).contains("\"ratio\":100.0,");
    }

    @Test
    void renderWhenNumberTooLongToWritePlainlyThenStillOneValidJsonNumber() {
        assertThat(body(render(CREATE, "{'name': 'n', 'ratio': 1e100000}"))).contains("\"ratio\":1E+100000,");
    }

    @Test
    void renderWhenStringInputDefaultLooksLikeANumberThenJsonLeafIsAString() {
        CompiledAction c = compile("""
                version: {type: string, default: 2.10}
                """, """
                method: POST
                path: /things
                json: {version: "{{version}}"}
                """);
        assertThat(body(render(c, "{}"))).isEqualTo("{\"version\":\"2.10\"}");
    }

    @Test
    void renderWhenWholeJsonBodyIsOneVariableThenThatValueIsTheBody() {
        CompiledAction c = compile("""
                payload: {type: object, required: true}
                """, """
                method: PUT
                path: /things/1
                json: "{{payload}}"
                """);
        assertThat(body(render(c, "{'payload': {'a': [1, 'x']}}"))).isEqualTo("{\"a\":[1,\"x\"]}");
    }

    private static final CompiledAction LOGIN = compile("""
            user: {type: string, required: true}
            scope: {type: string}
            ids: {type: array}
            """, """
            method: POST
            path: /login
            form:
              username: "{{user}}"
              scope: "{{scope}}"
              ids: "{{ids}}"
              note: "for {{scope}}"
              grant_type: password
            """);

    @Test
    void renderWhenFormBodyThenFieldsFormEncodedInOrder() {
        RenderedRequest r = render(LOGIN, "{'user': 'a b&c=d+é/%', 'scope': 'x y', 'ids': [1, 2]}");
        assertThat(body(r)).isEqualTo("username=a+b%26c%3Dd%2B%C3%A9%2F%25&scope=x+y&ids=%5B1%2C2%5D"
                + "&note=for+x+y&grant_type=password");
        assertThat(r.contentType()).isEqualTo("application/x-www-form-urlencoded");
    }

    @Test
    void renderWhenFormInputNotGivenThenOnlyExactlyOneVariableMembersAreLeftOut() {
        assertThat(body(render(LOGIN, given("user", "ada")))).isEqualTo("username=ada&note=for+&grant_type=password");
    }

    @Test
    void renderWhenTextBodyThenRenderedAsIsAndPlainTextUtf8() {
        CompiledAction c = compile("""
                name: {type: string, required: true}
                n: {type: number, default: 1e10}
                """, """
                method: POST
                path: /notes
                text: |
                  Dear {{name}}, {{n}}
                """);
        RenderedRequest r = render(c, given("name", "\"José\" & <co>"));
        assertThat(body(r)).isEqualTo("Dear \"José\" & <co>, 10000000000\n");
        assertThat(r.contentType()).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void renderWhenNoBodyThenNoBytesAndNoContentType() {
        RenderedRequest r = render(compile("", "method: DELETE\npath: /things/1\n"), "{}");
        assertThat(r.method()).isEqualTo(Request.Method.DELETE);
        assertThat(r.body()).isNull();
        assertThat(r.contentType()).isNull();
    }
}
