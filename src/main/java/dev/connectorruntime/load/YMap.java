package dev.connectorruntime.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.error.Location;
import java.util.List;
import java.util.Objects;

/**
 * A YAML mapping, block or flow. Keys are scalars kept as their text ({@code 10:} has the key
 * {@code "10"}); the loader refuses duplicates, so each key appears once.
 *
 * @param location where the mapping starts: its first key, or its {@code {}
 * @param entries  the entries in source order
 */
public record YMap(Location location, List<Entry> entries) implements YNode {

    public YMap {
        Objects.requireNonNull(location, "location");
        entries = List.copyOf(entries);
    }

    /**
     * One {@code key: value} pair.
     *
     * @param key         the key's text
     * @param keyLocation where the key starts
     * @param value       the value; an absent value ({@code key:}) is a null {@link YScalar}
     */
    public record Entry(String key, Location keyLocation, YNode value) {

        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(keyLocation, "keyLocation");
            Objects.requireNonNull(value, "value");
        }
    }

    /** The value under {@code key}, or {@code null} when the key is absent. */
    public YNode get(String key) {
        Entry entry = entry(key);
        return entry == null ? null : entry.value();
    }

    /** The entry for {@code key}, or {@code null} when the key is absent. */
    public Entry entry(String key) {
        for (Entry entry : entries) {
            if (entry.key().equals(key)) {
                return entry;
            }
        }
        return null;
    }

    public boolean has(String key) {
        return entry(key) != null;
    }

    /** The keys in source order. */
    public List<String> keys() {
        return entries.stream().map(Entry::key).toList();
    }

    @Override
    public JsonNode toJson() {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (Entry entry : entries) {
            object.set(entry.key(), entry.value().toJson());
        }
        return object;
    }

    @Override
    public String kindName() {
        return "mapping";
    }
}
