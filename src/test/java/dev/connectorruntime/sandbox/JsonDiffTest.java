package dev.connectorruntime.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.model.Json;
import org.junit.jupiter.api.Test;

/** Output and body comparison: JSON equality as a reader means it, and differences a reader can act on. */
class JsonDiffTest {

    static boolean equal(String a, String b) throws Exception {
        return JsonDiff.equal(Json.parse(a), Json.parse(b));
    }

    static java.util.List<String> diff(String expected, String actual) throws Exception {
        return JsonDiff.differences(Json.parse(expected), Json.parse(actual));
    }

    @Test
    void equalWhenNumbersHaveTheSameValueAndMembersAnotherOrder() throws Exception {
        assertThat(equal("{\"a\":2,\"b\":[1.50,1e2]}", "{\"b\":[1.5,100],\"a\":2.0}")).isTrue();
        assertThat(equal("[1,2]", "[2,1]")).isFalse();
        assertThat(equal("\"1\"", "1")).isFalse();
    }

    @Test
    void differencesNameThePathOfEachOne() throws Exception {
        assertThat(diff("[{\"name\":\"Ada\",\"email\":\"ada@example.com\"},{\"name\":\"Alan\"}]",
                "[{\"name\":\"Ada\",\"phone\":\"555\"},{\"name\":\"Grace\"},{\"name\":\"Linus\"}]")).containsExactly(
                "[0].email: missing, expected \"ada@example.com\"",
                "[0].phone: not expected, got \"555\"",
                "[1].name: expected \"Alan\", got \"Grace\"",
                "expected 2 items, got 3 items",
                "[2]: not expected, got {\"name\":\"Linus\"}");
    }

    @Test
    void differencesQuoteMemberNamesThatAreNotIdentifiers() throws Exception {
        assertThat(diff("{\"first name\":{\"x-y\":1}}", "{\"first name\":{\"x-y\":2}}"))
                .containsExactly("[\"first name\"][\"x-y\"]: expected 1, got 2");
    }

    @Test
    void differencesAreCappedWithACount() throws Exception {
        assertThat(diff("[1,2,3,4,5,6,7,8,9,10,11,12]", "[0,0,0,0,0,0,0,0,0,0,0,0]"))
                .hasSize(JsonDiff.MAX_LINES).last().isEqualTo("… and 3 more differences");
    }
}
