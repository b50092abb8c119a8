package dev.connectorruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §4, §11: {@code describe} shows the compiled input schema, and {@code run} enforces nested members. */
class NestedRequiredCliTest {

    @TempDir
    Path dir;

    @BeforeEach
    void workspace() throws Exception {
        Files.createDirectories(dir.resolve("connectors"));
        Files.createDirectories(dir.resolve("actions"));
        Files.writeString(dir.resolve("connectors/api.yaml"),
                "name: api\nbase_url: https://api.example.com\nauth:\n  type: none\n");
        Files.writeString(dir.resolve("actions/create-order.yaml"), """
                name: create-order
                connector: api
                inputs:
                  address:
                    type: object
                    required: true
                    properties:
                      city: {type: string, required: true}
                  notes: {type: array}
                request:
                  method: POST
                  path: /orders
                  json: {address: "{{address}}", notes: "{{notes}}"}
                """);
    }

    @Test
    void describeInJsonShowsRequiredAsArraysAndItemsOnEveryArray() throws Exception {
        Cli.Result r = Cli.run(dir, Map.of(), "describe", "create-order", "--format", "json");

        JsonNode json = Json.parse(r.out());
        assertThat(Json.compact(json.get("input_schema"))).isEqualTo("{\"type\":\"object\",\"properties\":{"
                + "\"address\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
                + "\"required\":[\"city\"]},\"notes\":{\"type\":\"array\",\"items\":{}}},"
                + "\"required\":[\"address\"],\"additionalProperties\":false}");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void runWhenANestedRequiredMemberIsMissingThenBadInputBeforeAnythingIsSent() {
        Cli.Result r = Cli.run(dir, Map.of(), "run", "create-order", "-i", "address={}", "--json-errors");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("{\"exit_code\":2,\"kind\":\"usage\",\"code\":\"bad-input\",\"status\":null,"
                + "\"api_error\":null,\"message\":\"input `address` property `city` is required\",\"hint\":null}\n");
    }
}
