package dev.connectorruntime.cli;

import static dev.connectorruntime.cli.RunSandboxTest.REPO;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --inputs FILE|-} (SPEC §7): at most 4 MiB read, strict UTF-8, JSON when it starts with {@code {},
 * YAML otherwise; every problem is a usage error (exit 2) that speaks of inputs. And {@code -i} values that could
 * not be decoded.
 */
class InputsFileCliTest {

    static final int CAP = 4 * 1024 * 1024;

    @TempDir
    Path dir;

    Cli.Result run(String inputs) {
        return Cli.run(REPO, Map.of(), "run", "list-contacts", "--sandbox", "--inputs", inputs);
    }

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aFileOfTenMegabytesIsExit2InputsTooLargeAtOnce() throws IOException {
        Path big = dir.resolve("big.json");
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write("{\"limit\": 2, \"padding\": \"".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 10; i++) {
                out.write(chunk);
            }
            out.write("\"}".getBytes(StandardCharsets.US_ASCII));
        }

        Cli.Result r = Cli.run(REPO, Map.of(), "run", "list-contacts", "--sandbox", "--inputs", big.toString(),
                "--json-errors");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("{\"exit_code\":2,\"kind\":\"usage\",\"code\":\"inputs-too-large\","
                + "\"status\":null,\"api_error\":null,\"message\":\"--inputs: " + big + " is larger than 4 MiB\","
                + "\"hint\":\"inputs are the values of one call: pass bulk data to the API some other way\"}\n");
    }

    @Test
    void stdinLargerThanTheCapIsReadOnlyUpToIt() {
        CountingZeros zeros = new CountingZeros();

        Cli.Result r = Cli.withStdin(zeros, REPO, Map.of(), "run", "list-contacts", "--sandbox", "--inputs", "-");

        assertThat(r).isEqualTo(new Cli.Result(2, "", """
                error: --inputs: stdin is larger than 4 MiB
                  hint: inputs are the values of one call: pass bulk data to the API some other way
                """));
        assertThat(zeros.read).isEqualTo(CAP + 1);
    }

    @Test
    void stdinUpToTheCapIsRead() {
        byte[] json = ("{\"limit\": 1}" + " ".repeat(CAP - 12)).getBytes(StandardCharsets.US_ASCII);

        Cli.Result r = Cli.withStdin(new ByteArrayInputStream(json), REPO, Map.of(),
                "run", "list-contacts", "--sandbox", "--inputs", "-");

        assertThat(r).isEqualTo(new Cli.Result(0, "[\"Ada Lovelace\",\"Alan Turing\"]\n", ""));
    }

    @Test
    void textThatStartsWithABraceIsJsonAndItsErrorsNameLineAndColumn() throws IOException {
        file("trailing-comma.json", "\uFEFF \n{\"limit\": 2,\n}\n");
        file("two-values.json", "{\"limit\": 2} {}");

        assertThat(run(dir.resolve("trailing-comma.json").toString())).isEqualTo(new Cli.Result(2, "", """
                error: --inputs: %s:3:1: unexpected character ('}' (code 125)): was expecting double-quote to \
                start field name
                  hint: a JSON object of input values, such as {"limit": 5}
                """.formatted(dir.resolve("trailing-comma.json"))));
        assertThat(run(dir.resolve("two-values.json").toString())).isEqualTo(new Cli.Result(2, "", """
                error: --inputs: %s: more than one JSON value (trailing content at 1:15)
                  hint: a JSON object of input values, such as {"limit": 5}
                """.formatted(dir.resolve("two-values.json"))));
    }

    @Test
    void jsonAndYamlObjectsAreBothInputs() throws IOException {
        file("inputs.json", "{\"limit\": 1}");
        file("inputs.yaml", "limit: 1\n");

        assertThat(run(dir.resolve("inputs.json").toString()).exitCode()).isZero();
        assertThat(run(dir.resolve("inputs.yaml").toString()).exitCode()).isZero();
    }

    @Test
    void yamlProblemsSpeakOfInputsNotDefinitions() throws IOException {
        file("anchor.yaml", "limit: &n 2\n");
        file("empty.yaml", "# nothing\n");
        file("syntax.yaml", "limit: [1\n");
        file("list.yaml", "- 1\n");

        assertThat(run(dir.resolve("anchor.yaml").toString()).err()).isEqualTo("""
                error: --inputs: %s:1:8: anchors are not allowed in inputs
                  hint: write the value out in full
                """.formatted(dir.resolve("anchor.yaml")));
        assertThat(run(dir.resolve("empty.yaml").toString()).err()).isEqualTo("""
                error: --inputs: %s is empty
                  hint: write an object of input values, such as `limit: 5` or {"limit": 5}
                """.formatted(dir.resolve("empty.yaml")));
        assertThat(run(dir.resolve("syntax.yaml").toString()).err()).isEqualTo("""
                error: --inputs: %s:2:1: expected ',' or ']', but got <stream end>
                  hint: see the flow sequence that starts at line 1, column 8
                """.formatted(dir.resolve("syntax.yaml")));
        assertThat(run(dir.resolve("list.yaml").toString()).err()).isEqualTo("""
                error: --inputs: %s must hold an object of input values
                """.formatted(dir.resolve("list.yaml")));
    }

    @Test
    void aFileThatIsNotUtf8IsExit2NamingTheByte() throws IOException {
        Files.write(dir.resolve("latin1.yaml"), "name: Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        Cli.Result r = run(dir.resolve("latin1.yaml").toString());

        assertThat(r).isEqualTo(new Cli.Result(2, "", """
                error: --inputs: %s is not UTF-8 (byte 10)
                  hint: save it as UTF-8
                """.formatted(dir.resolve("latin1.yaml"))));
    }

    @Test
    void anInputValueThatCouldNotBeDecodedIsExit2() {
        Cli.Result r = Cli.run(REPO, Map.of(), "run", "list-contacts", "--sandbox", "-i", "limit=2\uFFFD");

        assertThat(r).isEqualTo(new Cli.Result(2, "", """
                error: -i limit: the value is not valid text: it holds U+FFFD, which stands for bytes that could \
                not be decoded
                  hint: pass it in UTF-8 from a UTF-8 locale (LANG=C.UTF-8), or in an --inputs file
                """));
    }

    /** Like {@code /dev/zero}, but ending after 64 MiB (so that a reader that reads it all still ends): counts. */
    static final class CountingZeros extends InputStream {
        static final long SIZE = 64L * 1024 * 1024;
        long read;

        @Override
        public int read() {
            return read < SIZE ? (int) (0 * read++) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= SIZE) {
                return -1;
            }
            int n = (int) Math.min(len, SIZE - read);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            read += n;
            return n;
        }
    }
}
