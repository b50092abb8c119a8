package dev.connectorruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The golden-file check of the import tests: a golden folder holds {@code stdout.txt}, {@code report.txt} (stderr)
 * and every file the import writes, byte for byte.
 */
final class ImportGolden {

    private ImportGolden() {
    }

    /** Asserts that {@code r} succeeded and wrote exactly the golden files into {@code ws}; returns their names. */
    static List<String> assertWritten(Path golden, Path ws, Cli.Result r) throws IOException {
        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).isEqualTo(Files.readString(golden.resolve("stdout.txt")));
        assertThat(r.err()).isEqualTo(Files.readString(golden.resolve("report.txt")));
        List<String> expected = files(golden);
        expected.removeAll(List.of("stdout.txt", "report.txt"));
        assertThat(files(ws)).containsExactlyInAnyOrderElementsOf(expected);
        for (String f : expected) {
            assertThat(Files.readString(ws.resolve(f))).as(f).isEqualTo(Files.readString(golden.resolve(f)));
        }
        return expected;
    }

    /** Every regular file under {@code root}, relative to it. */
    static List<String> files(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(Files::isRegularFile).forEach(p -> out.add(root.relativize(p).toString()));
        }
        return out;
    }
}
