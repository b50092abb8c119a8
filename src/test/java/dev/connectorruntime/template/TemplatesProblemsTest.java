package dev.connectorruntime.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SPEC §5.1: what a template may not do, and the exact words the user reads. */
class TemplatesProblemsTest {

    private static final Path FILE = Path.of("actions/list-contacts.yaml");
    private static final Location WHERE = new Location(FILE, 12, 8);
    private static final Set<String> INPUTS = Set.of("limit", "name", "tags", "since");

    private final List<Problem> problems = new ArrayList<>();

    private Template compile(String source) {
        return Templates.compile(source, WHERE, INPUTS, problems);
    }

    private Problem onlyProblem() {
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private static Problem error(Code code, int column, String message, String hint) {
        return Problem.error(code, new Location(FILE, 12, column), message, hint);
    }

    @Test
    void compileWhenTripleMustacheThenErrorShowsWhatWasWritten() {
        assertThat(compile("q={{{name}}}")).isNull();
        assertThat(onlyProblem()).isEqualTo(error(Code.TEMPLATE_TRIPLE_MUSTACHE, 10, "`{{{name}}}` skips encoding",
                "write `{{name}}`: values are always encoded for where they land"));
    }

    @Test
    void compileWhenAmpersandThenSameErrorAsTripleMustache() {
        assertThat(compile("{{& name }}")).isNull();
        assertThat(onlyProblem()).isEqualTo(error(Code.TEMPLATE_TRIPLE_MUSTACHE, 8, "`{{& name }}` skips encoding",
                "write `{{name}}`: values are always encoded for where they land"));
    }

    @Test
    void compileWhenTripleMustacheOfUnknownNameThenBothProblems() {
        assertThat(compile("{{{limt}}}")).isNull();
        assertThat(problems).extracting(Problem::code).containsExactly(Code.TEMPLATE_TRIPLE_MUSTACHE,
                Code.TEMPLATE_UNDECLARED);
    }

    @Test
    void compileWhenPartialThenRefusedBeforeAnyFileIsRead() {
        assertThat(compile("a {{> /etc/passwd}}")).isNull();
        assertThat(onlyProblem()).isEqualTo(error(Code.TEMPLATE_PARTIAL, 10, "partials are not supported",
                "write the text in place"));
    }

    @Test
    void compileWhenTemplateInheritanceThenRefused() {
        assertThat(compile("{{<base}}{{$block}}x{{/block}}{{/base}}")).isNull();
        assertThat(problems).extracting(Problem::code, Problem::message).containsExactly(
                tuple(Code.TEMPLATE_PARTIAL, "template inheritance is not supported"),
                tuple(Code.TEMPLATE_PARTIAL, "template inheritance is not supported"));
    }

    @Test
    void compileWhenDelimiterChangeThenRefusedAndTheRestIsNotRead() {
        assertThat(compile("{{=<% %>=}}<%limt%>")).isNull();
        assertThat(onlyProblem()).isEqualTo(error(Code.TEMPLATE_DELIMITER, 8, "changing delimiters is not supported",
                "to send a literal `{{`, pass it in through a string input"));
    }

    @Test
    void compileWhenDottedNameThenSuggestsAnInputOfItsOwn() {
        assertThat(compile("x {{a.b}}")).isNull();
        assertThat(onlyProblem()).isEqualTo(error(Code.TEMPLATE_DOTTED_NAME, 10,
                "`{{a.b}}`: dotted names are not supported",
                "declare `a_b` as its own input"));
    }

    @Test
    void compileWhenDottedSectionNameThenSameError() {
        assertThat(compile("{{#a.b}}x{{/a.b}}")).isNull();
        assertThat(onlyProblem().message()).isEqualTo("`{{#a.b}}`: dotted names are not supported");
    }

    @Test
    void compileWhenImplicitIteratorOutsideSectionThenError() {
        assertThat(compile("{{.}}")).isNull();
        assertThat(onlyProblem()).isEqualTo(error(Code.TEMPLATE_IMPLICIT_ITERATOR, 8,
                "`{{.}}` stands for the current element: it works only inside a section",
                "write an input's name, or iterate with `{{#tags}}{{.}}{{/tags}}`"));
    }

    @Test
    void compileWhenImplicitIteratorOnlyInsideAnEscaperThenError() {
        assertThat(compile("{{#soql}}{{.}}{{/soql}}")).isNull();
        assertThat(onlyProblem().code()).isEqualTo(Code.TEMPLATE_IMPLICIT_ITERATOR);
    }

    @Test
    void compileWhenNearlyADeclaredNameThenDidYouMean() {
        assertThat(compile("SELECT Name FROM Contact LIMIT {{limt}}")).isNull();
        assertThat(onlyProblem()).isEqualTo(error(Code.TEMPLATE_UNDECLARED, 39, "`{{limt}}` is not a declared input",
                "did you mean `limit`?"));
    }

    @Test
    void compileWhenFarFromEveryDeclaredNameThenDeclareIt() {
        assertThat(compile("{{#offset}}OFFSET {{offset}}{{/offset}}")).isNull();
        assertThat(problems).containsExactly(
                error(Code.TEMPLATE_UNDECLARED, 8, "`{{#offset}}` is not a declared input",
                        "declare it under `inputs:`"),
                error(Code.TEMPLATE_UNDECLARED, 26, "`{{offset}}` is not a declared input",
                        "declare it under `inputs:`"));
    }

    @Test
    void compileWhenSoqlUsedAsVariableThenReserved() {
        assertThat(compile("{{soql}}")).isNull();
        assertThat(onlyProblem()).isEqualTo(error(Code.TEMPLATE_RESERVED, 8,
                "`soql` is an escaper: write `{{#soql}}{{name}}{{/soql}}`",
                "it escapes quotes and backslashes for a SOQL string literal"));
    }

    @Test
    void compileWhenSoqlLikeUsedAsInvertedSectionThenReserved() {
        assertThat(compile("{{^soql_like}}x{{/soql_like}}")).isNull();
        assertThat(onlyProblem().message()).isEqualTo("`soql_like` is an escaper: write `{{#soql_like}}{{name}}{{/soql_like}}`");
    }

    @Test
    void compileWhenSectionIsNotClosedThenSyntaxError() {
        assertThat(compile("a{{#since}} AND x")).isNull();
        assertThat(onlyProblem()).isEqualTo(error(Code.TEMPLATE_SYNTAX, 9, "section `{{#since}}` is not closed",
                "end it with `{{/since}}`"));
    }

    @Test
    void compileWhenCloseDoesNotMatchThenSyntaxError() {
        assertThat(compile("{{#since}}x{{/limit}}")).isNull();
        assertThat(onlyProblem()).isEqualTo(error(Code.TEMPLATE_SYNTAX, 19, "`{{/limit}}` does not close `{{#since}}`",
                "end the section with `{{/since}}`"));
    }

    @Test
    void compileWhenCloseWithoutSectionThenSyntaxError() {
        assertThat(compile("x{{/since}}")).isNull();
        assertThat(onlyProblem()).isEqualTo(error(Code.TEMPLATE_SYNTAX, 9, "`{{/since}}` closes no section",
                "remove it, or open the section with `{{#since}}`"));
    }

    @Test
    void compileWhenTagIsNotClosedThenSyntaxError() {
        assertThat(compile("LIMIT {{limit")).isNull();
        assertThat(onlyProblem()).isEqualTo(error(Code.TEMPLATE_SYNTAX, 14, "`{{limit` is not closed",
                "end the tag with `}}`"));
    }

    @Test
    void compileWhenTagIsEmptyThenSyntaxError() {
        assertThat(compile("a{{ }}b")).isNull();
        assertThat(onlyProblem()).isEqualTo(error(Code.TEMPLATE_SYNTAX, 9, "`{{ }}` is an empty tag",
                "write an input's name inside, e.g. `{{limit}}`"));
    }

    @Test
    void compileWhenPragmaThenSyntaxError() {
        assertThat(compile("{{%IMPLICIT-ITERATOR}}")).isNull();
        assertThat(onlyProblem().message()).isEqualTo("`{{%IMPLICIT-ITERATOR}}`: pragmas are not supported");
    }

    @Test
    void compileWhenMustacheJavaComplainsThenItsMessageIsCleaned() {
        TemplateProblems report = new TemplateProblems("x", WHERE, problems);
        report.mustacheSyntax("Mismatched start/end tags: a != b in template:1 @[template:1]");
        assertThat(onlyProblem()).isEqualTo(Problem.error(Code.TEMPLATE_SYNTAX, WHERE,
                "mismatched start/end tags: a != b", null));
    }

    @Test
    void compileWhenSeveralProblemsThenAllAreReported() {
        assertThat(compile("{{limt}}/{{a.b}}/{{{name}}}")).isNull();
        assertThat(problems).extracting(Problem::code).containsExactly(
                Code.TEMPLATE_TRIPLE_MUSTACHE, Code.TEMPLATE_UNDECLARED, Code.TEMPLATE_DOTTED_NAME);
    }

    @Test
    void compileWhenTemplateSpansLinesThenProblemStandsAtTheValueStart() {
        assertThat(compile("line one\n{{limt}}")).isNull();
        assertThat(onlyProblem().location()).isEqualTo(WHERE);
    }

    @Test
    void compileWhenColumnUnknownThenProblemStandsAtTheValueStart() {
        Location wholeFile = Location.of(FILE);
        assertThat(Templates.compile("x {{limt}}", wholeFile, INPUTS, problems)).isNull();
        assertThat(onlyProblem().location()).isEqualTo(wholeFile);
    }

    @Test
    void compileWhenTagFollowsNonAsciiTextThenColumnCountsCharacters() {
        assertThat(compile("👍é {{limt}}")).isNull();
        assertThat(onlyProblem().location().column()).isEqualTo(8 + 3);
    }

    @Test
    void compileWhenValidThenNoProblem() {
        assertThat(compile("{{#since}} AND CreatedDate > {{since}}{{/since}}{{#tags}}{{.}},{{/tags}}{{! a comment }}")).isNotNull();
        assertThat(problems).isEmpty();
    }
}
