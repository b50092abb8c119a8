package dev.connectorruntime.cli;

import dev.connectorruntime.run.Plan;
import java.util.regex.Pattern;

/**
 * Values as POSIX shell words: text in single quotes ({@code '} as {@code '\''}), variables in double quotes
 * ({@code "Bearer $TOKEN"}, {@code "${SALESFORCE_PASSWORD}"}), text with control characters in ANSI-C quotes
 * ({@code $'a\x01b'}), so that what the shell passes on is exactly the value and nothing on the line can rewrite a
 * terminal. Inside double quotes only text without {@code $ ` " \ !} stands as is ({@code !} would trigger an
 * interactive shell's history expansion).
 */
final class Shell {

    /** A default that may stand inside {@code ${NAME-default}} as it is. */
    private static final Pattern PLAIN_FALLBACK = Pattern.compile("[A-Za-z0-9._:/@%+,= -]*");

    private Shell() {
    }

    /** One word for the value. */
    static String word(Plan.Value value) {
        if (value.isText()) {
            StringBuilder all = new StringBuilder();
            value.parts().forEach(p -> all.append(((Plan.Text) p).text()));
            return quote(all.toString());
        }
        StringBuilder out = new StringBuilder();
        boolean open = false;
        for (int i = 0; i < value.parts().size(); i++) {
            Plan.Part part = value.parts().get(i);
            if (part instanceof Plan.Variable v) {
                if (!open) {
                    out.append('"');
                    open = true;
                }
                boolean glued = i + 1 < value.parts().size() && value.parts().get(i + 1) instanceof Plan.Text t
                        && !t.text().isEmpty() && isNameChar(t.text().charAt(0));
                out.append(reference(v, glued));
                continue;
            }
            String text = ((Plan.Text) part).text();
            if (text.isEmpty()) {
                continue;
            }
            if (plainInDoubleQuotes(text)) {
                if (!open) {
                    out.append('"');
                    open = true;
                }
                out.append(text);
            } else {
                if (open) {
                    out.append('"');
                    open = false;
                }
                out.append(quote(text));
            }
        }
        if (open) {
            out.append('"');
        }
        return out.toString();
    }

    /** Whether the default can stand inline; otherwise the plan sets the variable first ({@link #fallback}). */
    static boolean inlineFallback(Plan.Variable v) {
        return v.fallback() == null || PLAIN_FALLBACK.matcher(v.fallback()).matches();
    }

    /** {@code [ -n "${NAME+set}" ] || NAME='default'}: the default, however it is written, when the variable is unset. */
    static String fallback(Plan.Variable v) {
        return "[ -n \"${" + v.name() + "+set}\" ] || " + v.name() + "=" + quote(v.fallback());
    }

    private static String reference(Plan.Variable v, boolean glued) {
        if (v.fallback() != null && inlineFallback(v)) {
            // SPEC §3: a variable set to the empty string is a value, so ${NAME-default}, not ${NAME:-default}
            return "${" + v.name() + "-" + v.fallback() + "}";
        }
        return v.secret() || glued ? "${" + v.name() + "}" : "$" + v.name();
    }

    /** Single quotes, or ANSI-C quotes when the text holds control characters. */
    static String quote(String s) {
        boolean control = s.chars().anyMatch(Shell::isControl);
        if (!control) {
            return "'" + s.replace("'", "'\\''") + "'";
        }
        StringBuilder out = new StringBuilder("$'");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x80 && isControl(c)) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else if (isControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('\'').toString();
    }

    private static boolean plainInDoubleQuotes(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '$' || c == '`' || c == '"' || c == '\\' || c == '!' || isControl(c) || c == '\n' || c == '\t') {
                return false;
            }
        }
        return true;
    }

    /** What Terminal.clean would escape: C0 (newline and tab aside), DEL, C1, the Unicode line separators. */
    private static boolean isControl(int c) {
        return c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c >= 0x80 && c < 0xa0 || c == 0x2028 || c == 0x2029;
    }

    private static boolean isNameChar(char c) {
        return c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
