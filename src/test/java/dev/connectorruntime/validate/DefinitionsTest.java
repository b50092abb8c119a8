package dev.connectorruntime.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.load.Workspace;
import dev.connectorruntime.model.OAuth2;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code run ACTION} loads: the action and its connector, every problem of both files reported together. */
class DefinitionsTest {

    private static final String CONNECTOR = """
            name: salesforce
            auth:
              type: oauth2
              grant_type: password
              token_url: https://login.salesforce.com/services/oauth2/token
              client_id: <<salesforce_consumer_key>>
              client_secret: <<salesforce_consumer_secret>>
              username: <<salesforce_username>>
              password: <<salesforce_password>>
              base_url_from: instance_url
            """;

    private static final String ACTION = """
            name: list-contacts
            connector: salesforce
            request:
              method: GET
              path: /services/data/v58.0/query
            """;

    @TempDir
    Path dir;

    private Workspace workspace;

    @BeforeEach
    void setUp() {
        workspace = new Workspace(dir);
    }

    private void write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private Failure failure(String action) {
        Failure f = catchThrowableOfType(Failure.class, () -> Definitions.forRun(workspace, action));
        assertThat(f).as("expected forRun to fail").isNotNull();
        return f;
    }

    private static String describe(Problem p) {
        return p.location().file().getFileName() + ":" + p.location().line() + ":" + p.location().column() + " "
                + p.code() + ": " + p.message() + (p.hint() == null ? "" : " [" + p.hint() + "]");
    }

    @Test
    void forRunWhenBothFilesValidThenTheActionAndItsConnector() throws IOException {
        write("connectors/salesforce.yaml", CONNECTOR);
        write("actions/list-contacts.yaml", ACTION);

        Definitions.Pair pair = Definitions.forRun(workspace, "list-contacts");

        assertThat(pair.action().name()).isEqualTo("list-contacts");
        assertThat(pair.connector().name()).isEqualTo("salesforce");
        assertThat(pair.connector().auth()).isInstanceOf(OAuth2.Password.class);
    }

    @Test
    void forRunWhenActionNameNearAnExistingOneThenUsageWithDidYouMean() throws IOException {
        write("actions/list-contacts.yaml", ACTION);

        Failure f = failure("list-contact");

        assertThat(f.kind()).isEqualTo(Kind.USAGE);
        assertThat(f.getMessage()).isEqualTo("unknown action `list-contact`");
        assertThat(f.hint()).isEqualTo("did you mean `list-contacts`?");
    }

    @Test
    void forRunWhenActionNameFarFromAnyThenPointsToList() throws IOException {
        write("actions/list-contacts.yaml", ACTION);

        Failure f = failure("delete-everything");

        assertThat(f.kind()).isEqualTo(Kind.USAGE);
        assertThat(f.getMessage()).isEqualTo("unknown action `delete-everything`");
        assertThat(f.hint()).isEqualTo("`list` shows the actions");
    }

    @Test
    void forRunWhenNoActionsFolderThenSaysWhereItLooked() {
        Failure f = failure("list-contacts");

        assertThat(f.kind()).isEqualTo(Kind.USAGE);
        assertThat(f.getMessage()).isEqualTo("unknown action `list-contacts`");
        assertThat(f.hint()).isEqualTo("there is no action in " + dir.resolve("actions")
                + ": run from a workspace, or pass --dir DIR");
    }

    @Test
    void forRunWhenActionNameIsAPathThenUnknownActionNotAnotherFile() throws IOException {
        write("connectors/salesforce.yaml", CONNECTOR);
        write("actions/list-contacts.yaml", ACTION);

        Failure f = failure("../connectors/salesforce");

        assertThat(f.kind()).isEqualTo(Kind.USAGE);
        assertThat(f.getMessage()).isEqualTo("unknown action `../connectors/salesforce`");
    }

    @Test
    void forRunWhenConnectorMissingButNearThenInvalidWithDidYouMeanAtTheConnectorKey() throws IOException {
        write("connectors/salesforce.yaml", CONNECTOR);
        write("actions/list-contacts.yaml", ACTION.replace("connector: salesforce", "connector: salesforc"));

        Failure f = failure("list-contacts");

        assertThat(f.kind()).isEqualTo(Kind.INVALID);
        assertThat(f.getMessage()).isEqualTo("1 error in the definitions");
        assertThat(f.problems()).extracting(DefinitionsTest::describe).containsExactly(
                "list-contacts.yaml:2:12 unknown-connector: connector `salesforc` does not exist "
                        + "[did you mean `salesforce`?]");
    }

