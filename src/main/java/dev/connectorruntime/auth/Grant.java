package dev.connectorruntime.auth;

import dev.connectorruntime.secret.Secret;
import java.util.List;
import java.util.Map;

/** The grant-specific form fields of a token request; one small class per grant. */
interface Grant {

    /** {@code grant_type} and the grant's own fields, freshly built (a JWT assertion is signed anew each time). */
    List<Map.Entry<String, Secret>> fields();

    /** Whether the client authenticates with id and secret (the JWT bearer grant proves itself by signature). */
    default boolean clientAuthenticates() {
        return true;
    }

    /** Whether this request spends a refresh token: such a request is never re-sent blindly. */
    default boolean spendsRefreshToken() {
        return false;
    }

    /** The refresh token the next request would spend, or {@code null}. */
    default Secret refreshToken() {
        return null;
    }

    /** A new refresh token came back: the next request must use it (rotation). */
    default void rotated(Secret refreshToken) {
    }

    static Map.Entry<String, Secret> field(String name, Secret value) {
        return Map.entry(name, value);
    }

    static Map.Entry<String, Secret> field(String name, String value) {
        return Map.entry(name, Secret.of(value));
    }
}
