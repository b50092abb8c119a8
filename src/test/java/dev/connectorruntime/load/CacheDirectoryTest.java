package dev.connectorruntime.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §6: $CONNECTOR_RUNTIME_CACHE_DIR, else $XDG_CACHE_HOME/connector-runtime, else ~/.cache/connector-runtime. */
class CacheDirectoryTest {

    private static final Path HOME = Path.of("/home/ada");

    @Test
    void ownVariableWinsOverXdgAndHome() {
        Map<String, String> env = Map.of("CONNECTOR_RUNTIME_CACHE_DIR", "/var/cache/runtime",
                "XDG_CACHE_HOME", "/home/ada/.xdg-cache");

        assertThat(CacheDirectory.tokens(env, HOME)).isEqualTo(Path.of("/var/cache/runtime/tokens"));
    }

    @Test
    void xdgCacheHomeWhenTheOwnVariableIsUnset() {
        assertThat(CacheDirectory.tokens(Map.of("XDG_CACHE_HOME", "/home/ada/.xdg-cache"), HOME))
                .isEqualTo(Path.of("/home/ada/.xdg-cache/connector-runtime/tokens"));
    }

    @Test
    void homeCacheWhenNeitherIsSet() {
        assertThat(CacheDirectory.tokens(Map.of(), HOME))
                .isEqualTo(Path.of("/home/ada/.cache/connector-runtime/tokens"));
    }

    @Test
    void emptyValuesCountAsUnset() {
        assertThat(CacheDirectory.tokens(Map.of("CONNECTOR_RUNTIME_CACHE_DIR", "", "XDG_CACHE_HOME", " "), HOME))
                .isEqualTo(Path.of("/home/ada/.cache/connector-runtime/tokens"));
    }

    @Test
    void relativeXdgCacheHomeIsIgnoredAsTheXdgSpecSays() {
        assertThat(CacheDirectory.tokens(Map.of("XDG_CACHE_HOME", "relative/cache"), HOME))
                .isEqualTo(Path.of("/home/ada/.cache/connector-runtime/tokens"));
    }

    @Test
    void relativeOwnVariableIsTakenFromTheCurrentDirectory() {
        assertThat(CacheDirectory.root(Map.of("CONNECTOR_RUNTIME_CACHE_DIR", "cache"), HOME))
                .isEqualTo(Path.of("cache").toAbsolutePath());
    }
}
