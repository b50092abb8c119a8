package dev.connectorruntime.model;

import jakarta.validation.constraints.AssertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.error.Location;
import java.util.Objects;
import java.util.Set;

/**
 * One typed input of an action (SPEC §4).
 *
 * @param name         the input's name, as used in templates
 * @param type         its JSON type
 * @param description  for people and tool definitions, or {@code null}
 * @param defaultValue the default (a default counts as given), or {@code null}
 * @param required     {@code required: true}
 * @param schema       the input's own JSON Schema as written (without {@code required}), for validation
 * @param location     where the input is declared
 */
public record Input(String name, InputType type, String description, JsonNode defaultValue, boolean required,
                    ObjectNode schema, Location location) {

    /** SPEC §5: the escapers' section names ({@code {{#soql}}…{{/soql}}}), which no input may take. */
    public static final Set<String> RESERVED_NAMES = Set.of("soql", "soql_like");

    public Input {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(location, "location");
        schema = schema.deepCopy();
    }

    /** The schema, a copy: the record stays immutable. */
    @Override
    public ObjectNode schema() {
        return schema.deepCopy();
    }

    /** SPEC §4: a default counts as given, so a required input has none. */
    @AssertTrue(message = "is required and has a default: a default counts as given")
    public boolean isDefaultAllowed() {
        return !(required && defaultValue != null);
    }

    /** Whether a value is always there: required, or defaulted. */
    public boolean alwaysGiven() {
        return required || defaultValue != null;
    }
}
