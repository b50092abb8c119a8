package dev.connectorruntime.http;

/**
 * The runtime's version, from the jar's manifest ({@code dev} when run from classes), and the {@code User-Agent}
 * that says it. Here, below both {@code run} and {@code auth}, since API and token requests send the same one.
 */
public final class Version {

    /** {@code connector-runtime/VERSION}: on API requests unless the definitions set one, and on token requests. */
    public static final String USER_AGENT = "connector-runtime/" + get();

    private Version() {
    }

    public static String get() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
