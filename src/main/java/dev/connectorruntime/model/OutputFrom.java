package dev.connectorruntime.model;

import java.util.Locale;

/** What an action's {@code output} expression reads (SPEC §4 {@code output_from}). */
public enum OutputFrom {
    /** The decoded body (the concatenated items when paginated): the default. */
    BODY,
    /**
     * The whole answer as one object, {@code {"status", "headers", "body"}}: header names in lower case, repeated
     * values joined with {@code ", "}, {@code Set-Cookie} left out. Not for a paginated action.
     */
    RESPONSE;

    /** The name as written in YAML: {@code body}, {@code response}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
