package dev.connectorruntime.secret;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code <<name>>} placeholder grammar (SPEC §3): {@code <<} name {@code >>} or {@code <<} name
 * {@code :-} default {@code >>}, the name {@code [a-z][a-z0-9_]*}, the default any text without
 * {@code >>}, several per string.
 *
 * <p>A {@code <<} that is not closed by {@code >>} is plain text. When another {@code <<} opens before
 * the name ends, the nearer one starts the placeholder: {@code << <<a>>} and {@code <<<a>>} hold the
 * placeholder {@code a} after the text {@code "<< "} and {@code "<"}. A default may contain {@code <<}.
 */
public final class Placeholders {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final String OPEN = "<<";
    private static final String CLOSE = ">>";
    private static final String DEFAULT = ":-";

    private Placeholders() {
    }

    /** A piece of a parsed string: literal text or a placeholder. */
    public sealed interface Part permits Part.Literal, Part.Placeholder {

        /** Text as written in the definition. */
        record Literal(String text) implements Part {
            public Literal {
                Objects.requireNonNull(text, "text");
            }
        }

        /**
         * A placeholder to resolve.
         *
         * @param name         the placeholder's name, e.g. {@code salesforce_password}
         * @param defaultValue the default written after {@code :-} (possibly empty), or {@code null}
         */
        record Placeholder(String name, String defaultValue) implements Part {
            public Placeholder {
                Objects.requireNonNull(name, "name");
            }
        }
    }

    /**
     * Whether the text has a {@code <<} followed by a {@code >>} at all, valid placeholder or not: for
     * refusing placeholders where they are not allowed.
     */
    public static boolean contains(String text) {
        if (text == null) {
            return false;
        }
        int open = text.indexOf(OPEN);
        return open >= 0 && text.indexOf(CLOSE, open + OPEN.length()) >= 0;
    }

    /**
     * Splits a string into literal text and placeholders, adjacent text merged into one
     * {@link Part.Literal}; the empty string gives an empty list. A {@code <<...>>} that does not fit the
     * grammar adds a {@code secret-bad-placeholder} problem at {@code where} and stays literal text.
     */
    public static List<Part> parse(String text, Location where, List<Problem> problems) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int from = 0;
        while (true) {
            int open = text.indexOf(OPEN, from);
            int close = open < 0 ? -1 : text.indexOf(CLOSE, open + OPEN.length());
            if (close < 0) {
                break;
            }
            open = nearestOpening(text, open, close);
            literal.append(text, from, open);
            String body = text.substring(open + OPEN.length(), close);
            Part.Placeholder placeholder = placeholder(body);
            if (placeholder == null) {
                problems.add(badPlaceholder(body, where));
                literal.append(text, open, close + CLOSE.length());
            } else {
                flush(literal, parts);
                parts.add(placeholder);
            }
            from = close + CLOSE.length();
        }
        literal.append(text, from, text.length());
        flush(literal, parts);
        return List.copyOf(parts);
    }

    /** The environment variable (and secrets-file key) for a name: {@code salesforce_password} → {@code SALESFORCE_PASSWORD}. */
    public static String envName(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    private static int nearestOpening(String text, int open, int close) {
        int nameEnd = text.indexOf(DEFAULT, open + OPEN.length());
        if (nameEnd < 0 || nameEnd > close) {
            nameEnd = close;
        }
        int inner = text.lastIndexOf(OPEN, nameEnd - OPEN.length());
        if (inner > open) {
            open = inner;
        }
        while (open + OPEN.length() < close && text.charAt(open + OPEN.length()) == '<') {
            open++;
        }
        return open;
    }

    private static Part.Placeholder placeholder(String body) {
        int sep = body.indexOf(DEFAULT);
        String name = sep < 0 ? body : body.substring(0, sep);
        if (!NAME.matcher(name).matches()) {
            return null;
        }
        return new Part.Placeholder(name, sep < 0 ? null : body.substring(sep + DEFAULT.length()));
    }

    private static Problem badPlaceholder(String body, Location where) {
        int sep = body.indexOf(DEFAULT);
        String suggestion = sep < 0 ? normalise(body) : normalise(body.substring(0, sep)) + body.substring(sep);
        return Problem.error(Code.SECRET_BAD_PLACEHOLDER, where,
                "`" + OPEN + body + CLOSE + "` is not a valid placeholder",
                "names are lower-case letters, digits and `_`, starting with a letter: `"
                        + OPEN + suggestion + CLOSE + "`");
    }

    /** {@code Bad Name} → {@code bad_name}; {@code 2fa} → {@code secret_2fa}; nothing usable → {@code name}. */
    static String normalise(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        if (s.isEmpty()) {
            return "name";
        }
        return Character.isLetter(s.charAt(0)) ? s : "secret_" + s;
    }

    private static void flush(StringBuilder literal, List<Part> parts) {
        if (literal.length() > 0) {
            parts.add(new Part.Literal(literal.toString()));
            literal.setLength(0);
        }
    }
}
