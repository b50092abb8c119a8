package dev.connectorruntime.template;

/**
 * The reserved section names that escape their rendered body (SPEC §5.4). The body is rendered
 * with raw values (the factory's encode is the identity), escaped once, and written out as text:
 * never parsed again as a template.
 *
 * <p>SOQL string literals, per Salesforce's "Quoted String Escape Sequences": {@code \\}, {@code \'}
 * and {@code \"}; new line, carriage return, tab and form feed as {@code \n}, {@code \r},
 * {@code \t}, {@code \f}; any other control character as {@code \}{@code uXXXX} (Salesforce's
 * {@code \b} is documented both as bell and as backspace, so it is not used). In a {@code LIKE}
 * pattern {@code \%} and {@code \_} match a literal percent sign and underscore.
 */
enum Escaper {
    SOQL("soql", "it escapes quotes and backslashes for a SOQL string literal"),
    SOQL_LIKE("soql_like", "it escapes quotes, backslashes, `%` and `_` for a SOQL LIKE pattern");

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String tagName;
    private final String description;

    Escaper(String tagName, String description) {
        this.tagName = tagName;
        this.description = description;
    }

    /** The escaper a section name stands for, or {@code null}. */
    static Escaper named(String name) {
        for (Escaper e : values()) {
            if (e.tagName.equals(name)) {
                return e;
            }
        }
        return null;
    }

    String tagName() {
        return tagName;
    }

    String description() {
        return description;
    }

    String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '\'', '"' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case '%', '_' -> {
                    if (this == SOQL_LIKE) {
                        out.append('\\');
                    }
                    out.append(c);
                }
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
