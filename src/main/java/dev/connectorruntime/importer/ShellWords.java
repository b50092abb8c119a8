package dev.connectorruntime.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of the first command of a POSIX shell line, as the shell would pass them to the program (XCU §2.2 to
 * §2.6, the parts a pasted curl line uses): blanks separate words; {@code \}-newline continues the line; a backslash
 * quotes the next character; single quotes keep everything; double quotes keep everything but {@code $},
 * {@code `} and the backslash before {@code $ ` " \} and newline; {@code $'…'} reads C escapes (bash, zsh and
 * POSIX 2024); a {@code #} starting a word starts a comment; {@code ;}, {@code &}, {@code |} and an unescaped
 * newline end the command.
 *
 * <p>A variable ({@code $NAME}, {@code ${NAME}}, {@code ${NAME-default}}, {@code ${NAME:-default}}) is not
 * expanded: it becomes the placeholder {@code <<name>>} (or {@code <<name:-default>>}), so that a dry run's curl,
 * whose secrets are shell variables, reads back with its placeholders (SPEC §7, §12).
 */
final class ShellWords {

    private final String s;
    private int i;

    private ShellWords(String s) {
        this.s = s;
    }

    /** The words; a quote left open is an error, {@link IllegalArgumentException} with the reason. */
    static List<String> split(String line) {
        return new ShellWords(line).words();
    }

    private List<String> words() {
        List<String> words = new ArrayList<>();
        StringBuilder w = null;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                i += 2;
            } else if (c == '\\' && i + 2 < s.length() && s.charAt(i + 1) == '\r' && s.charAt(i + 2) == '\n') {
                i += 3;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                w = flush(w, words);
                i++;
            } else if (c == '\n' || c == ';' || c == '&' || c == '|') {
                w = flush(w, words);
                if (!words.isEmpty()) {
                    break;
                }
                i++;
            } else if (c == '#' && w == null) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else {
                w = w == null ? new StringBuilder() : w;
                if (c == '\\') {
                    if (i + 1 < s.length()) {
                        w.append(s.charAt(i + 1));
                    }
                    i += 2;
                } else if (c == '\'') {
                    int end = s.indexOf('\'', i + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("a single quote is not closed");
                    }
                    w.append(s, i + 1, end);
                    i = end + 1;
                } else if (c == '"') {
                    i++;
                    doubleQuoted(w);
                } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                    i += 2;
                    AnsiC.read(this, w);
                } else if (c == '$') {
                    variable(w);
                } else {
                    w.append(c);
                    i++;
                }
            }
        }
        flush(w, words);
        return words;
    }

    private void doubleQuoted(StringBuilder w) {
        while (true) {
            if (i >= s.length()) {
                throw new IllegalArgumentException("a double quote is not closed");
            }
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                return;
            }
            if (c == '\\' && i + 1 < s.length() && "$`\"\\\n".indexOf(s.charAt(i + 1)) >= 0) {
                if (s.charAt(i + 1) != '\n') {
                    w.append(s.charAt(i + 1));
                }
                i += 2;
            } else if (c == '$') {
                variable(w);
            } else {
                w.append(c);
                i++;
            }
        }
    }

    /** {@code $NAME}, {@code ${NAME}}, {@code ${NAME-d}}, {@code ${NAME:-d}}; a lone {@code $} is itself. */
    private void variable(StringBuilder w) {
        int start = i + 1;
        if (start < s.length() && s.charAt(start) == '{') {
            int close = s.indexOf('}', start);
            String body = close < 0 ? "" : s.substring(start + 1, close);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?::?-(.*))?")
                    .matcher(body);
            if (m.matches()) {
                w.append(placeholder(m.group(1), m.group(2)));
                i = close + 1;
                return;
            }
        } else {
            int end = start;
            while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')
                    && s.charAt(end) < 128) {
                end++;
            }
            if (end > start && !Character.isDigit(s.charAt(start))) {
                w.append(placeholder(s.substring(start, end), null));
                i = end;
                return;
            }
        }
        w.append('$');
        i++;
    }

    private static String placeholder(String name, String fallback) {
        return "<<" + ImportNames.input(name) + (fallback == null ? "" : ":-" + fallback) + ">>";
    }

    private static StringBuilder flush(StringBuilder w, List<String> words) {
        if (w != null) {
            words.add(w.toString());
        }
        return null;
    }

    String text() {
        return s;
    }

    int at() {
        return i;
    }

    void at(int to) {
        i = to;
    }
}
