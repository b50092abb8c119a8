package dev.connectorruntime.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.secret.Placeholders.Part;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholdersTest {

    private static final Location WHERE = new Location(Path.of("connectors/salesforce.yaml"), 9, 13);

    private final List<Problem> problems = new ArrayList<>();

    private List<Part> parse(String text) {
        return Placeholders.parse(text, WHERE, problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<<token>>", "Bearer <<token>>", "<<Bad Name>>", "<<>>", "a << b >> c"})
    void containsWhenOpenedAndClosedThenTrueValidOrNot(String text) {
        assertThat(Placeholders.contains(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "a << b", ">> a <<", "<token>", "{{limit}}"})
    void containsWhenNotOpenedAndClosedThenFalse(String text) {
        assertThat(Placeholders.contains(text)).isFalse();
    }

    @Test
    void containsWhenNullThenFalse() {
        assertThat(Placeholders.contains(null)).isFalse();
    }

    @Test
    void parseWhenOnlyAPlaceholderThenOnePartWithoutDefault() {
        assertThat(parse("<<salesforce_password>>"))
                .containsExactly(new Part.Placeholder("salesforce_password", null));
        assertThat(problems).isEmpty();
    }

    @Test
    void parseWhenDefaultThenSplitsAroundIt() {
        assertThat(parse("https://<<salesforce_login_host:-login.salesforce.com>>/services/oauth2/token"))
                .containsExactly(
                        new Part.Literal("https://"),
                        new Part.Placeholder("salesforce_login_host", "login.salesforce.com"),
                        new Part.Literal("/services/oauth2/token"));
        assertThat(problems).isEmpty();
    }

    @Test
    void parseWhenDefaultIsEmptyThenEmptyDefault() {
        assertThat(parse("<<salesforce_security_token:->>"))
                .containsExactly(new Part.Placeholder("salesforce_security_token", ""));
    }

    @Test
    void parseWhenDefaultHasColonsAndAnglesThenKeptWhole() {
        assertThat(parse("<<url:-http://a:b@c/<x>>>"))
                .containsExactly(new Part.Placeholder("url", "http://a:b@c/<x"), new Part.Literal(">"));
        assertThat(parse("<<a:-x<<y>>")).containsExactly(new Part.Placeholder("a", "x<<y"));
    }

    @Test
    void parseWhenPlaceholdersTouchThenEachIsAPart() {
        assertThat(parse("<<salesforce_password>><<salesforce_security_token>>"))
                .containsExactly(
                        new Part.Placeholder("salesforce_password", null),
                        new Part.Placeholder("salesforce_security_token", null));
    }

    @Test
    void parseWhenNoPlaceholderThenOneLiteral() {
        assertThat(parse("application/json")).containsExactly(new Part.Literal("application/json"));
        assertThat(parse("")).isEmpty();
    }

    @Test
    void parseWhenOpeningNeverClosedThenText() {
        assertThat(parse("a << b <<c")).containsExactly(new Part.Literal("a << b <<c"));
        assertThat(problems).isEmpty();
    }

    @Test
    void parseWhenAnotherOpeningComesFirstThenTheNearestOneStartsThePlaceholder() {
        assertThat(parse("<< <<a>>")).containsExactly(new Part.Literal("<< "), new Part.Placeholder("a", null));
        assertThat(parse("<<<a>>")).containsExactly(new Part.Literal("<"), new Part.Placeholder("a", null));
        assertThat(problems).isEmpty();
    }

    @Test
    void parseWhenNameIsInvalidThenProblemAndLiteralText() {
        assertThat(parse("x <<Bad Name>> <<ok>>"))
                .containsExactly(new Part.Literal("x <<Bad Name>> "), new Part.Placeholder("ok", null));
        assertThat(problems).containsExactly(Problem.error(Code.SECRET_BAD_PLACEHOLDER, WHERE,
                "`<<Bad Name>>` is not a valid placeholder",
                "names are lower-case letters, digits and `_`, starting with a letter: `<<bad_name>>`"));
    }

    @Test
    void parseWhenInvalidNameHasADefaultThenTheSuggestionKeepsIt() {
        parse("<<Login-Host:-login.salesforce.com>>");

        assertThat(problems).extracting(Problem::message, Problem::hint).containsExactly(
                tuple(
                        "`<<Login-Host:-login.salesforce.com>>` is not a valid placeholder",
                        "names are lower-case letters, digits and `_`, starting with a letter: "
                                + "`<<login_host:-login.salesforce.com>>`"));
    }

    @Test
    void parseWhenSeveralInvalidThenOneProblemEach() {
        parse("<<>> <<1x>>");

        assertThat(problems).extracting(Problem::message).containsExactly(
                "`<<>>` is not a valid placeholder", "`<<1x>>` is not a valid placeholder");
    }

    @ParameterizedTest
    @CsvSource({
        "Bad Name, bad_name",
        "' token ', token",
        "2fa, secret_2fa",
        "_x_, x",
        "'', name",
        "--, name",
        "Ümlaut, mlaut",
    })
    void normaliseWhenInvalidNameThenSuggestsAValidOne(String name, String expected) {
        assertThat(Placeholders.normalise(name)).isEqualTo(expected);
    }

    @Test
    void envNameWhenNameThenUpperCased() {
        assertThat(Placeholders.envName("salesforce_password")).isEqualTo("SALESFORCE_PASSWORD");
        assertThat(Placeholders.envName("token2")).isEqualTo("TOKEN2");
    }
}
