package dev.connectorruntime.compile;

import static dev.connectorruntime.compile.Compiling.action;
import static dev.connectorruntime.compile.Compiling.bindFailure;
import static dev.connectorruntime.compile.Compiling.values;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SPEC §4, §11: {@code required: true} on a member of an object, at any depth, is compiled into its parent's
 * {@code required} array (valid draft-07, what MCP and OpenAPI tools read) and enforced; every array has
 * {@code items}.
 */
class NestedRequiredTest {

    private static final Action ACTION = action("""
            address:
              type: object
              required: true
              properties:
                city: {type: string, required: true}
                street: {type: string, required: false}
                geo:
                  type: object
                  properties:
                    lat: {type: number, required: true}
                    lon: {type: number}
            lines:
              type: array
              items:
                type: object
                properties:
                  sku: {type: string, required: true}
                  tags: {type: array}
            notes: {type: array}
            """, "method: POST\npath: /orders\njson: {address: '{{address}}', lines: '{{lines}}', notes: '{{notes}}'}\n");

    @Test
    void ofWhenMembersAreRequiredAtTwoLevelsThenRequiredArraysAtEachLevelAndItemsOnEveryArray() {
        assertThat(Json.compact(InputSchema.of(ACTION))).isEqualTo("{\"type\":\"object\",\"properties\":{"
                + "\"address\":{\"type\":\"object\",\"properties\":{"
                + "\"city\":{\"type\":\"string\"},"
                + "\"street\":{\"type\":\"string\"},"
                + "\"geo\":{\"type\":\"object\",\"properties\":{\"lat\":{\"type\":\"number\"},"
                + "\"lon\":{\"type\":\"number\"}},\"required\":[\"lat\"]}},"
                + "\"required\":[\"city\"]},"
                + "\"lines\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{"
                + "\"sku\":{\"type\":\"string\"},\"tags\":{\"type\":\"array\",\"items\":{}}},\"required\":[\"sku\"]}},"
                + "\"notes\":{\"type\":\"array\",\"items\":{}}},"
                + "\"required\":[\"address\"],\"additionalProperties\":false}");
    }

    @Test
    void ofWhenCompiledThenTheSchemaIsValidDraft07() {
        var metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));

        assertThat(metaSchema.validate(InputSchema.of(ACTION))).isEmpty();
        assertThat(metaSchema.validate(ACTION.input("address").schema())).as("as written").isNotEmpty();
    }

    @Test
    void ofLeavesTheInputsOwnSchemaAsWritten() {
        InputSchema.of(ACTION);

        ObjectNode city = (ObjectNode) ACTION.input("address").schema().get("properties").get("city");
        assertThat(city.get("required").asBoolean()).isTrue();
    }

    @Test
    void bindWhenANestedRequiredMemberIsMissingThenBadInputNamingItsPath() {
        Failure f = bindFailure(ACTION, "{'address': {}}", Map.of());

        assertThat(f.kind()).isEqualTo(Kind.USAGE);
        assertThat(f.code()).isEqualTo(Code.BAD_INPUT);
        assertThat(f.getMessage()).isEqualTo("input `address` property `city` is required");
    }

    @Test
    void bindWhenARequiredMemberTwoLevelsDownIsMissingThenItsWholePath() {
        assertThat(bindFailure(ACTION, "{'address': {'city': 'Paris', 'geo': {'lon': 2.35}}}", Map.of()).getMessage())
                .isEqualTo("input `address` property `geo` property `lat` is required");
    }

    @Test
    void bindWhenAnItemLacksItsRequiredMemberThenTheItemsIndex() {
        assertThat(bindFailure(ACTION, "{'address': {'city': 'Paris'}, 'lines': [{'sku': 'a'}, {}]}", Map.of())
                .getMessage()).isEqualTo("input `lines` item 1 property `sku` is required");
    }

    @Test
    void bindWhenEveryRequiredMemberIsGivenThenAccepted() {
        assertThat(values(ACTION, "{'address': {'city': 'Paris', 'geo': {'lat': 48.86}}, 'lines': [{'sku': 'a'}],"
                + " 'notes': ['x', 1]}").values()).containsOnlyKeys("address", "lines", "notes");
    }

    @Test
    void compileWhenADefaultLacksANestedRequiredMemberThenBadDefault() {
        Action a = action("""
                address:
                  type: object
                  default: {street: Main}
                  properties:
                    city: {type: string, required: true}
                """, "method: POST\npath: /orders\njson: {address: '{{address}}'}\n");
        List<Problem> problems = new ArrayList<>();

        assertThat(CompiledAction.compile(a, problems)).isNull();
        assertThat(problems).extracting(Problem::code, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Code.BAD_DEFAULT,
                        "the default of input `address` property `city` is required"));
    }
}
