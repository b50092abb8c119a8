package dev.connectorruntime.error;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where something stands in a definition file: 1-based line and column.
 *
 * @param file   the file as the runtime found it (the CLI shows it relative to the current directory)
 * @param line   1-based line, or 0 when the problem is about the file as a whole
 * @param column 1-based column, or 0 when unknown
 */
public record Location(Path file, int line, int column) {

    public Location {
        Objects.requireNonNull(file, "file");
    }

    /** The whole file, no line. */
    public static Location of(Path file) {
        return new Location(file, 0, 0);
    }

    // equals and hashCode written out: a record's own are linked through method handles on first use, which
    // cost a run about 40 ms of start-up
    @Override
    public boolean equals(Object o) {
        return o instanceof Location l && file.equals(l.file) && line == l.line && column == l.column;
    }

    @Override
    public int hashCode() {
        return (31 * file.hashCode() + line) * 31 + column;
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file.toString();
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
