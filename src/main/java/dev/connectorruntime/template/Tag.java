package dev.connectorruntime.template;

/**
 * One {@code {{…}}} tag as written, found by {@link TagScanner}.
 *
 * @param kind  what the tag's first character makes it
 * @param name  the name after the sigil, trimmed (for {@code {{ x }}}: {@code x})
 * @param start offset of the opening <code>{{</code> in the source
 * @param text  the tag exactly as written, braces included
 */
record Tag(Kind kind, String name, int start, String text) {

    int end() {
        return start + text.length();
    }

    enum Kind {
        VARIABLE, SECTION, INVERTED, CLOSE, UNESCAPED, PARTIAL, INHERITANCE, DELIMITER, PRAGMA, COMMENT;

        /** The kind Mustache.java's parser gives a tag whose content starts with {@code c}. */
        static Kind of(char c) {
            return switch (c) {
                case '#' -> SECTION;
                case '^' -> INVERTED;
                case '/' -> CLOSE;
                case '{', '&' -> UNESCAPED;
                case '>' -> PARTIAL;
                case '<', '$' -> INHERITANCE;
                case '=' -> DELIMITER;
                case '%' -> PRAGMA;
                case '!' -> COMMENT;
                default -> VARIABLE;
            };
        }
    }
}
