package dev.connectorruntime.model;

/** A whole number followed by a unit, as durations and sizes are written: {@code 30s}, {@code 50MB}. */
record Quantities(long number, String unit) {

    /** The number and the text after it; {@code null} unless the text starts with 1 to {@code digits} digits. */
    static Quantities split(String text, int digits) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        return i == 0 || i > digits ? null : new Quantities(Long.parseLong(text.substring(0, i)), text.substring(i));
    }
}
