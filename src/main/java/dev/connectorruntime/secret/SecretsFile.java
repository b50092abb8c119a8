package dev.connectorruntime.secret;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The secrets file, {@code .env} by default (SPEC §3): UTF-8 text, one {@code KEY=value} per line.
 *
 * <ul>
 *   <li>an optional leading {@code export }; blank lines; {@code #} full-line comments;</li>
 *   <li>keys {@code [A-Za-z_][A-Za-z0-9_]*}, whitespace around the key ignored; a later key wins;</li>
 *   <li>an unquoted value is trimmed and ends at a {@code #} that follows a space or tab (a comment);</li>
 *   <li>a single-quoted value is literal; a double-quoted value knows the escapes {@code \n}, {@code \r},
 *       {@code \t}, {@code \"} and {@code \\} (any other backslash stays as written); both may span
 *       several lines (PEM keys), and only whitespace or a {@code #} comment may follow the closing
 *       quote;</li>
 *   <li>no variable expansion: {@code $X} stays as written.</li>
 * </ul>
 *
 * <p>A bad line ends parsing with an {@link Kind#INVALID} failure holding one {@code secrets-file-syntax} problem
 * at file:line:col. Its message never quotes the file's text, which could be a secret; for the same
 * reason a renderer must not show the source line of a secrets-file problem.
 */
public final class SecretsFile {

    private SecretsFile() {
    }

    /**
     * One value of the file.
     *
     * @param value the value
     * @param line  the 1-based line where its key stands
     */
    public record Entry(Secret value, int line) {
        public Entry {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Reads and parses a secrets file.
     *
     * @return the entries by key, in the order the keys first appear
     * @throws Failure {@link Kind#USAGE} when the file cannot be read, {@link Kind#INVALID} on a bad line
     */
    public static Map<String, Entry> parse(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Failure.of(Kind.USAGE, "cannot read secrets file " + file + ": " + reason(file, e))
                    .code(Code.SECRETS_FILE)
                    .cause(e)
                    .build();
        }
        return parse(file, content);
    }

    /**
     * Parses the content of a secrets file; {@code file} only names it in problems.
     *
     * @throws Failure {@link Kind#INVALID} on a bad line
     */
    public static Map<String, Entry> parse(Path file, String content) {
        return new SecretsFileParser(file, content).parse();
    }

    private static String reason(Path file, IOException e) {
        if (Files.isDirectory(file)) {
            return "it is a directory";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
