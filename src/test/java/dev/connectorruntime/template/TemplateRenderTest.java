package dev.connectorruntime.template;

import static dev.connectorruntime.template.TemplateFixtures.input;
import static dev.connectorruntime.template.TemplateFixtures.inputs;
import static dev.connectorruntime.template.TemplateFixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §5.2: how each kind of value renders, before the caller encodes it for its destination. */
class TemplateRenderTest {

    @Test
    void renderWhenStringThenItsTextWithoutHtmlEscaping() {
        Template t = valid("Name = {{name}}", "name");
        assertThat(t.render(input("name", TextNode.valueOf("<b>\"O'Brien\" & co</b>"))))
                .isEqualTo("Name = <b>\"O'Brien\" & co</b>");
    }

    @Test
    void renderWhenValueContainsMustacheThenItStaysLiteral() {
        Template t = valid("q={{name}}", "name", "limit");
        assertThat(t.render(inputs("{'name': '{{limit}} {{{limit}}} {{#limit}}x{{/limit}}', 'limit': 5}")))
                .isEqualTo("q={{limit}} {{{limit}}} {{#limit}}x{{/limit}}");
    }

    @Test
    void renderWhenValueContainsSecretPlaceholderThenItStaysLiteral() {
        Template t = valid("{{name}}", "name");
        assertThat(t.render(inputs("{'name': '<<salesforce_password>>'}"))).isEqualTo("<<salesforce_password>>");
    }

    @Test
    void renderWhenValueIsHostileThenItIsInsertedVerbatim() {
        Template t = valid("[{{name}}]", "name");
        String hostile = "a\r\nX-Evil: 1\\'\"%_/../?#&=+ José 👍";
        assertThat(t.render(input("name", TextNode.valueOf(hostile)))).isEqualTo("[" + hostile + "]");
    }

    @Test
    void renderWhenIntegerThenPlainDigits() {
        Template t = valid("LIMIT {{limit}}", "limit");
        assertThat(t.render(input("limit", LongNode.valueOf(10_000_000_000L)))).isEqualTo("LIMIT 10000000000");
        assertThat(t.render(input("limit", BigIntegerNode.valueOf(new BigInteger("123456789012345678901234567890")))))
                .isEqualTo("LIMIT 123456789012345678901234567890");
    }

    @Test
    void renderWhenNumberIs1e10ThenPlainNeverScientific() {
        Template t = valid("{{n}}", "n");
        assertThat(t.render(input("n", DoubleNode.valueOf(1e10)))).isEqualTo("10000000000");
        assertThat(t.render(input("n", DecimalNode.valueOf(new BigDecimal("1E+10"))))).isEqualTo("10000000000");
        assertThat(t.render(inputs("{'n': 1e10}"))).isEqualTo("10000000000");
        assertThat(t.render(input("n", DoubleNode.valueOf(1e-7)))).isEqualTo("0.0000001");
        assertThat(t.render(input("n", DoubleNode.valueOf(1e21)))).isEqualTo("1000000000000000000000");
    }

    @Test
    void renderWhenDecimalThenItsOwnDigits() {
        Template t = valid("{{n}}", "n");
        assertThat(t.render(input("n", DoubleNode.valueOf(0.5)))).isEqualTo("0.5");
        assertThat(t.render(input("n", DoubleNode.valueOf(1.0)))).isEqualTo("1.0");
        assertThat(t.render(input("n", FloatNode.valueOf(0.1f)))).isEqualTo("0.1");
        assertThat(t.render(input("n", DecimalNode.valueOf(new BigDecimal("2.10"))))).isEqualTo("2.10");
    }

    @Test
    void renderWhenBooleanThenTrueOrFalse() {
        Template t = valid("active={{flag}}", "flag");
        assertThat(t.render(inputs("{'flag': true}"))).isEqualTo("active=true");
        assertThat(t.render(inputs("{'flag': false}"))).isEqualTo("active=false");
    }

    @Test
    void renderWhenNotGivenOrNullThenEmpty() {
        Template t = valid("[{{name}}]", "name");
        assertThat(t.render(Map.of())).isEqualTo("[]");
        assertThat(t.render(input("name", NullNode.getInstance()))).isEqualTo("[]");
        assertThat(t.render(input("name", null))).isEqualTo("[]");
    }

