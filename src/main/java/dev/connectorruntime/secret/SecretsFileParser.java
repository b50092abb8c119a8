package dev.connectorruntime.secret;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** One pass over the lines of a secrets file; the grammar is documented on {@link SecretsFile}. */
final class SecretsFileParser {

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String EXPORT = "export";

    private final Path file;
    private final String[] lines;
    private final Map<String, SecretsFile.Entry> entries = new LinkedHashMap<>();
    private int index;

    SecretsFileParser(Path file, String content) {
        this.file = file;
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        this.lines = text.split("\r?\n", -1);
    }

    Map<String, SecretsFile.Entry> parse() {
        for (index = 0; index < lines.length; index++) {
            parseLine();
        }
        return Collections.unmodifiableMap(entries);
    }

    private void parseLine() {
        String line = lines[index];
        int lineNumber = index + 1;
        int c = skipBlanks(line, 0);
        if (c == line.length() || line.charAt(c) == '#') {
            return;
        }
        if (line.startsWith(EXPORT, c) && c + EXPORT.length() < line.length()
                && isBlank(line.charAt(c + EXPORT.length()))) {
            c = skipBlanks(line, c + EXPORT.length());
        }
        int eq = line.indexOf('=', c);
        if (eq < 0 || line.substring(c, eq).isBlank()) {
            throw failure(lineNumber, c, "expected KEY=value",
                    "write one `KEY=value` per line; a line starting with `#` is a comment");
        }
        String key = line.substring(c, eq).strip();
        if (!KEY.matcher(key).matches()) {
            throw failure(lineNumber, c, "invalid key",
                    "a key is letters, digits and `_`, not starting with a digit: `SALESFORCE_PASSWORD=...`");
        }
        int v = skipBlanks(line, eq + 1);
        String value;
        if (v < line.length() && (line.charAt(v) == '"' || line.charAt(v) == '\'')) {
            value = quoted(v);
        } else {
            value = unquoted(line, eq + 1);
        }
        entries.put(key, new SecretsFile.Entry(Secret.of(value), lineNumber));
    }

    private static String unquoted(String line, int start) {
        int end = line.length();
        for (int i = start; i < line.length(); i++) {
            if (line.charAt(i) == '#' && i > start && isBlank(line.charAt(i - 1))) {
                end = i;
                break;
            }
        }
        return line.substring(start, end).strip();
    }

    /** Reads a quoted value opening at column {@code open} of the current line, advancing over its lines. */
    private String quoted(int open) {
        int openLine = index + 1;
        char quote = lines[index].charAt(open);
        StringBuilder value = new StringBuilder();
        int i = open + 1;
        while (true) {
            String line = lines[index];
            if (i >= line.length()) {
                if (index + 1 == lines.length) {
                    String kind = quote == '"' ? "double" : "single";
                    throw failure(openLine, open,
                            "unterminated " + kind + "-quoted value (opened at line " + openLine + ")",
                            "close the value with `" + quote + "`");
                }
                value.append('\n');
                index++;
                i = 0;
                continue;
            }
            char ch = line.charAt(i);
            if (ch == quote) {
                checkRest(line, i + 1);
                return value.toString();
            }
            if (ch == '\\' && quote == '"' && i + 1 < line.length()) {
                char next = line.charAt(i + 1);
                String escaped = escape(next);
                value.append(escaped == null ? "\\" + next : escaped);
                i += 2;
            } else {
                value.append(ch);
                i++;
            }
        }
    }

    private static String escape(char c) {
        return switch (c) {
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case '"' -> "\"";
            case '\\' -> "\\";
            default -> null;
        };
    }

    private void checkRest(String line, int from) {
        int c = skipBlanks(line, from);
        if (c < line.length() && line.charAt(c) != '#') {
            throw failure(index + 1, c, "unexpected text after the closing quote",
                    "quote the whole value; a comment after a value starts with ` #`");
        }
    }

    private Failure failure(int line, int column0, String message, String hint) {
        Location where = new Location(file, line, column0 + 1);
        return Failure.invalid(List.of(Problem.error(Code.SECRETS_FILE_SYNTAX, where, message, hint)),
                Code.SECRETS_FILE_SYNTAX);
    }

    private static int skipBlanks(String line, int from) {
        int i = from;
        while (i < line.length() && isBlank(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
