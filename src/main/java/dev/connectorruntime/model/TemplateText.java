package dev.connectorruntime.model;

import dev.connectorruntime.error.Location;
import java.util.Objects;

/**
 * An action string as written: a Mustache template over the action's inputs (SPEC §5).
 *
 * @param source   the text as written, e.g. {@code SELECT Name FROM Contact LIMIT {{limit}}}
 * @param location where it stands
 */
public record TemplateText(String source, Location location) {

    public TemplateText {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(location, "location");
    }
}
