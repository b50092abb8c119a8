package dev.connectorruntime.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes definitions into a temporary workspace, for tests that need connectors and actions of their own. */
final class TestWorkspace {

    private TestWorkspace() {
    }

    /** Writes {@code text} to {@code dir/relative}, creating folders. */
    static Path write(Path dir, String relative, String text) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connector {@code api} without auth on a loopback server: {@code base_url: ORIGIN/base}. */
    static void plainConnector(Path dir, String origin, String extra) {
        write(dir, "connectors/api.yaml", "name: api\nbase_url: " + origin + "/base\nauth:\n  type: none\n"
                + "timeout: 2s\n" + extra);
    }
}
