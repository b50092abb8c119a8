package dev.connectorruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes people make in definition files, each in src/test/resources/mistakes/NN-name.yaml (its first line
 * names the file it plays, {@code # file: actions/x.yaml}), each with the exact `validate` output pinned in
 * NN-name.expected. Regenerate the golden files after a deliberate change of wording with
 * {@code mvn test -Dtest=MistakesCorpusTest -Dgolden.update=true}, and review the diff.
 */
class MistakesCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/mistakes");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> validateReportsEachMistakeExactly() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                String name = file.getFileName().toString().replace(".yaml", "");
                tests.add(DynamicTest.dynamicTest(name, () -> check(name, target(content), content)));
            }
        }
        tests.add(DynamicTest.dynamicTest("43-five-megabytes", () -> check("43-five-megabytes", "actions/big.yaml",
                "name: big\ndescription: " + "x".repeat(5 * 1024 * 1024) + "\n")));
        StringBuilder deep = new StringBuilder("name: deep\nconnector: salesforce\nrequest:\n  method: POST\n"
                + "  path: /deep\n  json:\n");
        for (int i = 0; i < 100; i++) {
            deep.append("  ".repeat(i + 2)).append("a:\n");
        }
        tests.add(DynamicTest.dynamicTest("44-hundred-levels-deep", () -> check("44-hundred-levels-deep",
                "actions/deep.yaml", deep.toString())));
        assertThat(tests).hasSizeGreaterThanOrEqualTo(30);
        return tests.stream();
    }

    private static String target(String content) {
        String first = content.lines().findFirst().orElse("");
        assertThat(first).startsWith("# file: ");
        return first.substring("# file: ".length()).trim();
    }

    private void check(String name, String target, String content) throws IOException {
        Path workspace = Files.createTempDirectory(temp, name);
        Files.createDirectories(workspace.resolve("connectors"));
        Files.createDirectories(workspace.resolve("actions"));
        Files.copy(Path.of("connectors/salesforce.yaml"), workspace.resolve("connectors/salesforce.yaml"));
        Files.writeString(workspace.resolve(target), content, StandardCharsets.UTF_8);

        Cli.Result r = Cli.run(workspace, Map.of(), "validate");

        String actual = r.out() + "--- stderr\n" + r.err() + "--- exit " + r.exitCode() + "\n";
        Path golden = CORPUS.resolve(name + ".expected");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file %s (run with -Dgolden.update=true to create it)", golden).exists();
        assertThat(actual).isEqualTo(read(golden));
        assertThat(r.exitCode()).as("every mistake but a warning fails validation")
                .isEqualTo(name.contains("unused") || name.endsWith("-warning") ? 0 : 3);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
