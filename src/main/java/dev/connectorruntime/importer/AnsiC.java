package dev.connectorruntime.importer;

/** The {@code $'…'} quoting of bash and POSIX 2024: backslash escapes as in C, the rest literal. */
final class AnsiC {

    private AnsiC() {
    }

    /** Reads from just after {@code $'} to the closing quote, appending the value. */
    static void read(ShellWords in, StringBuilder w) {
        String s = in.text();
        int i = in.at();
        while (true) {
            if (i >= s.length()) {
                throw new IllegalArgumentException("a $' quote is not closed");
            }
            char c = s.charAt(i);
            if (c == '\'') {
                in.at(i + 1);
                return;
            }
            if (c != '\\' || i + 1 >= s.length()) {
                w.append(c);
                i++;
                continue;
            }
            char e = s.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'n' -> w.append('\n');
                case 't' -> w.append('\t');
                case 'r' -> w.append('\r');
                case 'a' -> w.append('\u0007');
                case 'b' -> w.append('\b');
                case 'e', 'E' -> w.append('\u001b');
                case 'f' -> w.append('\f');
                case 'v' -> w.append('\u000b');
                case 'x' -> i = hex(s, i, 2, w);
                case 'u' -> i = hex(s, i, 4, w);
                case 'U' -> i = hex(s, i, 8, w);
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int end = i - 1;
                    while (end < s.length() && end < i + 2 && s.charAt(end) >= '0' && s.charAt(end) <= '7') {
                        end++;
                    }
                    w.append((char) Integer.parseInt(s.substring(i - 1, end), 8));
                    i = end;
                }
                default -> w.append(e); // \\ \' \" \? and anything else: the character itself
            }
        }
    }

    private static int hex(String s, int from, int max, StringBuilder w) {
        int end = from;
        while (end < s.length() && end < from + max && Character.digit(s.charAt(end), 16) >= 0) {
            end++;
        }
        if (end == from) {
            w.append('\\').append(s.charAt(from - 1));
            return from;
        }
        w.appendCodePoint(Integer.parseInt(s.substring(from, end), 16));
        return end;
    }
}
