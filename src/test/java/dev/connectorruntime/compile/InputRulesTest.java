package dev.connectorruntime.compile;

import static dev.connectorruntime.compile.Compiling.action;
import static dev.connectorruntime.compile.Compiling.bindFailure;
import static dev.connectorruntime.compile.Compiling.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.model.Action;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §4: each JSON Schema keyword an input may use, checked before anything is sent, with its own message. */
class InputRulesTest {

    private static final Action ACTION = action("""
            limit: {type: integer, minimum: 1, maximum: 2000}
            ratio: {type: number, exclusiveMinimum: 0, exclusiveMaximum: 1}
            state: {type: string, enum: [open, closed, all]}
            version: {type: string, const: v2}
            id: {type: string, pattern: "^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$"}
            code: {type: string, pattern: "[0-9]"}
            q: {type: string, minLength: 1, maxLength: 3}
            day: {type: string, format: date}
            at: {type: string, format: date-time}
            mail: {type: string, format: email}
            link: {type: string, format: uri}
            uid: {type: string, format: uuid}
            ids: {type: array, items: {type: integer}, minItems: 1, maxItems: 2}
            filter:
              type: object
              properties:
                age: {type: integer, minimum: 0}
              additionalProperties: false
            labels:
              type: object
              additionalProperties: {type: string}
            """, "method: GET\npath: /things\n");

    private static String refused(String json) {
        Failure f = bindFailure(ACTION, json, Map.of());
        assertThat(f.kind()).isEqualTo(Kind.USAGE);
        return f.getMessage();
    }

    private static String refusedText(String name, String text) {
        Failure f = bindFailure(ACTION, "{}", Map.of(name, text));
        assertThat(f.kind()).isEqualTo(Kind.USAGE);
        return f.getMessage();
    }

    private static void accepted(String json) {
        assertThat(InputValues.bind(ACTION, object(json), Map.of()).values()).isNotEmpty();
    }

    @Test
    void bindWhenBelowMinimumOrAboveMaximumThenSaysTheBoundAndTheValue() {
        assertThat(refusedText("limit", "0")).isEqualTo("input `limit` must be at least 1, not 0");
        assertThat(refusedText("limit", "2001")).isEqualTo("input `limit` must be at most 2000, not 2001");
        accepted("{'limit': 1}");
        accepted("{'limit': 2000}");
    }

    @Test
    void bindWhenOnAnExclusiveBoundThenRefused() {
        assertThat(refusedText("ratio", "0")).isEqualTo("input `ratio` must be more than 0, not 0");
        assertThat(refusedText("ratio", "1.0")).isEqualTo("input `ratio` must be less than 1, not 1.0");
        accepted("{'ratio': 0.999}");
    }

    @Test
    void bindWhenNotInEnumThenListsTheChoices() {
        assertThat(refusedText("state", "merged"))
                .isEqualTo("input `state` must be one of open, closed, all, not `merged`");
        assertThat(refusedText("state", "Open"))
                .isEqualTo("input `state` must be one of open, closed, all, not `Open`");
        accepted("{'state': 'all'}");
    }

    @Test
    void bindWhenALongValueBreaksARuleThenTheMessageShowsItsStartAndItsLength() {
        assertThat(refusedText("state", "y".repeat(300)))
                .isEqualTo("input `state` must be one of open, closed, all, not `" + "y".repeat(100) + "…` (300 characters)");
        assertThat(refusedText("limit", "9".repeat(150)))
                .isEqualTo("input `limit` must be at most 2000, not " + "9".repeat(100) + "… (150 characters)");
        assertThat(refusedText("day", "2024-01-01".repeat(20)))
                .isEqualTo("input `day` must be a valid date, not `" + "2024-01-01".repeat(10) + "…` (200 characters)");
    }

    @Test
    void bindWhenNotTheConstThenSaysTheConst() {
        assertThat(refusedText("version", "v3")).isEqualTo("input `version` must be \"v2\", not `v3`");
    }

    @Test
    void bindWhenPatternDoesNotMatchThenShowsThePattern() {
        assertThat(refusedText("id", "003XX000004TmiQ!")).isEqualTo(
                "input `id` must match the pattern `^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$`");
        accepted("{'id': '003XX000004TmiQ'}");
        accepted("{'id': '003XX000004TmiQAAA'}");
    }

