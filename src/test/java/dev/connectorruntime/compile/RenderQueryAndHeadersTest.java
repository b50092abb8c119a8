package dev.connectorruntime.compile;

import static dev.connectorruntime.compile.Compiling.compile;
import static dev.connectorruntime.compile.Compiling.given;
import static dev.connectorruntime.compile.Compiling.render;
import static dev.connectorruntime.compile.Compiling.renderFailure;
import static dev.connectorruntime.compile.Compiling.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.http.Headers.Header;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §5.2–§5.4: query values and headers, each rendered on its own and encoded where it lands. */
class RenderQueryAndHeadersTest {

    private static final CompiledAction SEARCH = compile("""
            q: {type: string, required: true}
            """, """
            method: GET
            path: /search
            query:
              q: "{{q}}"
              per_page: 100
            """);

    @Test
    void renderWhenQueryValueHasReservedCharactersThenDecodedPairIsLiteralAndUrlEncodesThem() {
        String hostile = "a b+c&d=e#f/g?h%20é";
        RenderedRequest r = render(SEARCH, given("q", hostile));
        assertThat(r.query()).containsExactly(Map.entry("q", hostile), Map.entry("per_page", "100"));
        assertThat(url(r)).isEqualTo(
                "https://api.example.com/v1/search?q=a%20b%2Bc%26d%3De%23f%2Fg%3Fh%2520%C3%A9&per_page=100");
    }

    @Test
    void renderWhenQueryValueContainsMustacheOrPlaceholderThenItStaysLiteral() {
        assertThat(render(SEARCH, given("q", "{{q}} {{{q}}} <<salesforce_password>>")).query().get(0))
                .isEqualTo(Map.entry("q", "{{q}} {{{q}}} <<salesforce_password>>"));
    }

    @Test
    void renderWhenOptionalInputNotGivenThenItsQueryParameterIsLeftOut() {
        CompiledAction c = compile("""
                state: {type: string}
                labels: {type: string}
                owner: {type: string, required: true}
                """, """
                method: GET
                path: /issues
                query:
                  state: "{{state}}"
                  filter: "label:{{labels}}"
                  who: "{{owner}}-{{labels}}"
                  fixed: "yes"
                """);
        assertThat(render(c, "{'owner': 'ada'}").query()).containsExactly(
                Map.entry("who", "ada-"), Map.entry("fixed", "yes"));
        assertThat(render(c, "{'owner': 'ada', 'labels': 'bug', 'state': ''}").query()).containsExactly(
                Map.entry("state", ""), Map.entry("filter", "label:bug"), Map.entry("who", "ada-bug"),
                Map.entry("fixed", "yes"));
    }

    @Test
    void renderWhenOptionalInputHasADefaultThenItsParameterIsSent() {
        CompiledAction c = compile("""
                state: {type: string, default: open}
                """, """
                method: GET
                path: /issues
                query: {state: "{{state}}"}
                """);
        assertThat(render(c, "{}").query()).containsExactly(Map.entry("state", "open"));
    }

    @Test
    void renderWhenArrayInputIsAQueryValueThenTheKeyRepeats() {
        CompiledAction c = compile("""
                ids: {type: array}
                """, """
                method: GET
                path: /things
                query: {id: "{{ids}}"}
                """);
        RenderedRequest r = render(c, "{'ids': ['a b', 2, true]}");
        assertThat(r.query()).containsExactly(Map.entry("id", "a b"), Map.entry("id", "2"), Map.entry("id", "true"));
        assertThat(url(r)).isEqualTo("https://api.example.com/v1/things?id=a%20b&id=2&id=true");
        assertThat(render(c, "{'ids': []}").query()).isEmpty();
    }

    @Test
    void renderWhenArrayInputIsPartOfAQueryValueThenOneJsonText() {
        CompiledAction c = compile("""
                ids: {type: array, required: true}
                """, """
                method: GET
                path: /things
                query: {filter: "id in {{ids}}"}
                """);
        assertThat(render(c, "{'ids': [1, 2]}").query()).containsExactly(Map.entry("filter", "id in [1,2]"));
    }

    @Test
    void renderWhenNumberIs1e10ThenPlainDigits() {
        CompiledAction c = compile("""
                limit: {type: integer, required: true}
                """, """
                method: GET
                path: /query
                query: {q: "SELECT Name FROM Contact LIMIT {{limit}}"}
                """);
        assertThat(render(c, "{'limit': 1e10}").query())
                .containsExactly(Map.entry("q", "SELECT Name FROM Contact LIMIT 10000000000"));
    }

