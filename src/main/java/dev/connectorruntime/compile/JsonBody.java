package dev.connectorruntime.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.model.Body;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.template.Template;
import dev.connectorruntime.template.Templates;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code json}: the tree built anew for each render (SPEC §5.2), so values are JSON-escaped; a string leaf that is
 * exactly {@code {{x}}} takes the input's own value and type, and its member is left out when x is not given.
 */
final class JsonBody implements CompiledBody {

    // read only, never handed out: a rendered tree shares only its value nodes, which cannot change
    private final JsonNode tree;
    private final Map<String, Template> leaves;

    private JsonBody(JsonNode tree, Map<String, Template> leaves) {
        this.tree = tree;
        this.leaves = Collections.unmodifiableMap(leaves);
    }

    static JsonBody compile(Body.Json json, Set<String> declared, List<Problem> problems) {
        JsonNode tree = json.tree();
        Map<String, Template> leaves = new HashMap<>();
        compileLeaves(tree, "", json.locations(), declared, problems, leaves);
        return new JsonBody(tree, leaves);
    }

    private static void compileLeaves(JsonNode node, String pointer, Map<String, Location> locations,
                                      Set<String> declared, List<Problem> problems, Map<String, Template> out) {
        if (node.isTextual()) {
            Location where = locations.getOrDefault(pointer, locations.values().stream().findFirst().orElse(null));
            if (where != null) {
                out.put(pointer, Templates.compile(node.asText(), where, declared, problems));
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> compileLeaves(e.getValue(), member(pointer, e.getKey()), locations,
                    declared, problems, out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                compileLeaves(node.get(i), pointer + "/" + i, locations, declared, problems, out);
            }
        }
    }

    /** RFC 6901: {@code ~} and {@code /} in a member name are escaped. */
    private static String member(String pointer, String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    @Override
    public byte[] render(Map<String, JsonNode> values) {
        JsonNode rendered = render(tree, "", values);
        return Json.compact(rendered == null ? Json.nodes().nullNode() : rendered).getBytes(StandardCharsets.UTF_8);
    }

    /** The tree with each string leaf rendered; {@code null} for a member to leave out. */
    private JsonNode render(JsonNode node, String pointer, Map<String, JsonNode> values) {
        if (node.isTextual()) {
            Template t = leaves.get(pointer);
            if (t == null || t.isLiteral()) {
                return node;
            }
            if (t.isSingleVariable()) {
                return values.get(t.singleVariable());
            }
            return Json.nodes().textNode(t.render(values));
        }
        if (node.isObject()) {
            ObjectNode out = Json.object();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = render(e.getValue(), member(pointer, e.getKey()), values);
                if (v != null) {
                    out.set(e.getKey(), v);
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Json.array();
            for (int i = 0; i < node.size(); i++) {
                JsonNode v = render(node.get(i), pointer + "/" + i, values);
                out.add(v == null ? Json.nodes().nullNode() : v);
            }
            return out;
        }
        return node;
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public Collection<Template> templates() {
        return leaves.values();
    }
}
