package dev.connectorruntime.model;

import java.util.Locale;

/** The JSON types an input may have (SPEC §4). */
public enum InputType {
    STRING, INTEGER, NUMBER, BOOLEAN, ARRAY, OBJECT;

    /** The name as written in YAML and JSON Schema. */
    public String schemaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type for a YAML/JSON Schema name, or {@code null}. */
    public static InputType of(String name) {
        for (InputType t : values()) {
            if (t.schemaName().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
