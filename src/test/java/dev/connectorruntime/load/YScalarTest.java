package dev.connectorruntime.load;

import static dev.connectorruntime.load.Loading.parseMap;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §1: scalars follow the YAML 1.2 core schema, and keep their source text. */
class YScalarTest {

    private static YScalar value(String yamlValue) {
        return (YScalar) parseMap("v: " + yamlValue + "\n").get("v");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "on", "off", "NO", "True", "FALSE", "y", "n"})
    void parseWhenYaml11BooleanWordThenItStaysAString(String word) {
        YScalar scalar = value(word);

        assertThat(scalar.asBoolean()).isNull();
        assertThat(scalar.kindName()).isEqualTo("string");
        assertThat(scalar.toJson()).isEqualTo(TextNode.valueOf(word));
    }

    @Test
    void parseWhenLowercaseTrueOrFalseThenBoolean() {
        assertThat(value("true").asBoolean()).isTrue();
        assertThat(value("false").asBoolean()).isFalse();
        assertThat(value("true").toJson()).isEqualTo(BooleanNode.TRUE);
        assertThat(value("false").kindName()).isEqualTo("boolean");
    }

    @Test
    void parseWhenQuotedTrueThenString() {
        YScalar scalar = value("\"true\"");

        assertThat(scalar.plain()).isFalse();
        assertThat(scalar.asBoolean()).isNull();
        assertThat(scalar.toJson()).isEqualTo(TextNode.valueOf("true"));
    }

    @Test
    void parseWhenDecimalWithTrailingZeroThenTextAndScaleAreKept() {
        YScalar scalar = value("2.10");

        assertThat(scalar.text()).isEqualTo("2.10");
        assertThat(scalar.isNumber()).isTrue();
        assertThat(scalar.isInteger()).isFalse();
        assertThat(scalar.toJson()).isInstanceOf(DecimalNode.class);
        assertThat(scalar.toJson().decimalValue()).isEqualTo(new BigDecimal("2.10")).hasScaleOf(2);
        assertThat(scalar.toJson().toString()).isEqualTo("2.10");
    }

    @Test
    void parseWhenIntegerWithLeadingZeroThenDecimalTenNotOctal() {
        YScalar scalar = value("010");

        assertThat(scalar.text()).isEqualTo("010");
        assertThat(scalar.isInteger()).isTrue();
        assertThat(scalar.toJson()).isEqualTo(LongNode.valueOf(10));
    }

    @Test
    void parseWhenHexOrOctalThenInteger() {
        assertThat(value("0x1F").toJson()).isEqualTo(LongNode.valueOf(31));
        assertThat(value("0o17").toJson()).isEqualTo(LongNode.valueOf(15));
        assertThat(value("0x1F").text()).isEqualTo("0x1F");
    }

    @Test
    void parseWhenExponentThenDecimalNumber() {
        YScalar scalar = value("1e3");

        assertThat(scalar.isNumber()).isTrue();
        assertThat(scalar.isInteger()).isFalse();
        assertThat(scalar.toJson().decimalValue()).isEqualByComparingTo("1000");
        assertThat(scalar.kindName()).isEqualTo("number");
    }

    @Test
    void parseWhenIntegerBeyondLongThenBigInteger() {
        assertThat(value("-12").toJson()).isEqualTo(LongNode.valueOf(-12));
        assertThat(value("123456789012345678901234567890").toJson())
                .isEqualTo(BigIntegerNode.valueOf(new BigInteger("123456789012345678901234567890")));
    }

    @ParameterizedTest
    @ValueSource(strings = {".inf", "-.inf", ".nan", "1_000", "0b101", "1.2.3", "12:30", "0x", "+0x1F"})
    void parseWhenNotACoreSchemaNumberThenString(String text) {
        YScalar scalar = value(text);

        assertThat(scalar.isNumber()).isFalse();
        assertThat(scalar.toJson()).isEqualTo(TextNode.valueOf(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"10\"", "'10'", "\"2.10\""})
    void parseWhenQuotedNumberThenString(String quoted) {
        YScalar scalar = value(quoted);

        assertThat(scalar.isNumber()).isFalse();
        assertThat(scalar.toJson()).isInstanceOf(TextNode.class);
        assertThat(scalar.kindName()).isEqualTo("string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"~", "null", "Null", "NULL", ""})
    void parseWhenNullSpellingOrEmptyThenNull(String text) {
        YScalar scalar = value(text);

        assertThat(scalar.isNull()).isTrue();
        assertThat(scalar.text()).isEqualTo(text);
        assertThat(scalar.toJson()).isEqualTo(NullNode.getInstance());
        assertThat(scalar.kindName()).isEqualTo("null");
    }

    @Test
    void parseWhenQuotedNullOrEmptyThenString() {
        assertThat(value("\"null\"").isNull()).isFalse();
        assertThat(value("''").isNull()).isFalse();
        assertThat(value("''").toJson()).isEqualTo(TextNode.valueOf(""));
    }

    @Test
    void parseWhenLiteralBlockThenLinesAreKeptAndItIsAString() {
        YScalar scalar = (YScalar) parseMap("v: |\n  SELECT Name\n  FROM Contact\n").get("v");

        assertThat(scalar.text()).isEqualTo("SELECT Name\nFROM Contact\n");
        assertThat(scalar.plain()).isFalse();
    }

    @Test
    void parseWhenFoldedBlockThenLinesAreJoined() {
        YScalar scalar = (YScalar) parseMap("v: >-\n  SELECT Name\n  FROM Contact\n").get("v");

        assertThat(scalar.text()).isEqualTo("SELECT Name FROM Contact");
    }

    @Test
    void parseWhenLiteralBlockHoldsANumberThenItIsStillAString() {
        YScalar scalar = (YScalar) parseMap("v: |-\n  42\n").get("v");

        assertThat(scalar.isNumber()).isFalse();
        assertThat(scalar.toJson()).isEqualTo(TextNode.valueOf("42"));
    }

    @Test
    void parseWhenUnicodeTextThenKeptExactly() {
        YScalar scalar = value("\"Ada Lovelace — 数学者 🧮\\u00e9\"");

        assertThat(scalar.text()).isEqualTo("Ada Lovelace — 数学者 🧮é");
    }
}
