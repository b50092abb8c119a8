package dev.connectorruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** list, describe and schema export over the shipped workspace. */
class CatalogCommandsTest {

    static final Path REPO = Path.of("").toAbsolutePath();

    @Test
    void listShowsEachActionWithItsConnectorMethodAndPathAndEachConnectorWithItsAuth() {
        Cli.Result r = Cli.run(REPO, Map.of(), "list");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Actions:\n")
                .containsPattern("\\n  list-contacts +salesforce +GET +/services/data/v58\\.0/query +List Salesforce contacts\\n")
                .containsPattern("\\n  salesforce +oauth2 password +from the token response's `instance_url` +Salesforce")
                .containsPattern("\\n  github +bearer +https://api\\.github\\.com +GitHub REST API");
    }

    @Test
    void listInJsonMarksInvalidFiles(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("actions"));
        Files.writeString(dir.resolve("actions/broken.yaml"), "name: broken\n");

        Cli.Result r = Cli.run(dir, Map.of(), "list", "--format", "json");

        assertThat(r.out()).isEqualTo("{\"actions\":[{\"name\":\"broken\",\"valid\":false}],\"connectors\":[]}\n");
    }

    @Test
    void describeShowsInputsConnectorRequestAndExamples() {
        Cli.Result r = Cli.run(REPO, Map.of(), "describe", "list-contacts");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("""
                list-contacts: List Salesforce contacts

                Connector: salesforce (oauth2 password; base URL from the token response's `instance_url`)
                Request:   GET /services/data/v58.0/query
                  query    q = SELECT Name FROM Contact LIMIT {{limit}}
                Paginate:  items /records, next_url /nextRecordsUrl, at most 100 pages
                Output:    [].Name

                Inputs:
                  limit  integer  default 10  minimum 1, maximum 2000  How many contacts to return

                Examples:
                  two contacts                      inputs {"limit":2}  output ["Ada Lovelace","Alan Turing"]
                  records as Salesforce sends them  inputs {"limit":3}  output ["Ada Lovelace","Alan Turing","José Müller"]
                """);
    }

    @Test
    void describeInJsonGivesTheInputsAsOneJsonSchemaForToolDefinitions() throws Exception {
        Cli.Result r = Cli.run(REPO, Map.of(), "describe", "get-contact", "--format", "json");

        JsonNode json = Json.parse(r.out());
        assertThat(Json.compact(json.get("input_schema"))).isEqualTo("{\"type\":\"object\",\"properties\":{"
                + "\"id\":{\"type\":\"string\",\"description\":\"The contact's 15- or 18-character record id\","
                + "\"pattern\":\"^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$\"},"
                + "\"fields\":{\"type\":\"string\",\"description\":\"Comma-separated field names to return (all readable"
                + " fields when left out)\"}},\"required\":[\"id\"],\"additionalProperties\":false}");
        assertThat(json.get("request").get("path").asText()).isEqualTo("/services/data/v58.0/sobjects/Contact/{{id}}");
    }

    @Test
    void describeWhenTheActionIsUnknownThenExits2() {
        Cli.Result r = Cli.run(REPO, Map.of(), "describe", "list-contact");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: unknown action `list-contact`\n  hint: did you mean `list-contacts`?\n");
    }

    @Test
    void schemaExportWritesTheSchemasTheRuntimeUses(@TempDir Path dir) throws Exception {
        Cli.Result r = Cli.run(dir, Map.of(), "schema", "export", "out/schemas");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("wrote " + dir.resolve("out/schemas/connector.schema.json") + "\n"
                + "wrote " + dir.resolve("out/schemas/action.schema.json") + "\n");
        assertThat(dir.resolve("out/schemas/action.schema.json")).hasSameTextualContentAs(REPO.resolve("schema/action.schema.json"));
        assertThat(dir.resolve("out/schemas/connector.schema.json"))
                .hasSameTextualContentAs(REPO.resolve("schema/connector.schema.json"));
    }
}