    @Test
    void bindWhenPatternIsUnanchoredThenItMatchesAnywhereAsJsonSchemaSays() {
        accepted("{'code': 'abc1def'}");
        assertThat(refusedText("code", "abc")).isEqualTo("input `code` must match the pattern `[0-9]`");
    }

    @Test
    void bindWhenTooShortOrTooLongThenSaysTheLengthInCharacters() {
        assertThat(refusedText("q", "")).isEqualTo("input `q` must be at least 1 character long, not 0");
        assertThat(refusedText("q", "abcd")).isEqualTo("input `q` must be at most 3 characters long, not 4");
        accepted("{'q': '👍👍👍'}");
    }

    @Test
    void bindWhenDateIsNotARealDateThenNamesTheFormat() {
        assertThat(refusedText("day", "2024-02-30")).isEqualTo("input `day` must be a valid date, not `2024-02-30`");
        assertThat(refusedText("day", "30/01/2024")).isEqualTo("input `day` must be a valid date, not `30/01/2024`");
        accepted("{'day': '2024-02-29'}");
    }

    @Test
    void bindWhenDateTimeLacksAnOffsetThenRefused() {
        assertThat(refusedText("at", "2024-01-01T10:00:00"))
                .isEqualTo("input `at` must be a valid date-time, not `2024-01-01T10:00:00`");
        accepted("{'at': '2024-01-01T10:00:00Z'}");
        accepted("{'at': '2024-01-01T10:00:00.5+02:00'}");
    }

    @Test
    void bindWhenEmailOrUriMalformedThenRefused() {
        assertThat(refusedText("mail", "ada@")).isEqualTo("input `mail` must be a valid email, not `ada@`");
        assertThat(refusedText("mail", "ada lovelace@example.com"))
                .isEqualTo("input `mail` must be a valid email, not `ada lovelace@example.com`");
        accepted("{'mail': 'ada@example.com'}");
        assertThat(refusedText("link", "example.com/x"))
                .isEqualTo("input `link` must be a valid uri, not `example.com/x`");
        assertThat(refusedText("link", "https://exa mple.com"))
                .isEqualTo("input `link` must be a valid uri, not `https://exa mple.com`");
        accepted("{'link': 'https://example.com/x?y=1'}");
    }

    @Test
    void bindWhenUuidIsNotTheCanonicalFormThenRefused() {
        for (String bad : new String[] {"not-a-uuid", "123e4567-e89b-12d3-a456-42661417400",
                "123e4567e-89b-12d3-a456-426614174000", "123e4567-e89b-12d3-a456-4266141740zz"}) {
            assertThat(refusedText("uid", bad)).isEqualTo("input `uid` must be a valid uuid, not `" + bad + "`");
        }
        accepted("{'uid': '123e4567-e89b-12d3-a456-426614174000'}");
        accepted("{'uid': '123E4567-E89B-12D3-A456-426614174000'}");
    }

    @Test
    void bindWhenArrayItemHasTheWrongTypeThenNamesTheItem() {
        assertThat(refusedText("ids", "[1, \"x\"]")).isEqualTo("input `ids` item 1 must be an integer, not `x`");
    }

    @Test
    void bindWhenTooFewOrTooManyItemsThenSaysHowMany() {
        assertThat(refusedText("ids", "[]")).isEqualTo("input `ids` must have at least 1 item, not 0");
        assertThat(refusedText("ids", "[1, 2, 3]")).isEqualTo("input `ids` must have at most 2 items, not 3");
    }

    @Test
    void bindWhenObjectHasAPropertyNotAllowedThenNamesIt() {
        assertThat(refusedText("filter", "{\"age\": 3, \"colour\": \"red\"}"))
                .isEqualTo("input `filter` has no property `colour`");
    }

    @Test
    void bindWhenObjectPropertyBreaksItsSchemaThenNamesTheProperty() {
        assertThat(refusedText("filter", "{\"age\": -1}"))
                .isEqualTo("input `filter` property `age` must be at least 0, not -1");
        assertThat(refusedText("labels", "{\"a\": 1}"))
                .isEqualTo("input `labels` property `a` must be a string, not 1");
        accepted("{'labels': {'a': 'b'}}");
    }
}
