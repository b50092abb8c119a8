package dev.connectorruntime.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.connectorruntime.error.Location;
import java.util.List;
import java.util.Objects;

/**
 * A YAML sequence, block ({@code - x}) or flow ({@code [x]}).
 *
 * @param location where the list starts: its first {@code -}, or its {@code [}
 * @param items    the items in source order
 */
public record YList(Location location, List<YNode> items) implements YNode {

    public YList {
        Objects.requireNonNull(location, "location");
        items = List.copyOf(items);
    }

    @Override
    public JsonNode toJson() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode(items.size());
        for (YNode item : items) {
            array.add(item.toJson());
        }
        return array;
    }

    @Override
    public String kindName() {
        return "list";
    }
}
