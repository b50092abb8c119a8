package dev.connectorruntime.secret;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret value: a password, a key, a token. Its {@link #toString()} is {@code ****}, Jackson refuses
 * to serialise it, and {@link #reveal()} is the only way to the value, so a revealed value is easy to
 * find in a review. A class rather than a record, because records print their fields.
 *
 * <p>Creating a {@code Secret} does not register its value with the {@link Redactor}: the code that
 * obtains or derives a secret registers it (the {@link SecretResolver} does so for resolved values).
 */
@JsonSerialize(using = SecretSerializer.class)
public final class Secret {

    private static final Secret EMPTY = new Secret("");

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a value; the empty string is a value (SPEC §3). */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        return value.isEmpty() ? EMPTY : new Secret(value);
    }

    /** The value itself: for building a request, never for printing. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** The length of the value in UTF-16 chars, as {@link String#length()}. */
    public int length() {
        return value.length();
    }

    /** Equal values, compared in constant time. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Secret that
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Always {@code ****}. */
    @Override
    public String toString() {
        return Redactor.MASK;
    }
}
