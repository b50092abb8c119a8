package dev.connectorruntime.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.load.YamlLoader;
import dev.connectorruntime.model.Input;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.model.ReservedHeaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The files in schema/ as editors and the runtime use them. */
class PublishedSchemasTest {

    /** 2019-09 and 2020-12 keywords that draft-07 tools (editors' YAML language servers) do not understand. */
    static final Set<String> NEWER_KEYWORDS = Set.of("unevaluatedProperties", "unevaluatedItems", "dependentRequired",
            "dependentSchemas", "prefixItems", "$defs", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "minContains",
            "maxContains");

    static List<Path> shipped(String folder) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void bothSchemasDeclareDraft07ForTheEditorsThatReadThem() throws IOException {
        for (String name : List.of("action", "connector")) {
            assertThat(Files.readString(Path.of("schema", name + ".schema.json")))
                    .contains("\"$schema\": \"http://json-schema.org/draft-07/schema#\"");
        }
    }

    @Test
    void everyShippedDefinitionPassesThePublishedSchema() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path f : shipped("connectors")) {
            SchemaCheck.check(YamlLoader.load(f), SchemaCheck.Schema.CONNECTOR).forEach(p -> problems.add(f + ": " + p));
        }
        for (Path f : shipped("actions")) {
            SchemaCheck.check(YamlLoader.load(f), SchemaCheck.Schema.ACTION).forEach(p -> problems.add(f + ": " + p));
        }
        assertThat(problems).isEmpty();
        assertThat(shipped("connectors")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(shipped("actions")).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void everyShippedDefinitionStartsWithTheLanguageServerModeline() throws IOException {
        for (Path f : shipped("connectors")) {
            assertThat(Files.readAllLines(f).get(0)).as(f.toString())
                    .isEqualTo("# yaml-language-server: $schema=../schema/connector.schema.json");
        }
        for (Path f : shipped("actions")) {
            assertThat(Files.readAllLines(f).get(0)).as(f.toString())
                    .isEqualTo("# yaml-language-server: $schema=../schema/action.schema.json");
        }
    }

    @Test
    void theActionSchemaKnowsOutputFromAndItsTwoValues() {
        String action = "name: demo\nconnector: api\nrequest: { method: POST, path: /users }\noutput_from: ";
        Path file = Path.of("actions/demo.yaml");

        assertThat(SchemaCheck.check(YamlLoader.parse(file, action + "response\n"), SchemaCheck.Schema.ACTION))
                .isEmpty();
        assertThat(SchemaCheck.check(YamlLoader.parse(file, action + "body\n"), SchemaCheck.Schema.ACTION)).isEmpty();
        assertThat(SchemaCheck.check(YamlLoader.parse(file, action + "headers\n"), SchemaCheck.Schema.ACTION))
                .extracting(p -> p.code().id() + " @ " + p.location().line() + ": " + p.message())
                .containsExactly("bad-value @ 4: `output_from` must be one of body, response, not `headers`");
    }

    @Test
    void theSchemasUseOnlyKeywordsDraft07ToolsUnderstand() throws IOException {
        for (String name : List.of("connector", "action")) {
            JsonNode schema = Json.parse(Files.readString(Path.of("schema", name + ".schema.json")));
            List<String> found = new ArrayList<>();
            walk(schema, found);
            assertThat(found).as(name).isEmpty();
        }
    }

    @Test
    void everyPropertyHasATitleADescriptionAndTheStructuresAreClosed() throws IOException {
        for (String name : List.of("connector", "action")) {
            JsonNode schema = Json.parse(Files.readString(Path.of("schema", name + ".schema.json")));
            assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
            schema.get("properties").fields().forEachRemaining(e -> {
                assertThat(e.getValue().has("title")).as(name + "." + e.getKey() + " title").isTrue();
                assertThat(e.getValue().has("description")).as(name + "." + e.getKey() + " description").isTrue();
            });
        }
    }

    @Test
    void theSchemasRefuseTheHeadersTheRuntimeRefusesInAnyCase() throws IOException {
        for (String name : List.of("Host", "content-length", "Connection", "EXPECT", "Upgrade", "Transfer-Encoding",
                "te", "TE", "Trailer", "keep-alive", "Proxy-Authorization", "proxy-connection", "Authorization",
                "Accept", "X-Proxy", "Tea", "Hosts", "Proxy")) {
            String connector = "{\"name\":\"x\",\"base_url\":\"https://a.example.com\",\"headers\":{\"" + name
                    + "\":\"v\"}}";
            String action = "{\"name\":\"x\",\"connector\":\"y\",\"request\":{\"method\":\"GET\","
                    + "\"path\":\"/x\",\"headers\":{\"" + name + "\":\"v\"}}}";
            assertThat(SchemaCheck.Schema.CONNECTOR.compiled().validate(Json.parse(connector)).isEmpty())
                    .as("connector header " + name).isEqualTo(!ReservedHeaders.forConnector(name));
            assertThat(SchemaCheck.Schema.ACTION.compiled().validate(Json.parse(action)).isEmpty())
                    .as("action header " + name).isEqualTo(!ReservedHeaders.forAction(name));
        }
    }

    @Test
    void theActionSchemaRefusesAnInputNamedAfterAnEscaper() throws IOException {
        for (String name : List.of("soql", "soql_like", "soql_text", "limit")) {
            String action = "{\"name\":\"x\",\"connector\":\"y\",\"inputs\":{\"" + name + "\":{\"type\":"
                    + "\"string\"}},\"request\":{\"method\":\"GET\",\"path\":\"/x\"}}";
            assertThat(SchemaCheck.Schema.ACTION.compiled().validate(Json.parse(action)).isEmpty()).as(name)
                    .isEqualTo(!Input.RESERVED_NAMES.contains(name));
        }
    }

    @Test
    void theJarCarriesTheSameFilesAsTheRepository() throws IOException {
        for (SchemaCheck.Schema s : SchemaCheck.Schema.values()) {
            try (var in = getClass().getClassLoader().getResourceAsStream(s.resource())) {
                assertThat(in).isNotNull();
                assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .isEqualTo(Files.readString(Path.of("schema", s.fileName())));
            }
        }
    }

    private static void walk(JsonNode node, List<String> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (NEWER_KEYWORDS.contains(e.getKey())) {
                    found.add(e.getKey());
                }
                walk(e.getValue(), found);
            });
        } else if (node.isArray()) {
            node.forEach(n -> walk(n, found));
        }
    }
}
