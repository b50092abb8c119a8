package dev.connectorruntime.template;

import static dev.connectorruntime.template.TemplateFixtures.input;
import static dev.connectorruntime.template.TemplateFixtures.inputs;
import static dev.connectorruntime.template.TemplateFixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §5.4: {@code {{#soql}}} and {@code {{#soql_like}}} escape raw values for SOQL string literals. */
class SoqlEscapeTest {

    @Test
    void soqlWhenQuotesAndBackslashesThenBackslashEscaped() {
        assertThat(Escaper.SOQL.escape("O'Brien \\ \"Bob\"")).isEqualTo("O\\'Brien \\\\ \\\"Bob\\\"");
    }

    @Test
    void soqlWhenLineBreaksTabsAndControlsThenEscapeSequences() {
        assertThat(Escaper.SOQL.escape("a\nb\rc\td\fe\u0007f\u0000g\u007f"))
                .isEqualTo("a\\nb\\rc\\td\\fe\\u0007f\\u0000g\\u007f");
    }

    @Test
    void soqlWhenWildcardsThenKeptButSoqlLikeEscapesThem() {
        assertThat(Escaper.SOQL.escape("100%_off")).isEqualTo("100%_off");
        assertThat(Escaper.SOQL_LIKE.escape("100%_off's")).isEqualTo("100\\%\\_off\\'s");
    }

    @Test
    void soqlWhenUnicodeThenUnchanged() {
        assertThat(Escaper.SOQL.escape("José Müller 👍")).isEqualTo("José Müller 👍");
    }

    @Test
    void renderWhenSoqlSectionThenValueIsSafeInsideTheLiteral() {
        Template t = valid("SELECT Id FROM Contact WHERE Name = '{{#soql}}{{name}}{{/soql}}'", "name");
        assertThat(t.render(input("name", TextNode.valueOf("x' OR Name != '"))))
                .isEqualTo("SELECT Id FROM Contact WHERE Name = 'x\\' OR Name != \\''");
    }

    @Test
    void renderWhenSoqlValueContainsMustacheThenItIsEscapedNotRendered() {
        Template t = valid("'{{#soql}}{{name}}{{/soql}}'", "name", "limit");
        assertThat(t.render(inputs("{'name': '{{limit}}\\\\{{#soql}}', 'limit': 5}"))).isEqualTo("'{{limit}}\\\\{{#soql}}'");
    }

    @Test
    void renderWhenSoqlLikeSectionThenWildcardsOfTheValueAreLiteral() {
        Template t = valid("Name LIKE '{{#soql_like}}{{prefix}}{{/soql_like}}%'", "prefix");
        assertThat(t.render(input("prefix", TextNode.valueOf("50%_O'Neil")))).isEqualTo("Name LIKE '50\\%\\_O\\'Neil%'");
    }

    @Test
    void renderWhenSoqlInsideArraySectionThenEachElementEscaped() {
        Template t = valid("Name IN ({{#names}}'{{#soql}}{{.}}{{/soql}}',{{/names}}'')", "names");
        var names = JsonNodeFactory.instance.arrayNode().add("a'b").add("c\\d");
        assertThat(t.render(input("names", names))).isEqualTo("Name IN ('a\\'b','c\\\\d','')");
    }

    @Test
    void renderWhenSoqlAroundOptionalValueNotGivenThenEmpty() {
        Template t = valid("'{{#soql}}{{name}}{{/soql}}'", "name");
        assertThat(t.render(Map.of())).isEqualTo("''");
    }

    @Test
    void variablesWhenSoqlSectionThenEscaperIsNotAnInput() {
        assertThat(valid("{{#soql}}{{name}}{{/soql}}{{#soql_like}}{{q}}{{/soql_like}}", "name", "q").variables())
                .containsExactly("name", "q");
    }
}
