package dev.connectorruntime.compile;

import static dev.connectorruntime.compile.Compiling.action;
import static dev.connectorruntime.compile.Compiling.bindFailure;
import static dev.connectorruntime.compile.Compiling.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.model.Action;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §4, §7: {@code -i NAME=VALUE} parsed by the input's type, defaults applied, unknown names refused. */
class InputValuesTest {

    private static final Action ACTION = action("""
            limit: {type: integer, description: How many to return, default: 10}
            ratio: {type: number}
            active: {type: boolean}
            name: {type: string}
            tags: {type: array}
            filter: {type: object}
            id: {type: string, required: true}
            """, "method: GET\npath: /things\n");

    private static Map<String, JsonNode> bind(Map<String, String> texts) {
        return InputValues.bind(ACTION, object("{'id': 'x'}"), texts).values();
    }

    private static Failure refused(Map<String, String> texts) {
        Failure f = bindFailure(ACTION, "{'id': 'x'}", texts);
        assertThat(f.kind()).isEqualTo(Kind.USAGE);
        return f;
    }

    @Test
    void bindWhenIntegerTextThenTheIntegerNotAString() {
        JsonNode limit = bind(Map.of("limit", "5")).get("limit");
        assertThat(limit.isIntegralNumber()).isTrue();
        assertThat(limit.intValue()).isEqualTo(5);
        assertThat(bind(Map.of("limit", "12345678901234567890")).get("limit").bigIntegerValue())
                .hasToString("12345678901234567890");
    }

    @Test
    void bindWhenIntegerTextIsNotAnIntegerThenUsageWithTheDescriptionAsHint() {
        for (String bad : new String[] {"abc", "2.5", "", "5 apples", "0x10"}) {
            Failure f = refused(Map.of("limit", bad));
            assertThat(f.getMessage()).isEqualTo("input `limit` must be an integer, not `" + bad + "`");
            assertThat(f.hint()).isEqualTo("limit: How many to return");
        }
    }

    @Test
    void bindWhenTheBadValueIsLongThenTheMessageShowsItsFirst100CharactersAndItsLength() {
        String bad = "x".repeat(5000);

        assertThat(refused(Map.of("limit", bad)).getMessage())
                .isEqualTo("input `limit` must be an integer, not `" + "x".repeat(100) + "…` (5000 characters)");
    }

    @Test
    void bindWhenTheBadValueIs100CharactersThenTheMessageShowsItWhole() {
        String bad = "é".repeat(100);

        assertThat(refused(Map.of("active", bad)).getMessage())
                .isEqualTo("input `active` must be true or false, not `" + bad + "`");
    }

    @Test
    void bindWhenAnUnknownInputsNameIsLongThenItIsCutToo() {
        assertThat(refused(Map.of("n".repeat(101), "1")).getMessage())
                .isEqualTo("`demo` has no input `" + "n".repeat(100) + "…` (101 characters)");
    }

    @Test
    void bindWhenNumberTextThenDecimalKeptExactly() {
        assertThat(bind(Map.of("ratio", "0.1")).get("ratio").decimalValue()).hasToString("0.1");
        assertThat(refused(Map.of("ratio", "NaN")).getMessage()).isEqualTo("input `ratio` must be a number, not `NaN`");
        assertThat(refused(Map.of("ratio", "1,5")).hint()).isNull();
    }

    @Test
    void bindWhenBooleanTextThenOnlyTrueOrFalse() {
        assertThat(bind(Map.of("active", "true")).get("active").booleanValue()).isTrue();
        assertThat(bind(Map.of("active", "false")).get("active").booleanValue()).isFalse();
        for (String bad : new String[] {"yes", "True", "1", "on", "FALSE"}) {
            assertThat(refused(Map.of("active", bad)).getMessage())
                    .isEqualTo("input `active` must be true or false, not `" + bad + "`");
        }
    }

    @Test
    void bindWhenStringTextThenTheTextAsIsEvenIfItLooksTyped() {
        assertThat(bind(Map.of("name", "5")).get("name").isTextual()).isTrue();
        assertThat(bind(Map.of("name", " true ")).get("name").textValue()).isEqualTo(" true ");
        assertThat(bind(Map.of("name", "<<secret>> {{id}}")).get("name").textValue()).isEqualTo("<<secret>> {{id}}");
    }

    @Test
    void bindWhenArrayOrObjectTextThenParsedAsJson() {
        assertThat(bind(Map.of("tags", "[\"a\", 1]")).get("tags").toString()).isEqualTo("[\"a\",1]");
        assertThat(bind(Map.of("filter", "{\"a\": {\"b\": null}}")).get("filter").toString())
                .isEqualTo("{\"a\":{\"b\":null}}");
    }

