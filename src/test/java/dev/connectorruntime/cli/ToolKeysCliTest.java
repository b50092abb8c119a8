package dev.connectorruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §11: an action's {@code tool:} block, checked by {@code validate}, and tool names unique in a workspace. */
class ToolKeysCliTest {

    private static final String HEAD = "name: NAME\nconnector: salesforce\nrequest:\n  method: GET\n  path: /x\n";

    @TempDir
    Path dir;

    @BeforeEach
    void workspace() throws Exception {
        Files.createDirectories(dir.resolve("connectors"));
        Files.createDirectories(dir.resolve("actions"));
        Files.copy(Path.of("connectors/salesforce.yaml"), dir.resolve("connectors/salesforce.yaml"));
    }

    private void action(String name, String rest) throws Exception {
        Files.writeString(dir.resolve("actions/" + name + ".yaml"), HEAD.replace("NAME", name) + rest);
    }

    private Cli.Result validate() {
        return Cli.run(dir, Map.of(), "validate");
    }

    @Test
    void validateWhenEveryToolKeyIsWellWrittenThenNoProblem() throws Exception {
        action("get-thing", "tool:\n  name: getThing_v2\n  description: Read one thing\n  read_only: true\n"
                + "  expose: false\n");

        Cli.Result r = validate();

        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("checked 2 files: no problems\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void validateWhenAnUnknownKeyStandsUnderToolThenRefusedAtItsKey() throws Exception {
        action("get-thing", "tool:\n  name: get_thing\n  readonly: true\n");

        Cli.Result r = validate();

        assertThat(r.out()).isEqualTo("""
                actions/get-thing.yaml:8:3: error: unknown key `readonly` in `tool`
                 8 |   readonly: true
                   |   ^
                  hint: did you mean `read_only`?
                """);
        assertThat(r.exitCode()).isEqualTo(3);
    }

    @Test
    void validateWhenTheToolNameBreaksThePatternThenBadNameWithANameThatKeepsIt() throws Exception {
        action("get-thing", "tool:\n  name: things.get\n");

        Cli.Result r = validate();

        assertThat(r.out()).isEqualTo("""
                actions/get-thing.yaml:7:9: error: `things.get` is not a valid tool name
                 7 |   name: things.get
                   |         ^
                  hint: tool names are 1 to 64 letters, digits, `_` and `-` (the rule MCP clients apply), such as \
                `things_get`
                """);
        assertThat(r.exitCode()).isEqualTo(3);
    }

    @Test
    void validateWhenTheToolNameIsLongerThan64ThenBadName() throws Exception {
        String name = "a".repeat(65);
        action("get-thing", "tool:\n  name: " + name + "\n");

        Cli.Result r = validate();

        assertThat(r.out()).isEqualTo("actions/get-thing.yaml:7:9: error: `" + name + "` is not a valid tool name\n"
                + " 7 |   name: " + name + "\n"
                + "   |         ^\n"
                + "  hint: tool names are 1 to 64 letters, digits, `_` and `-` (the rule MCP clients apply), such as `"
                + "a".repeat(64) + "`\n");
    }

    @Test
    void validateWhenToolKeysHaveTheWrongTypesThenEachIsNamed() throws Exception {
        action("get-thing", "tool:\n  name: [a, b]\n  description: \"\"\n  read_only: yes\n  expose: 1\n");

        Cli.Result r = validate();

        assertThat(r.out()).isEqualTo("""
                actions/get-thing.yaml:7:9: error: `name` must be a single value, not a list
                 7 |   name: [a, b]
                   |         ^
                actions/get-thing.yaml:8:16: error: `tool.description` must not be empty
                 8 |   description: ""
                   |                ^
                  hint: describe what the tool does, or remove `description` to use the action's
                actions/get-thing.yaml:9:14: error: `read_only` must be true or false, not `yes`
                 9 |   read_only: yes
                   |              ^
                  hint: YAML 1.2 booleans are only `true` and `false`
                actions/get-thing.yaml:10:11: error: `expose` must be true or false, not `1`
                 10 |   expose: 1
                    |           ^
                  hint: YAML 1.2 booleans are only `true` and `false`
                """);
        assertThat(r.exitCode()).isEqualTo(3);
    }

    @Test
    void validateWhenToolIsNotAMappingThenWrongType() throws Exception {
        action("get-thing", "tool: get_thing\n");

        Cli.Result r = validate();

        assertThat(r.out()).isEqualTo("""
                actions/get-thing.yaml:6:7: error: `tool` must be a mapping, not a string
                 6 | tool: get_thing
                   |       ^
                """);
    }

    @Test
    void validateWhenTwoExposedActionsShareAToolNameThenTheSecondNamesBothFiles() throws Exception {
        action("get-thing", "");
        action("read-thing", "tool:\n  name: get-thing\n");

        Cli.Result r = validate();

        assertThat(r.out()).isEqualTo("""
                actions/read-thing.yaml:7:9: error: actions/read-thing.yaml and actions/get-thing.yaml are both \
                served as the tool `get-thing`
                 7 |   name: get-thing
                   |         ^
                  hint: tool names must be unique among the exposed actions: set `tool: {name: …}` on one of them \
                (or `tool: {expose: false}` to hide it)
                """);
        assertThat(r.err()).isEqualTo("checked 3 files: 1 error, 0 warnings\n");
        assertThat(r.exitCode()).isEqualTo(3);
    }

    @Test
    void validateWhenTwoLongNamesAreCutToOneToolNameThenCollisionAtTheName() throws Exception {
        String stem = "a".repeat(64);
        action(stem + "-one", "");
        action(stem + "-two", "");

        Cli.Result r = validate();

        assertThat(r.out()).isEqualTo("actions/" + stem + "-two.yaml:1:7: error: actions/" + stem + "-two.yaml and"
                + " actions/" + stem + "-one.yaml are both served as the tool `" + stem + "`\n"
                + " 1 | name: " + stem + "-two\n"
                + "   |       ^\n"
                + "  hint: tool names must be unique among the exposed actions: set `tool: {name: …}` on one of them"
                + " (or `tool: {expose: false}` to hide it)\n");
    }

    @Test
    void validateWhenTheSecondOfTwoSharingANameIsHiddenThenNoProblem() throws Exception {
        action("get-thing", "");
        action("read-thing", "tool:\n  name: get-thing\n  expose: false\n");

        Cli.Result r = validate();

        assertThat(r.out()).isEmpty();
        assertThat(r.exitCode()).isZero();
    }
}
