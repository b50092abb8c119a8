package dev.connectorruntime.http;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of one URL component or one form field (RFC 3986 §2.1, UTF-8), written for a
 * value that came from a user and must land in exactly one place.
 *
 * <p>{@link #encode} keeps only the RFC 3986 §2.3 unreserved characters ({@code A-Z a-z 0-9 - . _ ~})
 * and encodes every other UTF-8 byte as {@code %XX} with upper-case hex. It serves a path segment
 * and a query name or value alike: {@code /}, {@code ?}, {@code #}, {@code &}, {@code =}, {@code +}
 * and {@code %} are all encoded, so a value can never add a segment, a parameter or a fragment.
 *
 * <p>{@link #encodeForm} is {@code application/x-www-form-urlencoded}: the same, except that a space
 * becomes {@code +}. {@code ~} stays as is and {@code *} is encoded, unlike {@code URLEncoder}; every
 * decoder reads both forms the same way.
 *
 * <p>An unpaired surrogate cannot be written in UTF-8: it is encoded as U+FFFD
 * ({@code %EF%BF%BD}), as the WHATWG URL standard does, instead of failing the whole request.
 *
 * <p>{@link #decode} and {@link #decodeForm} undo them, for tests and request matching; they are
 * lenient: a {@code %} not followed by two hex digits stays as it is, and bytes that are not UTF-8
 * become U+FFFD.
 */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final int REPLACEMENT = 0xFFFD;

    private PercentEncoding() {
    }

    /** RFC 3986 percent-encoding for a path segment, a query name or a query value. */
    public static String encode(String s) {
        return encode(s, false);
    }

    /** {@code application/x-www-form-urlencoded}: as {@link #encode}, but a space becomes {@code +}. */
    public static String encodeForm(String s) {
        return encode(s, true);
    }

    /** Percent-decoding: {@code %XX} sequences become UTF-8 bytes; {@code +} stays {@code +}. */
    public static String decode(String s) {
        return decode(s, false);
    }

    /** Form decoding: as {@link #decode}, but {@code +} becomes a space. */
    public static String decodeForm(String s) {
        return decode(s, true);
    }

    static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static String encode(String s, boolean form) {
        int n = s.length();
        int first = 0;
        while (first < n && isUnreserved(s.charAt(first))) {
            first++;
        }
        if (first == n) {
            return s;
        }
        StringBuilder out = new StringBuilder(n + 2 * (n - first) + 16);
        out.append(s, 0, first);
        for (int i = first; i < n; i++) {
            char c = s.charAt(i);
            if (isUnreserved(c)) {
                out.append(c);
            } else if (c == ' ' && form) {
                out.append('+');
            } else if (c < 0x80) {
                appendByte(out, c);
            } else {
                int cp = c;
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    cp = Character.toCodePoint(c, s.charAt(++i));
                } else if (Character.isSurrogate(c)) {
                    cp = REPLACEMENT;
                }
                appendUtf8(out, cp);
            }
        }
        return out.toString();
    }

    private static void appendUtf8(StringBuilder out, int cp) {
        if (cp < 0x800) {
            appendByte(out, 0xC0 | (cp >> 6));
        } else if (cp < 0x10000) {
            appendByte(out, 0xE0 | (cp >> 12));
            appendByte(out, 0x80 | ((cp >> 6) & 0x3F));
        } else {
            appendByte(out, 0xF0 | (cp >> 18));
            appendByte(out, 0x80 | ((cp >> 12) & 0x3F));
            appendByte(out, 0x80 | ((cp >> 6) & 0x3F));
        }
        appendByte(out, 0x80 | (cp & 0x3F));
    }

    private static void appendByte(StringBuilder out, int b) {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }

    private static String decode(String s, boolean form) {
        if (s.indexOf('%') < 0 && (!form || s.indexOf('+') < 0)) {
            return s;
        }
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[in.length];
        int len = 0;
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            int hi;
            int lo;
            if (b == '%' && i + 2 < in.length && (hi = hex(in[i + 1])) >= 0 && (lo = hex(in[i + 2])) >= 0) {
                out[len++] = (byte) ((hi << 4) | lo);
                i += 2;
            } else if (b == '+' && form) {
                out[len++] = ' ';
            } else {
                out[len++] = b;
            }
        }
        return new String(out, 0, len, StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return -1;
    }
}
