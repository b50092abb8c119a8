package dev.connectorruntime.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.model.Json;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * curl's semantics, checked against an oracle: curlconverter 4.12.0's reading of every command in
 * {@code import/curl/commands.txt}, recorded in {@code curlconverter.json} by {@code it/import-curl.sh --record}
 * (which, run without {@code --record} by {@code .ci/run}, re-checks the recording live). Method, URL, headers,
 * basic credentials and body must agree. Cookies are the one difference: curl sends them, the runtime does not
 * (they are reported).
 */
class ImportCurlOracleTest {

    static Stream<JsonNode> answers() throws Exception {
        try (InputStream in = ImportCurlOracleTest.class.getResourceAsStream("/import/curl/curlconverter.json")) {
            List<JsonNode> all = new ArrayList<>();
            Json.parse(in).forEach(all::add);
            assertThat(all).hasSizeGreaterThanOrEqualTo(40);
            return all.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void importCurlReadsTheCommandAsCurlconverterDoes(JsonNode recorded) throws Exception {
        String command = recorded.get("command").asText();
        JsonNode oracle = recorded.get("answer");
        CurlRequest mine = CurlImporter.request(command);

        assertThat(mine.method()).as("method").isEqualToIgnoringCase(oracle.get("method").asText());
        assertThat(mine.url()).as("URL").isEqualTo(oracle.get("raw_url").asText());
        assertThat(headers(mine)).as("headers").isEqualTo(headers(oracle));
        JsonNode auth = oracle.get("auth");
        assertThat(mine.user()).as("-u").isEqualTo(auth == null ? null
                : auth.get("user").asText() + ":" + auth.get("password").asText());
        JsonNode data = oracle.get("data");
        if (data == null) {
            assertThat(mine.body()).as("body").isNull();
        } else if (data.isTextual()) {
            assertThat(mine.body()).as("body").isEqualTo(data.asText());
        } else if (String.valueOf(mine.header("Content-Type")).contains("json")) {
            assertThat(Json.parse(mine.body())).as("JSON body").isEqualTo(data);
        } else {
            assertThat(form(mine.body())).as("form body").isEqualTo(data);
        }
    }

    private static Map<String, String> headers(CurlRequest r) {
        Map<String, String> m = new LinkedHashMap<>();
        r.headers().forEach(h -> m.put(h.getKey(), h.getValue()));
        return m;
    }

    private static Map<String, String> headers(JsonNode oracle) {
        Map<String, String> m = new LinkedHashMap<>();
        if (oracle.has("headers")) {
            oracle.get("headers").fields().forEachRemaining(e -> {
                if (!e.getKey().equalsIgnoreCase("cookie")) {
                    m.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return m;
    }

    /** A form body as curlconverter shows it: decoded, a repeated name as an array. */
    private static ObjectNode form(String body) {
        ObjectNode o = Json.object();
        for (Map.Entry<String, String> p : UrlParts.pairs(body, true)) {
            JsonNode had = o.get(p.getKey());
            if (had == null) {
                o.put(p.getKey(), p.getValue());
            } else if (had.isArray()) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) had).add(p.getValue());
            } else {
                o.putArray(p.getKey()).add(had).add(p.getValue());
            }
        }
        return o;
    }
}
