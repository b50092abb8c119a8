package dev.connectorruntime.bind;

import static dev.connectorruntime.bind.Binding.ACTION_FILE;
import static dev.connectorruntime.bind.Binding.action;
import static dev.connectorruntime.bind.Binding.actionProblem;
import static dev.connectorruntime.bind.Binding.actionProblems;
import static dev.connectorruntime.bind.Binding.at;
import static dev.connectorruntime.bind.Binding.describe;
import static dev.connectorruntime.bind.Binding.describeAll;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Input;
import dev.connectorruntime.model.InputType;
import dev.connectorruntime.model.OutputFrom;
import dev.connectorruntime.model.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** SPEC §4: an action file's keys and inputs, and SPEC §3: no secret may appear in one. */
class ActionBinderTest {

    private static final String REQUEST = """
            request:
              method: GET
              path: /things
            """;

    @Test
    void bindWhenMinimalThenDefaults() {
        Action a = action("name: demo\nconnector: api\n" + REQUEST);
        assertThat(a.name()).isEqualTo("demo");
        assertThat(a.connector()).isEqualTo("api");
        assertThat(a.connectorLocation()).isEqualTo(at(ACTION_FILE, 2, 12));
        assertThat(a.inputs()).isEmpty();
        assertThat(a.idempotent()).isFalse();
        assertThat(a.paginate()).isNull();
        assertThat(a.output()).isNull();
        assertThat(a.outputFrom()).isEqualTo(OutputFrom.BODY);
        assertThat(a.examples()).isEmpty();
        assertThat(a.retry()).isNull();
        assertThat(a.timeout()).isNull();
    }

    @Test
    void bindWhenConnectorAndRequestMissingThenBothNamed() {
        assertThat(describeAll(actionProblems("name: demo\n"))).containsExactly(
                "missing-key @ 1:1: the action needs `connector`",
                "missing-key @ 1:1: the action needs `request`");
    }

    @Test
    void bindWhenKeyMisspelledThenDidYouMean() {
        assertThat(describe(actionProblem("name: demo\nconector: api\nconnector: api\n" + REQUEST)))
                .isEqualTo("unknown-key @ 2:1: unknown key `conector` in the action [did you mean `connector`?]");
    }

    @Test
    void bindWhenNameDiffersFromFileNameThenNameMismatch() {
        assertThat(describe(actionProblem("name: list-contacts\nconnector: api\n" + REQUEST)))
                .isEqualTo("name-mismatch @ 1:7: `name: list-contacts` does not match the file name `demo.yaml` "
                        + "[rename the file to `list-contacts.yaml`, or set `name: demo`]");
    }

    @Test
    void bindWhenNameHasUpperCaseThenBadNameEvenIfFileMatches() {
        Path file = Path.of("actions", "ListContacts.yaml");
        assertThat(actionProblems(file, "name: ListContacts\nconnector: api\n" + REQUEST)).singleElement()
                .satisfies(p -> assertThat(describe(p)).isEqualTo("bad-name @ 1:7: `ListContacts` is not a valid "
                        + "name [names are lower-case letters, digits, `-` and `_`, starting with a letter]"));
    }

    @Test
    void bindWhenIdempotentIsYesThenYaml12SaysItIsAString() {
        assertThat(describe(actionProblem("name: demo\nconnector: api\nidempotent: yes\n" + REQUEST)))
                .isEqualTo("wrong-type @ 3:13: `idempotent` must be true or false, not `yes` "
                        + "[YAML 1.2 booleans are only `true` and `false`]");
    }

