package dev.connectorruntime.compile;

import static dev.connectorruntime.compile.Compiling.compile;
import static dev.connectorruntime.compile.Compiling.given;
import static dev.connectorruntime.compile.Compiling.render;
import static dev.connectorruntime.compile.Compiling.renderFailure;
import static dev.connectorruntime.compile.Compiling.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import org.junit.jupiter.api.Test;

/** SPEC §5.2: a path value is one segment, percent-encoded per RFC 3986, never empty, {@code .} or {@code ..}. */
class RenderPathTest {

    private static final CompiledAction GET_THING = compile("""
            id: {type: string, required: true}
            """, """
            method: GET
            path: /things/{{id}}/details
            """);

    private static String pathFor(String id) {
        return render(GET_THING, given("id", id)).path();
    }

    @Test
    void renderWhenPathValueHasSlashThenItStaysInOneSegment() {
        assertThat(pathFor("a/b")).isEqualTo("/things/a%2Fb/details");
    }

    @Test
    void renderWhenPathValueClimbsUpThenTheDotsStayInsideTheSegment() {
        assertThat(pathFor("../x")).isEqualTo("/things/..%2Fx/details");
        assertThat(pathFor("../../admin")).isEqualTo("/things/..%2F..%2Fadmin/details");
    }

    @Test
    void renderWhenPathValueIsAlreadyEncodedThenThePercentIsEncodedAgain() {
        assertThat(pathFor("%2F")).isEqualTo("/things/%252F/details");
    }

    @Test
    void renderWhenPathValueHoldsQueryOrFragmentThenTheyAreEncoded() {
        assertThat(pathFor("?x=1")).isEqualTo("/things/%3Fx%3D1/details");
        assertThat(pathFor("#f")).isEqualTo("/things/%23f/details");
        assertThat(url(render(GET_THING, given("id", "1?admin=true#top"))))
                .isEqualTo("https://api.example.com/v1/things/1%3Fadmin%3Dtrue%23top/details");
    }

    @Test
    void renderWhenPathValueHasSpacePlusOrNonAsciiThenUtf8PercentEncoded() {
        assertThat(pathFor("José Müller+1")).isEqualTo("/things/Jos%C3%A9%20M%C3%BCller%2B1/details");
        assertThat(pathFor("a-b.c_d~e")).isEqualTo("/things/a-b.c_d~e/details");
    }

    @Test
    void renderWhenPathValueIsEmptyThenUsageFailure() {
        Failure f = renderFailure(GET_THING, given("id", ""));
        assertThat(f.kind()).isEqualTo(Kind.USAGE);
        assertThat(f.getMessage()).isEqualTo("a path segment of `demo` would be empty");
        assertThat(f.hint()).isEqualTo("path values may not be empty, `.` or `..`: check `id`");
    }

    @Test
    void renderWhenPathValueIsDotOrDotDotThenUsageFailure() {
        for (String dots : new String[] {".", ".."}) {
            Failure f = renderFailure(GET_THING, given("id", dots));
            assertThat(f.kind()).isEqualTo(Kind.USAGE);
            assertThat(f.getMessage()).isEqualTo("a path segment of `demo` would be `" + dots + "`");
            assertThat(f.hint()).isEqualTo("path values may not be empty, `.` or `..`: check `id`");
        }
    }

    @Test
    void renderWhenDotsAreOnlyPartOfTheSegmentThenAllowed() {
        CompiledAction c = compile("""
                name: {type: string, required: true}
                """, """
                method: GET
                path: /files/v{{name}}
                """);
        assertThat(render(c, given("name", "..")).path()).isEqualTo("/files/v..");
    }

    @Test
    void renderWhenTwoVariablesMakeAnEmptySegmentThenBothAreNamed() {
        CompiledAction c = compile("""
                a: {type: string, default: ""}
                b: {type: string, default: ""}
                """, """
                method: GET
                path: /x/{{a}}{{b}}
                """);
        assertThat(renderFailure(c, "{}").hint())
                .isEqualTo("path values may not be empty, `.` or `..`: check `a`, `b`");
    }

    @Test
    void renderWhenPathValueIsANumberThenPlainDigits() {
        CompiledAction c = compile("""
                n: {type: number, required: true}
                """, """
                method: GET
                path: /pages/{{n}}
                """);
        assertThat(render(c, "{'n': 1e10}").path()).isEqualTo("/pages/10000000000");
        assertThat(render(c, "{'n': -2.5}").path()).isEqualTo("/pages/-2.5");
    }

    @Test
    void renderWhenPathValueIsAnArrayThenOneEncodedJsonSegment() {
        CompiledAction c = compile("""
                ids: {type: array, required: true}
                """, """
                method: GET
                path: /batch/{{ids}}
                """);
        assertThat(render(c, "{'ids': ['a', 'b/c']}").path()).isEqualTo("/batch/%5B%22a%22%2C%22b%2Fc%22%5D");
    }

    @Test
    void renderWhenPathSectionOverAFalseBooleanThenTheSectionIsLeftOut() {
        CompiledAction c = compile("""
                id: {type: integer, required: true}
                as_json: {type: boolean, default: false}
                """, """
                method: GET
                path: /users/{{id}}{{#as_json}}.json{{/as_json}}
                """);
        assertThat(render(c, "{'id': 5}").path()).isEqualTo("/users/5");
        assertThat(render(c, "{'id': 5, 'as_json': true}").path()).isEqualTo("/users/5.json");
    }

    @Test
    void renderWhenPathHasNoVariableThenAsWrittenWithTrailingSlashKept() {
        CompiledAction c = compile("", """
                method: GET
                path: /services/data/v58.0/
                """);
        assertThat(render(c, "{}").path()).isEqualTo("/services/data/v58.0/");
        assertThat(url(render(c, "{}"))).isEqualTo("https://api.example.com/v1/services/data/v58.0/");
    }
}
