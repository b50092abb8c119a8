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
}