    @Test
    void bindWhenArrayOrObjectTextIsNotThatJsonThenUsage() {
        for (String bad : new String[] {"a,b", "{}", "[1", "", "[1] [2]"}) {
            assertThat(refused(Map.of("tags", bad)).getMessage())
                    .isEqualTo("input `tags` must be a JSON array, not `" + bad + "`");
        }
        assertThat(refused(Map.of("filter", "[]")).getMessage())
                .isEqualTo("input `filter` must be a JSON object, not `[]`");
    }

    @Test
    void bindWhenNothingGivenForAnOptionalInputThenDefaultOrAbsent() {
        Map<String, JsonNode> values = bind(Map.of());
        assertThat(values.get("limit").intValue()).isEqualTo(10);
        assertThat(values).containsOnlyKeys("limit", "id");
    }

    @Test
    void bindWhenJsonNullGivenThenAsIfNotGiven() {
        assertThat(InputValues.bind(ACTION, object("{'id': 'x', 'limit': null, 'name': null}"), Map.of()).values())
                .containsOnlyKeys("limit", "id");
    }

    @Test
    void bindWhenTextAndJsonGiveTheSameInputThenTheTextWins() {
        assertThat(InputValues.bind(ACTION, object("{'id': 'x', 'limit': 3}"), Map.of("limit", "4")).values()
                .get("limit").intValue()).isEqualTo(4);
    }

    @Test
    void bindWhenRequiredInputMissingThenUsageSayingHowToPassIt() {
        Failure f = bindFailure(ACTION, "{}", Map.of());
        assertThat(f.kind()).isEqualTo(Kind.USAGE);
        assertThat(f.getMessage()).isEqualTo("input `id` is required");
        assertThat(f.hint()).isEqualTo("pass -i id=VALUE");
    }

    @Test
    void bindWhenUnknownInputNearAKnownOneThenDidYouMean() {
        Failure f = refused(Map.of("limt", "5"));
        assertThat(f.getMessage()).isEqualTo("`demo` has no input `limt`");
        assertThat(f.hint()).isEqualTo("did you mean `limit`?");
        Failure fromJson = bindFailure(ACTION, "{'id': 'x', 'nme': 'a'}", Map.of());
        assertThat(fromJson.getMessage()).isEqualTo("`demo` has no input `nme`");
        assertThat(fromJson.hint()).isEqualTo("did you mean `name`?");
    }

    @Test
    void bindWhenUnknownInputFarFromAnyThenListsTheInputs() {
        assertThat(refused(Map.of("colour", "red")).hint())
                .isEqualTo("its inputs are: limit, ratio, active, name, tags, filter, id");
    }

    @Test
    void bindWhenActionTakesNoInputsThenSaysSo() {
        Action none = action("", "method: GET\npath: /things\n");
        Failure f = bindFailure(none, "{}", Map.of("limit", "5"));
        assertThat(f.getMessage()).isEqualTo("`demo` has no input `limit`");
        assertThat(f.hint()).isEqualTo("this action takes no inputs");
    }

    @Test
    void bindWhenTypedJsonHasTheWrongTypeThenUsage() {
        assertThat(bindFailure(ACTION, "{'id': 'x', 'limit': '5'}", Map.of()).getMessage())
                .isEqualTo("input `limit` must be an integer, not `5`");
        assertThat(bindFailure(ACTION, "{'id': 'x', 'active': 'true'}", Map.of()).getMessage())
                .isEqualTo("input `active` must be a boolean, not `true`");
        assertThat(bindFailure(ACTION, "{'id': 5}", Map.of()).getMessage())
                .isEqualTo("input `id` must be a string, not 5");
        assertThat(bindFailure(ACTION, "{'id': 'x', 'tags': {}}", Map.of()).getMessage())
                .isEqualTo("input `tags` must be an array, not an object");
        assertThat(bindFailure(ACTION, "{'id': 'x', 'limit': 2.5}", Map.of()).getMessage())
                .isEqualTo("input `limit` must be an integer, not 2.5");
    }

    @Test
    void bindWhenIntegerWrittenAsWholeDecimalThenAccepted() {
        assertThat(InputValues.bind(ACTION, object("{'id': 'x', 'limit': 5.0}"), Map.of()).values().get("limit")
                .decimalValue().intValueExact()).isEqualTo(5);
    }
}
