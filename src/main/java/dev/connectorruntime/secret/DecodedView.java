package dev.connectorruntime.secret;

/**
 * A text with the encodings a server may echo a secret back in undone, each decoded character mapped to the span
 * of the original text it came from: percent escapes in either case of hex ({@code %2f}, {@code %2F}, UTF-8
 * sequences decoded whole), JSON string escapes ({@code \u0041}, {@code \/}, {@code \"}), and {@code +} read as a
 * space or as itself. The redactor looks for each secret in this view and masks the original span, so a secret
 * is found however a server re-encoded it, not only in the forms the runtime itself writes.
 */
final class DecodedView {

    final String text;
    /** For each character of {@link #text}: where it starts and ends in the original. */
    final int[] start;
    final int[] end;

    private DecodedView(String text, int[] start, int[] end) {
        this.text = text;
        this.start = start;
        this.end = end;
    }

    /** Whether the text holds anything this view would decode. */
    static boolean worthDecoding(String original) {
        return original.indexOf('%') >= 0 || original.indexOf('\\') >= 0 || original.indexOf('+') >= 0;
    }

    /** @param plusIsSpace read {@code +} as a space (form encoding) or as itself */
    static DecodedView of(String s, boolean plusIsSpace) {
        StringBuilder out = new StringBuilder(s.length());
        int[] start = new int[s.length()];
        int[] end = new int[s.length()];
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int consumed = 1;
            int cp = c;
            if (c == '%') {
                int[] decoded = percent(s, i);
                if (decoded != null) {
                    cp = decoded[0];
                    consumed = decoded[1];
                }
            } else if (c == '\\' && i + 1 < s.length()) {
                int[] decoded = jsonEscape(s, i);
                if (decoded != null) {
                    cp = decoded[0];
                    consumed = decoded[1];
                }
            } else if (c == '+' && plusIsSpace) {
                cp = ' ';
            }
            int before = out.length();
            out.appendCodePoint(cp);
            for (int k = before; k < out.length(); k++) {
                start[k] = i;
                end[k] = i + consumed;
            }
            i += consumed;
        }
        return new DecodedView(out.toString(), start, end);
    }

    /** A percent-encoded UTF-8 sequence at {@code i}: the code point and how many characters it took, or null. */
    private static int[] percent(String s, int i) {
        int b0 = hexByte(s, i);
        if (b0 < 0) {
            return null;
        }
        int n = b0 < 0x80 ? 1 : (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : (b0 & 0xF8) == 0xF0 ? 4 : 0;
        if (n == 0) {
            return null;
        }
        int cp = n == 1 ? b0 : n == 2 ? b0 & 0x1F : n == 3 ? b0 & 0x0F : b0 & 0x07;
        for (int k = 1; k < n; k++) {
            int b = hexByte(s, i + 3 * k);
            if (b < 0 || (b & 0xC0) != 0x80) {
                return null;
            }
            cp = cp << 6 | b & 0x3F;
        }
        return Character.isValidCodePoint(cp) ? new int[] {cp, 3 * n} : null;
    }

    private static int hexByte(String s, int i) {
        if (i + 2 >= s.length()) {
            return -1;
        }
        if (s.charAt(i) != '%') {
            return -1;
        }
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        return hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
    }

    /** A JSON string escape at {@code i} (RFC 8259 §7): the character and how many characters it took, or null. */
    private static int[] jsonEscape(String s, int i) {
        char e = s.charAt(i + 1);
        switch (e) {
            case '"', '\\', '/' -> {
                return new int[] {e, 2};
            }
            case 'b' -> {
                return new int[] {'\b', 2};
            }
            case 'f' -> {
                return new int[] {'\f', 2};
            }
            case 'n' -> {
                return new int[] {'\n', 2};
            }
            case 'r' -> {
                return new int[] {'\r', 2};
            }
            case 't' -> {
                return new int[] {'\t', 2};
            }
            case 'u' -> {
                if (i + 6 > s.length()) {
                    return null;
                }
                int v = 0;
                for (int k = i + 2; k < i + 6; k++) {
                    int d = Character.digit(s.charAt(k), 16);
                    if (d < 0) {
                        return null;
                    }
                    v = v << 4 | d;
                }
                return new int[] {v, 6};
            }
            default -> {
                return null;
            }
        }
    }
}
