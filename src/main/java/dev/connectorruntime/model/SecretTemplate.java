package dev.connectorruntime.model;

import dev.connectorruntime.error.Location;
import java.util.Objects;

/**
 * A connector value as written in its file, {@code <<placeholders>>} unresolved: for example
 * {@code <<salesforce_password>><<salesforce_security_token>>}. It holds no secret itself; resolving it
 * (package {@code secret}) yields one.
 *
 * @param source   the text as written
 * @param location where it stands, for "secret not set" errors
 */
public record SecretTemplate(String source, Location location) {

    public SecretTemplate {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(location, "location");
    }

    // equals and hashCode written out: a record's own are linked through method handles on first use, which
    // cost a run about 40 ms of start-up (these are map keys on every run)
    @Override
    public boolean equals(Object o) {
        return o instanceof SecretTemplate t && source.equals(t.source) && location.equals(t.location);
    }

    @Override
    public int hashCode() {
        return 31 * source.hashCode() + location.hashCode();
    }
}
