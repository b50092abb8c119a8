package dev.connectorruntime.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsFileTest {

    private static final Path FILE = Path.of(".env");
    private static final String PEM = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\nkqhkiG9w0BAQEF\n"
            + "-----END PRIVATE KEY-----";

    private static Map<String, String> values(String content) {
        return SecretsFile.parse(FILE, content).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().value().reveal()));
    }

    private static Problem problemOf(String content) {
        Failure failure = catchThrowableOfType(Failure.class, () -> SecretsFile.parse(FILE, content));
        assertThat(failure.kind()).isEqualTo(Kind.INVALID);
        assertThat(failure).hasMessage("1 error in the definitions");
        assertThat(failure.problems()).hasSize(1);
        return failure.problems().get(0);
    }

    @Test
    void parseWhenKeyValueLinesThenEachKeyHasItsValueAndLine() {
        Map<String, SecretsFile.Entry> entries = SecretsFile.parse(FILE,
                "# Salesforce\n\nSALESFORCE_USERNAME=ada@example.com\nexport SALESFORCE_PASSWORD=p4ss\n");

        assertThat(entries).containsOnlyKeys("SALESFORCE_USERNAME", "SALESFORCE_PASSWORD");
        assertThat(entries.get("SALESFORCE_USERNAME").value().reveal()).isEqualTo("ada@example.com");
        assertThat(entries.get("SALESFORCE_USERNAME").line()).isEqualTo(3);
        assertThat(entries.get("SALESFORCE_PASSWORD").value().reveal()).isEqualTo("p4ss");
        assertThat(entries.get("SALESFORCE_PASSWORD").line()).isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "KEY=value                      | value",
        "`  KEY  =  value  \t`          | value",
        "export   KEY=value             | value",
        "`\texport KEY=value`           | value",
        "KEY=value # a comment          | value",
        "KEY=value\t# a comment         | value",
        "KEY=val#ue                     | val#ue",
        "KEY=#value                     | #value",
        "KEY= # only a comment          | ``",
        "KEY=                           | ``",
        "KEY=$HOME/${USER}              | $HOME/${USER}",
        "KEY=a 'quoted' \"word\"        | a 'quoted' \"word\"",
        "KEY=a=b=c                      | a=b=c",
        "KEY='single # kept \\n $X'     | single # kept \\n $X",
        "KEY=''                         | ``",
        "KEY=\"\"                       | ``",
        "KEY=\"a\\tb\\\\c\\\"d\\qe\"    | a\tb\\c\"d\\qe",
        "KEY=\"x\" # comment            | x",
        "KEY='x'#comment                | x",
        "KEY=\"$X and ${Y}\"            | $X and ${Y}",
        "_key_2=v                       | v",
        "export=v                       | v",
    })
    void parseWhenLineThenValue(String line, String expected) {
        String key = line.contains("_key_2") ? "_key_2" : line.contains("export=") ? "export" : "KEY";
        assertThat(values(line)).containsExactly(Map.entry(key, expected));
    }

    @Test
    void parseWhenDoubleQuotedEscapesThenDecoded() {
        assertThat(values("KEY=\"line1\\nline2\\r\\n\\ttab\"")).containsEntry("KEY", "line1\nline2\r\n\ttab");
    }

    @Test
    void parseWhenDoubleQuotedValueSpansLinesThenKeepsThem() {
        String content = "A=1\nPRIVATE_KEY=\"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\nkqhkiG9w0BAQEF\n"
                + "-----END PRIVATE KEY-----\"\nB=2\n";

        Map<String, SecretsFile.Entry> entries = SecretsFile.parse(FILE, content);

        assertThat(entries.get("PRIVATE_KEY").value().reveal()).isEqualTo(PEM);
        assertThat(entries.get("PRIVATE_KEY").line()).isEqualTo(2);
        assertThat(entries.get("B").line()).isEqualTo(6);
    }

    @Test
    void parseWhenSingleQuotedValueSpansLinesThenLiteral() {
        assertThat(values("KEY='a\\n\nb'\n")).containsEntry("KEY", "a\\n\nb");
    }

    @Test
    void parseWhenWindowsLineEndingsAndByteOrderMarkThenIgnored() {
        assertThat(values("\uFEFFA=1\r\nB=\"x\r\ny\"\r\n")).containsEntry("A", "1").containsEntry("B", "x\ny");
    }

    @Test
    void parseWhenKeyRepeatsThenTheLaterWins() {
        Map<String, SecretsFile.Entry> entries = SecretsFile.parse(FILE, "A=first\nB=b\nA=second\n");

        assertThat(entries.get("A").value().reveal()).isEqualTo("second");
        assertThat(entries.get("A").line()).isEqualTo(3);
        assertThat(entries.keySet()).containsExactly("A", "B");
    }

    @Test
    void entryToStringWhenPrintedThenValueMasked() {
        assertThat(SecretsFile.parse(FILE, "A=hunter2-secret").get("A"))
                .hasToString("Entry[value=****, line=1]");
    }

    @Test
    void parseWhenLineHasNoEqualsThenExpectedKeyValue() {
        assertThat(problemOf("A=1\n  hunter2-secret\n")).isEqualTo(Problem.error(Code.SECRETS_FILE_SYNTAX,
                new Location(FILE, 2, 3), "expected KEY=value",
                "write one `KEY=value` per line; a line starting with `#` is a comment"));
    }

    @Test
    void parseWhenKeyIsMissingThenExpectedKeyValue() {
        assertThat(problemOf("=hunter2-secret").message()).isEqualTo("expected KEY=value");
        assertThat(problemOf("export KEY").location()).isEqualTo(new Location(FILE, 1, 8));
    }

    @Test
    void parseWhenKeyIsInvalidThenInvalidKey() {
        assertThat(problemOf("\n1KEY=hunter2-secret")).isEqualTo(Problem.error(Code.SECRETS_FILE_SYNTAX,
                new Location(FILE, 2, 1), "invalid key",
                "a key is letters, digits and `_`, not starting with a digit: `SALESFORCE_PASSWORD=...`"));
        assertThat(problemOf("MY KEY=x").message()).isEqualTo("invalid key");
    }

    @Test
    void parseWhenDoubleQuoteNeverClosesThenUnterminatedAtTheOpeningQuote() {
        assertThat(problemOf("A=1\nB=2\n\nPRIVATE_KEY=\"-----BEGIN\nMIIEvQ\n")).isEqualTo(
                Problem.error(Code.SECRETS_FILE_SYNTAX, new Location(FILE, 4, 13),
                        "unterminated double-quoted value (opened at line 4)", "close the value with `\"`"));
    }

    @Test
    void parseWhenSingleQuoteNeverClosesThenUnterminated() {
        assertThat(problemOf("KEY='hunter2-secret").message())
                .isEqualTo("unterminated single-quoted value (opened at line 1)");
    }

    @Test
    void parseWhenTextFollowsTheClosingQuoteThenRefused() {
        assertThat(problemOf("KEY=\"hunter2\"-secret")).isEqualTo(Problem.error(Code.SECRETS_FILE_SYNTAX,
                new Location(FILE, 1, 14), "unexpected text after the closing quote",
                "quote the whole value; a comment after a value starts with ` #`"));
    }

    @Test
    void parseWhenAnyBadLineThenNoMessageOrHintShowsTheFilesText() {
        for (String content : new String[] {
            "hunter2-secret", "hunter2-secret=x", "K=\"hunter2-secret", "K='a'hunter2-secret", "=hunter2-secret"}) {
            Failure failure = catchThrowableOfType(Failure.class, () -> SecretsFile.parse(FILE, content));
            Problem problem = failure.problems().get(0);
            assertThat(failure.getMessage() + problem.message() + problem.hint() + problem)
                    .doesNotContain("hunter2");
        }
    }

    @Test
    void parseWhenFileReadableThenParsesIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(".env");
        Files.writeString(file, "TOKEN=\"ü-" + "x\"\n");

        assertThat(SecretsFile.parse(file).get("TOKEN").value().reveal()).isEqualTo("ü-x");
    }

    @Test
    void parseWhenFileIsMissingThenUsageFailure(@TempDir Path dir) {
        Path file = dir.resolve("missing.env");

        assertThatThrownBy(() -> SecretsFile.parse(file))
                .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.kind()).isEqualTo(Kind.USAGE))
                .hasMessage("cannot read secrets file " + file + ": no such file");
    }

    @Test
    void parseWhenPathIsADirectoryThenUsageFailure(@TempDir Path dir) {
        assertThatThrownBy(() -> SecretsFile.parse(dir))
                .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.kind()).isEqualTo(Kind.USAGE))
                .hasMessage("cannot read secrets file " + dir + ": it is a directory");
    }

    @Test
    void parseWhenFileIsNotUtf8ThenUsageFailureWithoutItsContent(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(".env");
        Files.write(file, "KEY=hunter2\u00e9".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> SecretsFile.parse(file))
                .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.kind()).isEqualTo(Kind.USAGE))
                .hasMessage("cannot read secrets file " + file + ": not UTF-8 text");
    }
}
