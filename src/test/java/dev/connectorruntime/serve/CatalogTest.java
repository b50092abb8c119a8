package dev.connectorruntime.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.auth.TokenStore;
import dev.connectorruntime.engine.ConnectorRuntime;
import dev.connectorruntime.engine.SecretSource;
import dev.connectorruntime.model.Json;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which actions are served, under which name, described how, with which hints (SPEC §11). */
class CatalogTest {

    @TempDir
    Path dir;

    final List<String> warnings = new ArrayList<>();

    private void connector(String description) throws IOException {
        Files.createDirectories(dir.resolve("connectors"));
        Files.createDirectories(dir.resolve("actions"));
        Files.writeString(dir.resolve("connectors/api.yaml"), "name: api\n"
                + (description == null ? "" : "description: " + description + "\n")
                + "base_url: http://127.0.0.1:9/api\nauth:\n  type: none\n");
    }

    private void action(String name, String method, String... extra) throws IOException {
        Files.writeString(dir.resolve("actions/" + name + ".yaml"), "name: " + name + "\nconnector: api\n"
                + String.join("\n", extra) + (extra.length > 0 ? "\n" : "")
                + "request:\n  method: " + method + "\n  path: /things\n");
    }

    private Catalog catalog(Catalog.Filter filter) {
        try (ConnectorRuntime engine = ConnectorRuntime.builder().workspace(dir).secrets(SecretSource.of(Map.of()))
                .environment(Map.of()).tokenStore(TokenStore.NONE).build()) {
            return Catalog.of(engine, filter, warnings::add);
        }
    }

    @Test
    void hintsFollowTheMethodAndTheIdempotentFlag() throws IOException {
        connector(null);
        action("read-things", "GET");
        action("drop-thing", "DELETE");
        action("put-thing", "PUT");
        action("make-thing", "POST", "idempotent: true");
        action("poke-thing", "POST");

        Catalog c = catalog(Catalog.Filter.ALL);

        McpSchema.ToolAnnotations read = McpTools.tool(c.get("read-things")).annotations();
        assertThat(List.of(read.readOnlyHint(), read.destructiveHint(), read.idempotentHint(), read.openWorldHint()))
                .containsExactly(true, false, true, true);
        McpSchema.ToolAnnotations drop = McpTools.tool(c.get("drop-thing")).annotations();
        assertThat(List.of(drop.readOnlyHint(), drop.destructiveHint(), drop.idempotentHint()))
                .containsExactly(false, true, true);
        assertThat(McpTools.tool(c.get("put-thing")).annotations().idempotentHint()).isTrue();
        assertThat(McpTools.tool(c.get("make-thing")).annotations().idempotentHint()).isTrue();
        assertThat(McpTools.tool(c.get("poke-thing")).annotations().idempotentHint()).isFalse();
    }

    @Test
    void theDescriptionIsTheToolsThenTheActionsAndConnectorsThenTheRequest() throws IOException {
        connector("The things API");
        action("a", "GET", "description: Lists things.");
        action("b", "GET", "description: Lists things.", "tool:", "  description: Lists every thing there is.");
        action("c", "GET");
        Catalog withConnector = catalog(Catalog.Filter.ALL);
        connector(null);
        Catalog without = catalog(Catalog.Filter.ALL);

        assertThat(withConnector.get("a").description()).isEqualTo("Lists things.\n\nThe things API");
        assertThat(withConnector.get("b").description()).isEqualTo("Lists every thing there is.");
        assertThat(withConnector.get("c").description()).isEqualTo("The things API");
        assertThat(without.get("c").description()).isEqualTo("GET /things (api)");
        assertThat(withConnector.get("a").summary()).isEqualTo("Lists things.");
    }

    @Test
    void readOnlyActionsAndExposeDecideWhatIsServed() throws IOException {
        connector(null);
        action("read-things", "GET");
        action("search-things", "POST", "tool:", "  read_only: true");
        action("tick-thing", "GET", "tool:", "  read_only: false");
        action("drop-thing", "DELETE");
        action("hidden", "GET", "tool:", "  expose: false");

        assertThat(catalog(Catalog.Filter.ALL).entries().keySet())
                .containsExactly("drop-thing", "read-things", "search-things", "tick-thing");
        assertThat(catalog(new Catalog.Filter(Set.of(), true)).entries().keySet())
                .containsExactly("read-things", "search-things");
        assertThat(catalog(new Catalog.Filter(Set.of("drop-thing", "hidden"), false)).entries().keySet())
                .containsExactly("drop-thing");
    }

    @Test
    void aSecondActionUnderATakenToolNameIsSkippedWithAWarning() throws IOException {
        connector(null);
        action("get-thing", "GET");
        action("read-thing", "GET", "tool:", "  name: get-thing");

        Catalog c = catalog(Catalog.Filter.ALL);

        assertThat(c.entries()).hasSize(1);
        assertThat(warnings).containsExactly("warning: action `read-thing` is not served: its tool name `get-thing`"
                + " is taken by `get-thing`");
    }

    @Test
    void schemasClientsRefuseAreFound() throws Exception {
        assertThat(ToolSchemas.problems(Json.parse("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"object\","
                + "\"properties\":{\"b\":{\"type\":\"string\",\"required\":true}}},\"c\":{\"type\":\"array\"}}}")))
                .containsExactly("its input schema at `/properties/a/properties/b` has `required` true, not a list of"
                        + " names", "its input schema at `/properties/c` is an array without `items`");
        assertThat(ToolSchemas.problems(Json.parse("{\"type\":\"object\",\"properties\":{},\"anyOf\":[]}")))
                .containsExactly("its input schema has a top-level `anyOf`, which clients refuse");
    }
}
