package dev.connectorruntime.load;

import static dev.connectorruntime.load.Loading.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a definition from disk: size, encoding and I/O come before YAML. */
class YamlLoaderFileTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static Problem onlyProblem(Path file) {
        List<Problem> problems = problemsOf(() -> YamlLoader.load(file));
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void loadWhenUtf8FileThenTreeWithTheFileInEveryLocation() throws IOException {
        Path file = write("salesforce.yaml", "name: salesforce\ndescription: Café ☕\n".getBytes(StandardCharsets.UTF_8));

        YMap root = (YMap) YamlLoader.load(file);

        assertThat(((YScalar) root.get("description")).text()).isEqualTo("Café ☕");
        assertThat(root.get("description").location()).isEqualTo(new Location(file, 2, 14));
    }

    @Test
    void loadWhenByteOrderMarkAndCrlfThenParsedLikeAPlainFile() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "name: x\r\ntimeout: 30s\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(bom, bom.length + body.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);

        YMap root = (YMap) YamlLoader.load(write("x.yaml", bytes));

        assertThat(root.keys()).containsExactly("name", "timeout");
        assertThat(root.get("timeout").location().line()).isEqualTo(2);
        assertThat(root.get("timeout").location().column()).isEqualTo(10);
    }

    @Test
    void loadWhenInvalidUtf8ThenEncodingProblemAtTheFirstBadByte() throws IOException {
        byte[] head = "name: x\ndescription: caf".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(head, head.length + 2);
        bytes[head.length] = (byte) 0xE9; // Latin-1 é
        bytes[head.length + 1] = '\n';
        Path file = write("latin1.yaml", bytes);

        Problem problem = onlyProblem(file);

        assertThat(problem.code()).isEqualTo(Code.YAML_ENCODING);
        assertThat(problem.location()).isEqualTo(new Location(file, 2, 17));
        assertThat(problem.message()).isEqualTo("the file is not valid UTF-8");
        assertThat(problem.hint()).isEqualTo("save the file as UTF-8");
    }

    @Test
    void loadWhenUtf16ThenEncodingProblemOnTheFirstLine() throws IOException {
        Path file = write("utf16.yaml", "\uFEFFname: x\n".getBytes(StandardCharsets.UTF_16LE));

        Problem problem = onlyProblem(file);

        assertThat(problem.code()).isEqualTo(Code.YAML_ENCODING);
        assertThat(problem.location()).isEqualTo(new Location(file, 1, 1));
    }

    @Test
    void loadWhenFileIsOver4MibThenTooLargeBeforeReadingIt() throws IOException {
        Path file = dir.resolve("huge.yaml");
        byte[] line = "- 0123456789012345678901234567890123456789012345678901234567890\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < 5 * 1024 * 1024 / line.length; i++) {
                out.write(line);
            }
        }
        assertThat(Files.size(file)).isEqualTo(5L * 1024 * 1024);

        Problem problem = onlyProblem(file);

        assertThat(problem.code()).isEqualTo(Code.YAML_TOO_LARGE);
        assertThat(problem.location()).isEqualTo(Location.of(file));
        assertThat(problem.message()).isEqualTo("the file is 5.0 MiB; definition files are limited to 4 MiB");
    }

    @Test
    void loadWhenFileIsExactly4MibThenItIsReadAndDecoded() throws IOException {
        byte[] bytes = new byte[4 * 1024 * 1024];
        Arrays.fill(bytes, (byte) 'a');
        bytes[bytes.length - 1] = (byte) 0xFF; // fails fast in decoding, after the size check let it through
        Path file = write("big.yaml", bytes);

        Problem problem = onlyProblem(file);

        assertThat(problem.code()).isEqualTo(Code.YAML_ENCODING);
        assertThat(problem.location()).isEqualTo(new Location(file, 1, 4 * 1024 * 1024));
    }

    @Test
    void loadWhenFileIsMissingThenUnreadable() {
        Path file = dir.resolve("missing.yaml");

        Problem problem = onlyProblem(file);

        assertThat(problem.code()).isEqualTo(Code.YAML_UNREADABLE);
        assertThat(problem.location()).isEqualTo(Location.of(file));
        assertThat(problem.message()).isEqualTo("cannot read the file: no such file");
    }

    @Test
    void loadWhenPathIsAFolderThenUnreadable() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder.yaml"));

        Problem problem = onlyProblem(folder);

        assertThat(problem.code()).isEqualTo(Code.YAML_UNREADABLE);
        assertThat(problem.message()).isEqualTo("cannot read the file: is a directory");
    }

    @Test
    void loadWhenFileIsEmptyThenEmpty() throws IOException {
        Path file = write("empty.yaml", new byte[0]);

        Problem problem = onlyProblem(file);

        assertThat(problem.code()).isEqualTo(Code.YAML_EMPTY);
        assertThat(problem.location()).isEqualTo(new Location(file, 1, 1));
    }
}
