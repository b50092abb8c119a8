package dev.connectorruntime.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compiling a template that must be valid, and inputs written as JSON. */
final class TemplateFixtures {

    static final Location WHERE = new Location(Path.of("actions/list-contacts.yaml"), 12, 8);
    private static final ObjectMapper JSON = new ObjectMapper();

    private TemplateFixtures() {
    }

    static Template valid(String source, String... declaredInputs) {
        List<Problem> problems = new ArrayList<>();
        Template template = Templates.compile(source, WHERE, Set.of(declaredInputs), problems);
        assertThat(problems).isEmpty();
        assertThat(template).isNotNull();
        return template;
    }

    /** {@code inputs("{'limit': 10}")}: single quotes stand for double quotes. */
    static Map<String, JsonNode> inputs(String json) {
        try {
            Map<String, JsonNode> map = new LinkedHashMap<>();
            JSON.readTree(json.replace('\'', '"')).properties().forEach(e -> map.put(e.getKey(), e.getValue()));
            return map;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Map<String, JsonNode> input(String name, JsonNode value) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        map.put(name, value);
        return map;
    }
}
