package dev.connectorruntime.compile;

import static dev.connectorruntime.compile.Compiling.compileProblems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.bind.ActionBinder;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.load.Workspace;
import dev.connectorruntime.load.YamlLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What compiling an action checks, every problem collected with where it stands. */
class CompileProblemsTest {

    private static String describe(Problem p) {
        return p.code() + " @ " + p.location().line() + ":" + p.location().column() + ": " + p.message()
                + (p.hint() == null ? "" : " [" + p.hint() + "]");
    }

    @Test
    void compileWhenAnyShippedActionThenNoProblem() {
        Workspace repo = new Workspace(Path.of(""));
        for (Path file : repo.actionFiles()) {
            List<Problem> problems = new ArrayList<>();
            CompiledAction c = CompiledAction.compile(ActionBinder.bind(YamlLoader.load(file), file, problems),
                    problems);
            assertThat(problems).as(file.toString()).isEmpty();
            assertThat(c).as(file.toString()).isNotNull();
        }
    }

    @Test
    void compileWhenPathVariableOptionalWithoutDefaultThenProblemAtThePath() {
        assertThat(compileProblems("""
                name: demo
                connector: api
                inputs:
                  id: {type: string}
                request:
                  method: GET
                  path: /things/{{id}}
                """)).singleElement().satisfies(p -> assertThat(describe(p)).isEqualTo(
                "optional-path-variable @ 7:9: path variable `id` must be required or have a default "
                        + "[add `required: true` or a `default` to input `id`]"));
    }

    @Test
    void compileWhenOutputIsNotJmesPathThenBadOutputAtTheOutput() {
        List<Problem> problems = compileProblems("""
                name: demo
                connector: api
                request: {method: GET, path: /things}
                output: "[].Name["
                """);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Code.BAD_OUTPUT);
            assertThat(p.location().line()).isEqualTo(4);
            assertThat(p.location().column()).isEqualTo(9);
            assertThat(p.message()).isEqualTo("`output` is not a valid JMESPath expression: Unable to compile "
                    + "expression \"[].Name[\": syntax error no viable alternative at input '[' at position 8");
            assertThat(p.hint()).isEqualTo("see https://jmespath.org/specification.html; for example `[].Name`");
        });
    }

    @Test
    void compileWhenTemplatesAreWrongInSeveralFieldsThenEachIsReported() {
        assertThat(compileProblems("""
                name: demo
                connector: api
                inputs:
                  limit: {type: integer, default: 10}
                request:
                  method: POST
                  path: /things
                  query:
                    q: "{{limt}}"
                  headers:
                    X-Raw: "{{{limit}}}"
                  json:
                    a: ["{{nope}}"]
                """)).extracting(Problem::code, p -> p.location().line())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Code.TEMPLATE_UNDECLARED, 9),
                        org.assertj.core.groups.Tuple.tuple(Code.TEMPLATE_TRIPLE_MUSTACHE, 11),
                        org.assertj.core.groups.Tuple.tuple(Code.TEMPLATE_UNDECLARED, 13));
    }

    @Test
    void compileWhenInputDefaultBreaksItsOwnSchemaThenBadDefault() {
        assertThat(compileProblems("""
                name: demo
                connector: api
                inputs:
                  flag: {type: boolean, default: yes}
                  limit:
                    type: integer
                    default: 0
                    minimum: 1
                request: {method: GET, path: /things}
                """)).extracting(CompileProblemsTest::describe).containsExactly(
                "bad-default @ 4:9: the default of input `flag` must be a boolean, not `yes` "
                        + "[a default must follow the input's own schema]",
                "bad-default @ 6:5: the default of input `limit` must be at least 1, not 0 "
                        + "[a default must follow the input's own schema]");
    }
}
