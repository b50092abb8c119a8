package dev.connectorruntime.serve;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.model.Json;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --mcp} in its own JVM, driven by the official MCP Java SDK's stdio client (SPEC §11). */
class McpStdioTest {

    @TempDir
    Path dir;

    McpFixture fixture;

    @BeforeEach
    void start() {
        fixture = new McpFixture(dir);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void listsEveryActionAsAToolWithItsSchemaAndAnnotations() {
        try (McpSyncClient client = McpFixture.client(fixture.stdioTransport()).build()) {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.serverInfo().name()).isEqualTo("connector-runtime");
            assertThat(init.capabilities().tools().listChanged()).isTrue();

            List<McpSchema.Tool> tools = client.listTools().tools();

            assertThat(tools).extracting(McpSchema.Tool::name).containsExactly("list-contacts");
            McpSchema.Tool tool = tools.get(0);
            assertThat(tool.description()).isEqualTo("List Salesforce contacts\n\nSalesforce REST and SOQL APIs");
            assertThat(tool.inputSchema()).containsEntry("type", "object").containsEntry("additionalProperties", false);
            assertThat(String.valueOf(((Map<?, ?>) tool.inputSchema().get("properties")).keySet())).isEqualTo("[limit]");
            assertThat(tool.annotations().readOnlyHint()).isTrue();
            assertThat(tool.annotations().destructiveHint()).isFalse();
            assertThat(tool.annotations().idempotentHint()).isTrue();
            assertThat(tool.annotations().openWorldHint()).isTrue();
        }
    }

    @Test
    void callsListContactsAgainstSalesforceAndReturnsTheOutputAsText() {
        try (McpSyncClient client = McpFixture.client(fixture.stdioTransport()).build()) {
            client.initialize();

            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("list-contacts",
                    Map.of("limit", 2)));

            assertThat(result.isError()).isFalse();
            assertThat(result.content()).hasSize(1);
            assertThat(((McpSchema.TextContent) result.content().get(0)).text())
                    .isEqualTo("[\"Ada Lovelace\",\"Alan Turing\"]");
        }
    }

    @Test
    void argumentsThatBreakTheSchemaAreAnErrorResultListingEveryProblem() throws Exception {
        try (McpSyncClient client = McpFixture.client(fixture.stdioTransport()).build()) {
            client.initialize();

            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("list-contacts",
                    Map.of("limit", "5", "lmit", 3)));

            assertThat(result.isError()).isTrue();
            JsonNode error = Json.parse(((McpSchema.TextContent) result.content().get(0)).text()).get("error");
            assertThat(error.get("kind").asText()).isEqualTo("usage");
            assertThat(error.get("code").asText()).isEqualTo("bad-input");
            assertThat(error.get("message").asText()).isEqualTo("the arguments of `list-contacts` break 2 rules");
            assertThat(error.get("errors")).extracting(JsonNode::asText).containsExactly(
                    "`list-contacts` has no input `lmit` (did you mean `limit`?)",
                    "input `limit` must be an integer, not `5` (send it as a JSON integer, without quotes)");
        }
    }

    @Test
    void anApiErrorIsAnErrorResultWithKindStatusAndTheApisOwnError() throws Exception {
        fixture.instance.stubFor(get(urlPathEqualTo("/services/data/v58.0/query")).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("[{\"message\":\"unexpected token: LIMIT\",\"errorCode\":\"MALFORMED_QUERY\"}]")));
        try (McpSyncClient client = McpFixture.client(fixture.stdioTransport()).build()) {
            client.initialize();

            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("list-contacts",
                    Map.of()));

            assertThat(result.isError()).isTrue();
            JsonNode error = Json.parse(((McpSchema.TextContent) result.content().get(0)).text()).get("error");
            assertThat(error.get("kind").asText()).isEqualTo("api");
            assertThat(error.get("status").asInt()).isEqualTo(400);
            assertThat(error.get("api_error").get(0).get("errorCode").asText()).isEqualTo("MALFORMED_QUERY");
            assertThat(error.toString()).doesNotContain(McpFixture.TOKEN).doesNotContain(McpFixture.PASSWORD);
        }
    }

    @Test
    void aNewActionFileIsServedAndTheClientIsToldTheListChanged() throws Exception {
        List<List<McpSchema.Tool>> changes = new CopyOnWriteArrayList<>();
        try (McpSyncClient client = McpFixture.client(fixture.stdioTransport())
                .toolsChangeConsumer(changes::add).build()) {
            client.initialize();
            assertThat(client.listTools().tools()).hasSize(1);

            fixture.write("actions/get-contact.yaml",
                    "name: get-contact",
                    "description: Read one contact",
                    "connector: salesforce",
                    "inputs:",
                    "  id: {type: string, required: true}",
                    "request:",
                    "  method: GET",
                    "  path: /services/data/v58.0/sobjects/Contact/{{id}}");

            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (changes.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            assertThat(changes).isNotEmpty();
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                    .containsExactlyInAnyOrder("list-contacts", "get-contact");
        }
    }
}