    @Test
    void renderWhenSoqlEscaperThenQuoteAndBackslashEscapedBeforeUrlEncoding() {
        CompiledAction c = compile("""
                name: {type: string, required: true}
                """, """
                method: GET
                path: /query
                query: {q: "SELECT Id FROM Contact WHERE Name = '{{#soql}}{{name}}{{/soql}}'"}
                """);
        RenderedRequest r = render(c, given("name", "O'Brien \\ 50%_off"));
        assertThat(r.query().get(0).getValue())
                .isEqualTo("SELECT Id FROM Contact WHERE Name = 'O\\'Brien \\\\ 50%_off'");
        assertThat(url(r)).endsWith("Name%20%3D%20%27O%5C%27Brien%20%5C%5C%2050%25_off%27");
    }

    @Test
    void renderWhenSoqlLikeEscaperThenWildcardsEscapedToo() {
        CompiledAction c = compile("""
                last_name: {type: string, required: true}
                """, """
                method: GET
                path: /query
                query: {q: "SELECT Id FROM Contact WHERE LastName LIKE '{{#soql_like}}{{last_name}}{{/soql_like}}%'"}
                """);
        assertThat(render(c, given("last_name", "50%_off")).query().get(0).getValue())
                .isEqualTo("SELECT Id FROM Contact WHERE LastName LIKE '50\\%\\_off%'");
        assertThat(render(c, given("last_name", "O'Brien")).query().get(0).getValue())
                .isEqualTo("SELECT Id FROM Contact WHERE LastName LIKE 'O\\'Brien%'");
    }

    private static final CompiledAction WITH_HEADERS = compile("""
            name: {type: string}
            trace: {type: string}
            """, """
            method: GET
            path: /me
            headers:
              X-Name: "{{name}}"
              X-Trace: "t-{{trace}}"
              X-Version: 2.10
            """);

    @Test
    void renderWhenHeaderValueHasCarriageReturnOrLineFeedThenUsageFailure() {
        for (String broken : new String[] {"a\r\nX-Evil: 1", "a\nb", "a\rb"}) {
            Failure f = renderFailure(WITH_HEADERS, given("name", broken));
            assertThat(f.kind()).isEqualTo(Kind.USAGE);
            assertThat(f.getMessage()).isEqualTo("header `X-Name` of `demo` would hold a line break");
            assertThat(f.hint()).isEqualTo("header values may not contain CR or LF: check `name`");
        }
    }

    @Test
    void renderWhenHeaderValueHasAnythingButVisibleAsciiSpaceOrTabThenUsageFailure() {
        for (String bad : new String[] {"José", "東京", "a\u0000b", "a\u001bb", "a\u007fb", "\uD83D\uDE00"}) {
            Failure f = renderFailure(WITH_HEADERS, given("trace", bad));
            assertThat(f.kind()).isEqualTo(Kind.USAGE);
            assertThat(f.code()).isEqualTo(Code.BAD_INPUT);
            assertThat(f.getMessage()).startsWith("header `X-Trace` of `demo` would hold a character that is not"
                    + " visible ASCII (U+");
            assertThat(f.hint()).isEqualTo("header values are visible ASCII, spaces and tabs (RFC 9110):"
                    + " percent-encode `trace` before passing it, or send it in the body");
        }
        assertThat(renderFailure(WITH_HEADERS, given("trace", "\uD83D\uDE00")).getMessage())
                .endsWith("(U+1F600)");
        assertThat(render(WITH_HEADERS, given("trace", " !~\t")).headers().get("X-Trace")).isEqualTo("t- !~\t");
    }

    @Test
    void renderWhenHeaderInputsNotGivenThenThoseHeadersAreLeftOut() {
        assertThat(render(WITH_HEADERS, "{}").headers().list()).containsExactly(new Header<>("X-Version", "2.10"));
        assertThat(render(WITH_HEADERS, "{'trace': 'abc', 'name': 'Jose <b>'}").headers().list()).containsExactly(
                new Header<>("X-Name", "Jose <b>"), new Header<>("X-Trace", "t-abc"),
                new Header<>("X-Version", "2.10"));
    }
}
