package dev.connectorruntime.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.load.YamlLoader;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Auth;
import dev.connectorruntime.model.Connector;
import dev.connectorruntime.model.Input;
import dev.connectorruntime.model.InputType;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.model.OutputFrom;
import dev.connectorruntime.model.Paginate;
import dev.connectorruntime.model.Request;
import dev.connectorruntime.model.RetryPolicy;
import dev.connectorruntime.model.SecretTemplate;
import dev.connectorruntime.model.TemplateText;
import dev.connectorruntime.model.Tool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Definitions built in Java, not YAML, are guarded by the constraints on the model records. */
class ModelConstraintsTest {

    static final Path FILE = Path.of("actions/built-in-java.yaml");
    static final Location AT = new Location(FILE, 1, 1);

    static Action action(String name, String path, Map<String, TemplateText> headers, List<Input> inputs) {
        Request request = new Request(Request.Method.GET, new TemplateText(path, AT), Map.of(), headers, null);
        return new Action(name, null, "salesforce", inputs, request, null, null, OutputFrom.BODY, List.of(), false,
                null, null, null, Location.of(FILE), null, AT);
    }

    static List<String> messages(Object definition) {
        return ModelConstraints.check(definition, YamlLoader.parse(FILE, "name: x\n"), Location.of(FILE)).stream()
                .map(Problem::message).sorted().toList();
    }

    @Test
    void checkWhenTheJavaBuiltActionIsValidThenNoProblem() {
        assertThat(messages(action("list-things", "/things", Map.of(), List.of()))).isEmpty();
    }

    @Test
    void checkWhenNameAndPathAndHeadersBreakTheRulesThenEachIsReported() {
        Action bad = action("List Things", "things?x=1", Map.of("Authorization", new TemplateText("x", AT)), List.of());

        assertThat(messages(bad)).containsExactly(
                "`name` must be lower-case letters, digits, - and _, starting with a letter",
                "`request.headers` may not set Authorization, a Proxy-* header or one the HTTP client owns: Host,"
                        + " Content-Length, Connection, Expect, Upgrade, Transfer-Encoding, TE, Trailer, Keep-Alive",
                "`request.path` must start with / and hold no query string or fragment");
    }

    @Test
    void checkWhenAJavaBuiltToolHasABadNameAndAnEmptyDescriptionThenBothAreReported() {
        Action a = action("list-things", "/things", Map.of(), List.of());
        Action bad = new Action(a.name(), null, a.connector(), a.inputs(), a.request(), null, null, null, List.of(),
                false, null, null, new Tool("things.list", "", null, true), a.location(), null, AT);

        assertThat(messages(bad)).containsExactly("`tool.description` must not be empty",
                "`tool.name` must be 1 to 64 letters, digits, _ and -");
    }

    @Test
    void checkWhenARequiredInputHasADefaultThenTheViolationNamesTheInput() {
        Input limit = new Input("limit", InputType.INTEGER, null, Json.mapper().getNodeFactory().numberNode(10), true,
                Json.mapper().createObjectNode().put("type", "integer"), AT);
        Action bad = action("list-things", "/things", Map.of(), List.of(limit));

        assertThat(ModelConstraints.check(bad, YamlLoader.parse(FILE, "inputs:\n  limit:\n    required: true\n"),
                Location.of(FILE))).extracting(p -> p.location().line() + ":" + p.location().column() + " " + p.message())
                .containsExactly("3:15 `inputs.limit.required` is required and has a default: a default counts as given");
    }

    @Test
    void checkWhenAPaginatedActionReadsTheWholeResponseThenRefused() {
        Action a = action("list-things", "/things", Map.of(), List.of());
        Action bad = new Action(a.name(), null, a.connector(), a.inputs(), a.request(),
                new Paginate("/items", new Paginate.Link(), 10, false), null, OutputFrom.RESPONSE, List.of(), false,
                null, null, a.tool(), a.location(), null, AT);

        assertThat(messages(bad)).containsExactly(
                "`output_from` must be `body` for a paginated action: its output is the pages' items");
    }

    @Test
    void checkWhenAJavaBuiltConnectorSetsAHeaderTheHttpClientOwnsThenReported() {
        Location at = new Location(Path.of("connectors/things.yaml"), 1, 1);
        Connector c = new Connector("things", null, new SecretTemplate("https://api.example.com", at), new Auth.None(),
                Map.of("Authorization", new SecretTemplate("Bearer <<t>>", at),
                        "Transfer-Encoding", new SecretTemplate("chunked", at)),
                null, null, null, null, Location.of(Path.of("connectors/things.yaml")));

        assertThat(messages(c)).containsExactly("`headers` may not set a Proxy-* header or one the HTTP client owns:"
                + " Host, Content-Length, Connection, Expect, Upgrade, Transfer-Encoding, TE, Trailer, Keep-Alive");
    }

    @Test
    void checkCascadesIntoTheRetryPolicy() {
        Connector c = new Connector("things", null, null, new Auth.None(), Map.of(), null,
                new RetryPolicy(3, null), null, null, Location.of(Path.of("connectors/things.yaml")));

        assertThat(messages(c)).containsExactly("`retry.max_delay` must not be null");
    }
}