    @Test
    void forRunWhenConnectorMissingAndNothingNearThenSaysWhichFileToCreate() throws IOException {
        write("actions/list-contacts.yaml", ACTION);

        Failure f = failure("list-contacts");

        assertThat(f.kind()).isEqualTo(Kind.INVALID);
        assertThat(f.problems()).singleElement().satisfies(p -> assertThat(p.hint())
                .isEqualTo("create " + Path.of("connectors", "salesforce.yaml")
                        + ", or name an existing connector"));
    }

    @Test
    void forRunWhenConnectorHasProblemsThenInvalidWithThem() throws IOException {
        write("connectors/salesforce.yaml", CONNECTOR.replace("  username: <<salesforce_username>>\n", ""));
        write("actions/list-contacts.yaml", ACTION);

        Failure f = failure("list-contacts");

        assertThat(f.kind()).isEqualTo(Kind.INVALID);
        assertThat(f.problems()).extracting(DefinitionsTest::describe).containsExactly(
                "salesforce.yaml:3:3 missing-key: `auth` needs `username`");
    }

    @Test
    void forRunWhenBothFilesHaveProblemsThenAllAreReportedTogether() throws IOException {
        write("connectors/salesforce.yaml", CONNECTOR.replace("timeout", "x") + "timeout: forever\n");
        write("actions/list-contacts.yaml", ACTION + "idempotent: yes\n");

        Failure f = failure("list-contacts");

        assertThat(f.kind()).isEqualTo(Kind.INVALID);
        assertThat(f.getMessage()).isEqualTo("2 errors in the definitions");
        assertThat(f.problems()).extracting(DefinitionsTest::describe).containsExactlyInAnyOrder(
                "list-contacts.yaml:6:13 wrong-type: `idempotent` must be true or false, not `yes` "
                        + "[YAML 1.2 booleans are only `true` and `false`]",
                "salesforce.yaml:11:10 bad-duration: `timeout` is not a duration: `forever` "
                        + "[write a whole number with a unit: 500ms, 30s, 5m, 2h]");
    }

    @Test
    void forRunWhenActionHasProblemsAndConnectorIsNotYamlThenBothAreReported() throws IOException {
        write("connectors/salesforce.yaml", CONNECTOR + "name: again\n");
        write("actions/list-contacts.yaml", ACTION + "outptu: \"[].Name\"\n");

        Failure f = failure("list-contacts");

        assertThat(f.kind()).isEqualTo(Kind.INVALID);
        List<String> problems = f.problems().stream().map(DefinitionsTest::describe).toList();
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).isEqualTo(
                "list-contacts.yaml:6:1 unknown-key: unknown key `outptu` in the action [did you mean `output`?]");
        assertThat(problems.get(1)).startsWith("salesforce.yaml:11:1 yaml-duplicate-key");
    }

    @Test
    void forRunWhenActionIsNotValidYamlThenInvalidWithTheYamlProblem() throws IOException {
        write("connectors/salesforce.yaml", CONNECTOR);
        write("actions/list-contacts.yaml", ACTION + "  path: /again\n");

        Failure f = failure("list-contacts");

        assertThat(f.kind()).isEqualTo(Kind.INVALID);
        assertThat(f.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Code.YAML_DUPLICATE_KEY);
            assertThat(p.location().file()).isEqualTo(dir.resolve("actions/list-contacts.yaml"));
        });
    }

    @Test
    void forRunWhenActionNamesAConnectorByPathThenBadName() throws IOException {
        write("connectors/salesforce.yaml", CONNECTOR);
        write("actions/list-contacts.yaml", ACTION.replace("connector: salesforce",
                "connector: ../connectors/salesforce"));

        Failure f = failure("list-contacts");

        assertThat(f.kind()).isEqualTo(Kind.INVALID);
        assertThat(f.problems()).extracting(DefinitionsTest::describe).containsExactly(
                "list-contacts.yaml:2:12 bad-name: `../connectors/salesforce` is not a valid connector name "
                        + "[name the connector by its file's base name: lower-case letters, digits, `-` and `_`]");
    }
}
