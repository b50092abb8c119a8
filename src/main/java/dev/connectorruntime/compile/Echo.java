package dev.connectorruntime.compile;

/**
 * A value given on the command line as an error message shows it back: whole up to 100 characters, else its
 * first 100 and its length, so that {@code -i limit=<5,000 characters>} does not fill the terminal.
 */
final class Echo {

    private static final int MAX = 100;

    private Echo() {
    }

    /** {@code `value`}, or {@code `its first 100 characters…` (5000 characters)}. */
    static String quoted(String value) {
        int length = value.codePointCount(0, value.length());
        return length <= MAX ? "`" + value + "`" : "`" + start(value) + "…` (" + length + " characters)";
    }

    /** The value, or {@code its first 100 characters… (5000 characters)}: for numbers, shown without quotes. */
    static String plain(String value) {
        int length = value.codePointCount(0, value.length());
        return length <= MAX ? value : start(value) + "… (" + length + " characters)";
    }

    private static String start(String value) {
        return value.substring(0, value.offsetByCodePoints(0, MAX));
    }
}
