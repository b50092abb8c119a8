package dev.connectorruntime.load;

import static dev.connectorruntime.load.Loading.FILE;
import static dev.connectorruntime.load.Loading.problem;
import static dev.connectorruntime.load.Loading.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §1: what the loader refuses, with the exact code, place, message and hint. */
class YamlLoaderProblemsTest {

    private static Location at(int line, int column) {
        return new Location(FILE, line, column);
    }

    @Test
    void parseWhenSyntaxErrorThenSnakeYamlProblemAtItsMarkWithoutContextDump() {
        Problem problem = problem("name: x\nurl: a: b\n");

        assertThat(problem.code()).isEqualTo(Code.YAML_SYNTAX);
        assertThat(problem.location()).isEqualTo(at(2, 7));
        assertThat(problem.message()).isEqualTo("mapping values are not allowed here");
        assertThat(problem.hint()).isNull();
    }

    @Test
    void parseWhenSyntaxErrorHasAContextThenHintPointsAtIt() {
        Problem problem = problem("name: x\nquery: [a, b\n");

        assertThat(problem.code()).isEqualTo(Code.YAML_SYNTAX);
        assertThat(problem.location()).isEqualTo(at(3, 1));
        assertThat(problem.message()).isEqualTo("expected ',' or ']', but got <stream end>");
        assertThat(problem.hint()).isEqualTo("see the flow sequence that starts at line 2, column 8");
    }

    @Test
    void parseWhenTabIndentsThenSyntaxErrorWithoutSnakeYamlAdvice() {
        Problem problem = problem("name: x\ninputs:\n\tlimit: 1\n");

        assertThat(problem.code()).isEqualTo(Code.YAML_SYNTAX);
        assertThat(problem.location()).isEqualTo(at(3, 1));
        assertThat(problem.message()).isEqualTo("found character '\\t(TAB)' that cannot start any token");
        assertThat(problem.hint()).isEqualTo("indent with spaces, not tabs");
    }

    @Test
    void parseWhenControlCharacterThenSyntaxErrorAtIt() {
        Problem problem = problem("name: x\ndescription: a\u0007b\n");

        assertThat(problem.code()).isEqualTo(Code.YAML_SYNTAX);
        assertThat(problem.location()).isEqualTo(at(2, 15));
        assertThat(problem.message()).isEqualTo("special characters are not allowed");
        assertThat(problem.hint()).isEqualTo("remove the character U+0007");
    }

    @Test
    void parseWhenControlCharacterFarIntoTheFileThenStillLocatedExactly() {
        String lines = "items:\r\n" + "  - value value value value value value\r\n".repeat(300);

        Problem problem = problem(lines + "last: \u0000\r\n");

        assertThat(problem.location()).isEqualTo(at(302, 7));
        assertThat(problem.hint()).isEqualTo("remove the character U+0000");
    }

    @Test
    void parseWhenTemplateWithTextAfterItIsUnquotedThenExplainsTheFlowMapping() {
        Problem problem = problem("name: get-contact\nrequest:\n  path: {{id}}/x   # the contact\n");

        assertThat(problem.code()).isEqualTo(Code.YAML_UNQUOTED_TEMPLATE);
        assertThat(problem.location()).isEqualTo(at(3, 9));
        assertThat(problem.message()).isEqualTo("`{{` starts a YAML flow mapping here, not a template");
        assertThat(problem.hint()).isEqualTo("quote the value: \"{{id}}/x\"");
    }

    @Test
    void parseWhenWholeValueIsAnUnquotedTemplateThenReportedThoughYamlParsesIt() {
        Problem problem = problem("name: x\nrequest:\n  query:\n    q: {{limit}}\n");

        assertThat(problem.code()).isEqualTo(Code.YAML_UNQUOTED_TEMPLATE);
        assertThat(problem.location()).isEqualTo(at(4, 8));
        assertThat(problem.message()).isEqualTo("`{{` starts a YAML flow mapping here, not a template");
        assertThat(problem.hint()).isEqualTo("quote the value: \"{{limit}}\"");
    }

    @Test
    void parseWhenUnquotedTemplatesInListAndFlowMappingThenEachIsReported() {
        List<Problem> problems = problems("a:\n  - {{x}}\nb: { c: {{y}} }\n");

        assertThat(problems).extracting(Problem::code, Problem::location, Problem::hint).containsExactly(
                tuple(Code.YAML_UNQUOTED_TEMPLATE, at(2, 5), "quote the value: \"{{x}}\""),
                tuple(Code.YAML_UNQUOTED_TEMPLATE, at(3, 9), "quote the value: \"{{y}}\""));
    }

    @Test
    void parseWhenUnquotedSectionTemplateThenReportedAtItsBraces() {
        Problem problem = problem("q: {{#name}}Name = '{{name}}'{{/name}}\n");

        assertThat(problem.code()).isEqualTo(Code.YAML_UNQUOTED_TEMPLATE);
        assertThat(problem.location()).isEqualTo(at(1, 4));
        assertThat(problem.hint()).isEqualTo("quote the value: \"{{#name}}Name = '{{name}}'{{/name}}\"");
    }

    @Test
    void parseWhenUnquotedTemplateSpansLinesThenGenericHint() {
        Problem problem = problem("q: {{limit\n  }}\n");

        assertThat(problem.code()).isEqualTo(Code.YAML_UNQUOTED_TEMPLATE);
        assertThat(problem.hint()).isEqualTo("quote the whole value in double quotes");
    }

    @Test
    void parseWhenKeyIsDuplicatedThenReportsSecondOccurrence() {
        Problem problem = problem("name: a\ndescription: b\nname: c\n");

        assertThat(problem.code()).isEqualTo(Code.YAML_DUPLICATE_KEY);
        assertThat(problem.location()).isEqualTo(at(3, 1));
        assertThat(problem.message()).isEqualTo("duplicate key `name` (first at line 1)");
        assertThat(problem.hint()).isEqualTo("keep only one `name` entry");
    }

