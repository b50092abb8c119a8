package dev.connectorruntime.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One typed input of an action draft (SPEC §4).
 *
 * @param name         the input's name (made by {@link ImportNames#input}); templates say {@code {{name}}}
 * @param wireName     the name on the wire (query or form key, header, JSON member, path parameter), which the
 *                     template keeps
 * @param type         one §4 type: string, integer, number, boolean, array, object
 * @param required     {@code required: true}; dropped when there is a default (a default counts as given)
 * @param defaultValue the default, or {@code null}
 * @param enumValues   the allowed values, or empty
 * @param format       one of §4's checked formats (date, date-time, email, uri, uuid), or {@code null}
 * @param description  for people and agents, or {@code null}
 * @param more         further §4 keywords ({@code minimum}, {@code items}…) written as given, or {@code null}; the
 *                     importer that builds it keeps only §4 keywords
 */
public record InputDraft(String name, String wireName, String type, boolean required, JsonNode defaultValue,
                         List<JsonNode> enumValues, String format, String description, ObjectNode more) {

    public InputDraft {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
    }

    /** A plain input: a name, its wire name, a type, whether it is required, and a default. */
    public static InputDraft of(String name, String wireName, String type, boolean required, JsonNode defaultValue) {
        return new InputDraft(name, wireName, type, required, defaultValue, List.of(), null, null, null);
    }

    public InputDraft withDescription(String d) {
        return new InputDraft(name, wireName, type, required, defaultValue, enumValues, format, d, more);
    }
}
