package dev.connectorruntime.load;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the cache lives (SPEC §6): {@code $CONNECTOR_RUNTIME_CACHE_DIR}, else {@code $XDG_CACHE_HOME/connector-runtime},
 * else {@code ~/.cache/connector-runtime}; tokens in its {@code tokens/} folder, validation stamps in
 * {@code validated/}.
 */
public final class CacheDirectory {

    public static final String OWN_VARIABLE = "CONNECTOR_RUNTIME_CACHE_DIR";
    public static final String XDG_VARIABLE = "XDG_CACHE_HOME";

    private CacheDirectory() {
    }

    /**
     * @param env  the process environment
     * @param home the user's home directory
     */
    public static Path root(Map<String, String> env, Path home) {
        String own = env.get(OWN_VARIABLE);
        if (own != null && !own.isBlank()) {
            return Path.of(own).toAbsolutePath();
        }
        String xdg = env.get(XDG_VARIABLE);
        // XDG Base Directory spec: a relative path in these variables is invalid and ignored
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "connector-runtime");
        }
        return home.resolve(".cache").resolve("connector-runtime");
    }

    /** The {@code validated/} folder of {@link #root}: definitions checked in full, by content digest. */
    public static Path validated(Map<String, String> env, Path home) {
        return root(env, home).resolve("validated");
    }

    /** The {@code tokens/} folder of {@link #root}. */
    public static Path tokens(Map<String, String> env, Path home) {
        return root(env, home).resolve("tokens");
    }
}