    @Test
    void parseWhenSeveralDuplicatesThenAllAreCollectedInFileOrder() {
        List<Problem> problems = problems("""
                name: a
                inputs:
                  limit: { type: integer, type: string }
                name: b
                "name": c
                """);

        assertThat(problems).extracting(Problem::code, Problem::location, Problem::message).containsExactly(
                tuple(Code.YAML_DUPLICATE_KEY, at(3, 27), "duplicate key `type` (first at line 3)"),
                tuple(Code.YAML_DUPLICATE_KEY, at(4, 1), "duplicate key `name` (first at line 1)"),
                tuple(Code.YAML_DUPLICATE_KEY, at(5, 1), "duplicate key `name` (first at line 1)"));
    }

    @Test
    void parseWhenSameKeyInDifferentMappingsThenNoProblem() {
        YMap root = Loading.parseMap("a: { name: 1 }\nb: { name: 2 }\nname: 3\n");

        assertThat(root.keys()).containsExactly("a", "b", "name");
    }

    @Test
    void parseWhenAnchorAndAliasThenBothRefused() {
        List<Problem> problems = problems("base: &common\n  Accept: application/json\nheaders: *common\n");

        assertThat(problems).extracting(Problem::code, Problem::location, Problem::message, Problem::hint)
                .containsExactly(
                        tuple(Code.YAML_ANCHOR, at(1, 7), "anchors are not allowed in definitions",
                                "write the value out in full"),
                        tuple(Code.YAML_ALIAS, at(3, 10), "aliases are not allowed in definitions",
                                "write the value out in full"));
    }

    @Test
    void parseWhenMergeKeyWithAliasThenAliasRefused() {
        List<Problem> problems = problems("a: &x { b: 1 }\nc:\n  <<: *x\n");

        assertThat(problems).extracting(Problem::code).containsExactly(Code.YAML_ANCHOR, Code.YAML_ALIAS);
    }

    @Test
    void parseWhenTagThenRefusedNamingTheTagAsWritten() {
        List<Problem> problems = problems("timeout: !!str 30\nauth: !secret x\nlist: !!seq [a]\n");

        assertThat(problems).extracting(Problem::code, Problem::location, Problem::message).containsExactly(
                tuple(Code.YAML_TAG, at(1, 10), "tags such as `!!str` are not allowed in definitions"),
                tuple(Code.YAML_TAG, at(2, 7), "tags such as `!secret` are not allowed in definitions"),
                tuple(Code.YAML_TAG, at(3, 7), "tags such as `!!seq` are not allowed in definitions"));
        assertThat(problems.get(0).hint()).isEqualTo("remove the tag; quote the value if it must be a string");
    }

    @Test
    void parseWhenKeyIsAListOrMappingThenRefused() {
        List<Problem> problems = problems("? [a, b]\n: 1\n? { c: d }\n: 2\n");

        assertThat(problems).extracting(Problem::code, Problem::location, Problem::message).containsExactly(
                tuple(Code.YAML_KEY_NOT_SCALAR, at(1, 3), "keys must be plain strings"),
                tuple(Code.YAML_KEY_NOT_SCALAR, at(3, 3), "keys must be plain strings"));
    }

    @Test
    void parseWhenSecondDocumentThenRefusedAtItsStart() {
        Problem problem = problem("name: a\n---\nname: b\n");

        assertThat(problem.code()).isEqualTo(Code.YAML_MULTIPLE_DOCUMENTS);
        assertThat(problem.location()).isEqualTo(at(2, 1));
        assertThat(problem.message()).isEqualTo("a definition file holds one YAML document");
    }

    @Test
    void parseWhenEmptyOrOnlyCommentsThenEmpty() {
        for (String text : List.of("", "\n\n", "# just a comment\n   # and another\n", "---\n")) {
            Problem problem = problem(text);

            assertThat(problem.code()).isEqualTo(Code.YAML_EMPTY);
            assertThat(problem.location()).isEqualTo(at(1, 1));
            assertThat(problem.message()).isEqualTo("the file is empty");
            assertThat(problem.hint()).isEqualTo("a definition is a mapping that starts with `name:`");
        }
    }

    @Test
    void parseWhenNestingIsDeeperThan64LevelsThenRefusedAtTheLevelThatCrossesIt() {
        StringBuilder yaml = new StringBuilder();
        for (int level = 0; level < 100; level++) {
            yaml.append("  ".repeat(level)).append("k").append(level).append(":\n");
        }

        Problem problem = problem(yaml + "  ".repeat(100) + "leaf\n");

        assertThat(problem.code()).isEqualTo(Code.YAML_TOO_DEEP);
        assertThat(problem.location()).isEqualTo(at(65, 129));
        assertThat(problem.message()).isEqualTo("nesting is deeper than 64 levels");
    }

    @Test
    void parseWhenAThousandFlowLevelsThenTooDeepAndNoStackOverflow() {
        Problem problem = problem("[".repeat(1_000) + "]".repeat(1_000));

        assertThat(problem.code()).isEqualTo(Code.YAML_TOO_DEEP);
        assertThat(problem.location()).isEqualTo(at(1, 65));
    }

    @Test
    void parseWhenTreeProblemsOfSeveralKindsThenAllAreReportedSorted() {
        List<Problem> problems = problems("name: !!str a\nname: b\nc: *d\n");

        assertThat(problems).extracting(Problem::code)
                .containsExactly(Code.YAML_TAG, Code.YAML_DUPLICATE_KEY, Code.YAML_ALIAS);
    }
}