    @Test
    void bindWhenIdempotentTrueAndRetryAndTimeoutThenOverrides() {
        Action a = action("name: demo\nconnector: api\nidempotent: true\ntimeout: 5s\n"
                + "retry: { max_attempts: 2, max_delay: 500ms }\n" + REQUEST);
        assertThat(a.idempotent()).isTrue();
        assertThat(a.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(a.retry()).isEqualTo(new RetryPolicy(2, Duration.ofMillis(500)));
    }

    @Test
    void bindWhenInputsDeclaredThenTypesDefaultsAndSchemaAsWritten() {
        Action a = action("""
                name: demo
                connector: api
                inputs:
                  limit:
                    type: integer
                    description: How many
                    default: 10
                    minimum: 1
                  id:
                    type: string
                    required: true
                    pattern: "^[0-9]+$"
                """ + REQUEST);
        assertThat(a.inputs()).extracting(Input::name).containsExactly("limit", "id");
        Input limit = a.input("limit");
        assertThat(limit.type()).isEqualTo(InputType.INTEGER);
        assertThat(limit.description()).isEqualTo("How many");
        assertThat(limit.defaultValue().intValue()).isEqualTo(10);
        assertThat(limit.alwaysGiven()).isTrue();
        assertThat(limit.schema().toString())
                .isEqualTo("{\"type\":\"integer\",\"description\":\"How many\",\"default\":10,\"minimum\":1}");
        Input id = a.input("id");
        assertThat(id.required()).isTrue();
        assertThat(id.schema().has("required")).as("required is not a schema keyword of the input").isFalse();
    }

    @Test
    void bindWhenRequiredInputHasADefaultThenProblemAtRequired() {
        assertThat(describe(actionProblem("""
                name: demo
                connector: api
                inputs:
                  limit:
                    type: integer
                    required: true
                    default: 10
                """ + REQUEST))).isEqualTo("required-with-default @ 6:5: input `limit` is required and has a default "
                + "[a default counts as given: remove `required: true` or the default]");
    }

    @Test
    void bindWhenInputTypeMissingOrUnknownThenSaid() {
        assertThat(describeAll(actionProblems("""
                name: demo
                connector: api
                inputs:
                  a:
                    description: no type
                  b:
                    type: int
                  c:
                    type: [string]
                """ + REQUEST))).containsExactly(
                "missing-key @ 5:5: input `a` needs `type`",
                "bad-value @ 7:11: `type` must be one of string, integer, number, boolean, array, object, "
                        + "not `int`",
                "wrong-type @ 9:11: `type` must be a single value, not a list");
    }

    @Test
    void bindWhenInputUsesAnUnknownKeywordThenDidYouMean() {
        assertThat(describe(actionProblem("""
                name: demo
                connector: api
                inputs:
                  limit:
                    type: integer
                    maximun: 10
                """ + REQUEST))).isEqualTo("unknown-key @ 6:5: unknown key `maximun` in input `limit` "
                + "[did you mean `maximum`?]");
    }

    @Test
    void bindWhenInputRequiredIsYesThenWrongType() {
        assertThat(describe(actionProblem("""
                name: demo
                connector: api
                inputs:
                  id:
                    type: string
                    required: yes
                """ + REQUEST))).isEqualTo("wrong-type @ 6:15: `required` must be true or false, not `yes` "
                + "[YAML 1.2 booleans are only `true` and `false`]");
    }

    @Test
    void bindWhenInputNameHasADashOrCapitalThenBadName() {
        assertThat(describeAll(actionProblems("""
                name: demo
                connector: api
                inputs:
                  last-name: {type: string}
                  Limit: {type: integer}
                """ + REQUEST))).containsExactly(
                "bad-name @ 4:3: `last-name` is not a valid input name "
                        + "[input names are lower-case letters, digits and `_`, starting with a letter]",
                "bad-name @ 5:3: `Limit` is not a valid input name "
                        + "[input names are lower-case letters, digits and `_`, starting with a letter]");
    }

    @Test
    void bindWhenInputIsNotAMappingThenWrongType() {
        assertThat(describe(actionProblem("""
                name: demo
                connector: api
                inputs:
                  limit: integer
                """ + REQUEST))).isEqualTo("wrong-type @ 4:10: input `limit` must be a mapping, not a string");
    }

    @Test
    void bindWhenStringInputHasNumberLikeDefaultOrEnumThenKeptAsText() {
        Action a = action("""
                name: demo
                connector: api
                inputs:
                  version:
                    type: string
                    default: 2.10
                    enum: [2.10, 3.0, yes]
                    const: 2.10
                """ + REQUEST);
        Input version = a.input("version");
        assertThat(version.defaultValue()).isEqualTo(TextNode.valueOf("2.10"));
        assertThat(version.schema().get("enum").toString()).isEqualTo("[\"2.10\",\"3.0\",\"yes\"]");
        assertThat(version.schema().get("const")).isEqualTo(TextNode.valueOf("2.10"));
        assertThat(version.schema().get("default")).isEqualTo(TextNode.valueOf("2.10"));
    }

    @Test
    void bindWhenPlaceholderAnywhereInAnActionThenRefusedAtEachPlace() {
        assertThat(describeAll(actionProblems("""
                name: demo
                connector: api
                description: uses <<demo_token>>
                inputs:
                  q:
                    type: string
                    default: <<demo_default>>
                request:
                  method: GET
                  path: /things
                  headers:
                    X-Key: <<demo_key>>
                  query:
                    token: "Bearer <<demo_token>>"
                examples:
                  - name: one
                    response: { body: [ "<<demo_secret>>" ] }
                """))).extracting(s -> s.substring(0, s.indexOf(" ["))).containsExactly(
                "placeholder-not-allowed @ 3:14: `<<…>>` placeholders are not allowed in action files",
                "placeholder-not-allowed @ 7:14: `<<…>>` placeholders are not allowed in action files",
                "placeholder-not-allowed @ 12:12: `<<…>>` placeholders are not allowed in action files",
                "placeholder-not-allowed @ 14:12: `<<…>>` placeholders are not allowed in action files",
                "placeholder-not-allowed @ 17:25: `<<…>>` placeholders are not allowed in action files");
    }

    @Test
    void bindWhenPlaceholderInAnActionThenHintSaysWhereSecretsGo() {
        assertThat(actionProblem("name: demo\nconnector: api\ndescription: <<demo_text>>\n" + REQUEST).hint())
                .isEqualTo("actions never see secrets: put the value in the connector's `headers` or `auth`");
    }

    @Test
    void bindWhenPlaceholderIsAKeyInAnActionThenRefusedToo() {
        assertThat(describeAll(actionProblems("""
                name: demo
                connector: api
                request:
                  method: POST
                  path: /things
                  headers:
                    <<demo_header>>: x
                  json:
                    <<demo_field>>: 1
                """))).extracting(s -> s.substring(0, s.indexOf(" ["))).containsExactly(
                "placeholder-not-allowed @ 7:5: `<<…>>` placeholders are not allowed in action files",
                "placeholder-not-allowed @ 9:5: `<<…>>` placeholders are not allowed in action files");
    }

    @Test
    void bindWhenConnectorIsNotANameThenBadName() {
        assertThat(describe(actionProblem("name: demo\nconnector: ../connectors/api\n" + REQUEST)))
                .isEqualTo("bad-name @ 2:12: `../connectors/api` is not a valid connector name "
                        + "[name the connector by its file's base name: lower-case letters, digits, `-` and `_`]");
    }

    @Test
    void bindWhenOutputIsAListThenWrongType() {
        assertThat(describe(actionProblem("name: demo\nconnector: api\noutput: [a]\n" + REQUEST)))
                .isEqualTo("wrong-type @ 3:9: `output` must be a single value, not a list");
    }

    @Test
    void bindWhenOutputGivenThenItsLocationIsKept() {
        Action a = action("name: demo\nconnector: api\noutput: \"[].Name\"\n" + REQUEST);
        assertThat(a.output()).isEqualTo("[].Name");
        assertThat(a.outputLocation()).isEqualTo(at(ACTION_FILE, 3, 9));
    }

    @Test
    void bindWhenOutputFromResponseThenTheOutputReadsTheWholeResponse() {
        Action a = action("name: demo\nconnector: api\noutput_from: response\noutput: headers.location\n" + REQUEST);
        assertThat(a.outputFrom()).isEqualTo(OutputFrom.RESPONSE);
        assertThat(a.outputFrom().yamlName()).isEqualTo("response");
    }

    @Test
    void bindWhenOutputFromMisspelledThenBadValueWithDidYouMean() {
        assertThat(describe(actionProblem("name: demo\nconnector: api\noutput_from: respons\n" + REQUEST)))
                .isEqualTo("bad-value @ 3:14: `output_from` must be one of body, response, not `respons` "
                        + "[did you mean `response`?]");
    }

    @Test
    void bindWhenOutputFromResponseAndPaginateThenRefusedAtOutputFrom() {
        assertThat(describe(actionProblem("""
                name: demo
                connector: api
                output_from: response
                paginate: { items: /records, next_url: /next }
                """ + REQUEST)))
                .isEqualTo("bad-value @ 3:14: `output_from` must be `body` for a paginated action: its output is"
                        + " the pages' items [remove `output_from: response`, or `paginate` to read one answer"
                        + " whole]");
    }

    @Test
    void bindWhenExamplesHaveTheSameNameThenDuplicateExample() {
        assertThat(describe(actionProblem("""
                name: demo
                connector: api
                examples:
                  - name: one
                    response: { status: 200 }
                  - name: one
                    response: { status: 404 }
                """ + REQUEST))).isEqualTo("duplicate-example @ 6:5: two examples are named `one` "
                + "[example names must be unique in an action]");
    }

    @Test
    void bindWhenExampleHasNoResponseOrBothKindsThenSaid() {
        assertThat(describeAll(actionProblems("""
                name: demo
                connector: api
                examples:
                  - name: none
                  - name: both
                    response: { status: 200 }
                    responses: [ { status: 200 } ]
                """ + REQUEST))).containsExactly(
                "missing-key @ 4:5: the example needs `response` or `responses`",
                "several-responses @ 5:5: an example holds `response` or `responses`, not both");
    }
}
