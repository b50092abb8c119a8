package dev.connectorruntime.auth;

/**
 * Where the auth layer reports what a user should know but what does not stop the run (a cache file ignored for
 * its mode, a cache that cannot be written). Only the CLI prints: it implements this and writes to stderr.
 */
@FunctionalInterface
public interface Warnings {

    /** Drops every warning. */
    Warnings NONE = message -> { };

    /** One warning, in plain words, without a secret in it. */
    void warn(String message);
}