    @Test
    void renderWhenArrayOrObjectAsVariableThenCompactJsonWithPlainNumbers() {
        Template t = valid("{{v}}", "v");
        assertThat(t.render(inputs("{'v': [1, 'a b', true, null, 1e10, {'k': 'x\\\"y'}]}")))
                .isEqualTo("[1,\"a b\",true,null,10000000000,{\"k\":\"x\\\"y\"}]");
        assertThat(t.render(inputs("{'v': {'a': [], 'b': {}}}"))).isEqualTo("{\"a\":[],\"b\":{}}");
    }

    @Test
    void renderWhenSectionOverArrayThenBodyPerElement() {
        Template t = valid("{{#tags}}{{.}},{{/tags}}", "tags");
        assertThat(t.render(inputs("{'tags': ['a', 'b c', 3, 0.5]}"))).isEqualTo("a,b c,3,0.5,");
        assertThat(t.render(inputs("{'tags': []}"))).isEmpty();
    }

    @Test
    void renderWhenSectionOverArrayOfObjectsThenNamesStillMeanInputs() {
        Template t = valid("{{#tags}}{{limit}}:{{.}};{{/tags}}", "tags", "limit");
        assertThat(t.render(inputs("{'tags': [{'limit': 99}], 'limit': 5}"))).isEqualTo("5:{\"limit\":99};");
    }

    @Test
    void renderWhenSectionOverStringThenNoMethodOfStringAnswersAName() {
        Template t = valid("{{#name}}[{{empty}}|{{bytes}}|{{.}}]{{/name}}", "name", "empty", "bytes");
        assertThat(t.render(inputs("{'name': 'x'}"))).isEqualTo("[||x]");
    }

    @Test
    void renderWhenOptionalFragmentGivenThenIncluded() {
        Template t = valid("SELECT Id FROM Contact{{#since}} WHERE CreatedDate > {{since}}{{/since}}", "since");
        assertThat(t.render(inputs("{'since': '2024-01-01T00:00:00Z'}")))
                .isEqualTo("SELECT Id FROM Contact WHERE CreatedDate > 2024-01-01T00:00:00Z");
        assertThat(t.render(Map.of())).isEqualTo("SELECT Id FROM Contact");
    }

    @Test
    void renderWhenInvertedSectionThenOnlyForFalsyValues() {
        Template t = valid("{{^v}}none{{/v}}{{#v}}some{{/v}}", "v");
        assertThat(t.render(Map.of())).isEqualTo("none");
        assertThat(t.render(inputs("{'v': null}"))).isEqualTo("none");
        assertThat(t.render(inputs("{'v': false}"))).isEqualTo("none");
        assertThat(t.render(inputs("{'v': ''}"))).isEqualTo("none");
        assertThat(t.render(inputs("{'v': []}"))).isEqualTo("none");
        assertThat(t.render(inputs("{'v': true}"))).isEqualTo("some");
        assertThat(t.render(inputs("{'v': 0}"))).isEqualTo("some");
        assertThat(t.render(inputs("{'v': {}}"))).isEqualTo("some");
        assertThat(t.render(inputs("{'v': 'x'}"))).isEqualTo("some");
    }

    @Test
    void renderWhenInvertedSectionInsideArraySectionThenDotIsStillTheElement() {
        Template t = valid("{{#tags}}{{^flag}}{{.}}{{/flag}}{{/tags}}", "tags", "flag");
        assertThat(t.render(inputs("{'tags': ['a', 'b'], 'flag': false}"))).isEqualTo("ab");
    }

    @Test
    void renderWhenStandaloneSectionLinesThenTheyLeaveNoBlankLine() {
        Template t = valid("Hello\n{{#since}}\nsince {{since}}\n{{/since}}\nbye", "since");
        assertThat(t.render(inputs("{'since': 'May'}"))).isEqualTo("Hello\nsince May\nbye");
        assertThat(t.render(Map.of())).isEqualTo("Hello\nbye");
    }

    @Test
    void renderWhenTemplateHasCrLfThenKept() {
        Template t = valid("a\r\n{{name}}\r\nb", "name");
        assertThat(t.render(inputs("{'name': 'x'}"))).isEqualTo("a\r\nx\r\nb");
    }

    @Test
    void renderWhenCommentThenNothing() {
        assertThat(valid("a{{! not sent }}b").render(Map.of())).isEqualTo("ab");
    }

    @Test
    void renderWhenObjectValueIsLargeThenStillCompactJson() {
        var array = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < 3; i++) {
            array.addObject().put("i", i);
        }
        assertThat(valid("{{v}}", "v").render(input("v", array))).isEqualTo("[{\"i\":0},{\"i\":1},{\"i\":2}]");
    }
}
