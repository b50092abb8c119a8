package dev.connectorruntime.load;

import dev.connectorruntime.error.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;

/**
 * The decoded text of one file, for turning SnakeYAML's 0-based marks into locations and for quoting
 * the user's own text back in hints. Lines and columns count the way SnakeYAML's reader does: code
 * points, with LF, CRLF, a lone CR, NEL, LS and PS each ending a line.
 */
final class SourceText {

    private final Path file;
    private final String text;
    private List<String> lines;

    SourceText(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    Path file() {
        return file;
    }

    String text() {
        return text;
    }

    Location at(Mark mark) {
        return new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** The location of the code point at {@code index} in the text (SnakeYAML's reader positions). */
    Location atIndex(int index) {
        int line = 0;
        int column = 0;
        int seen = 0;
        for (int i = 0; i < text.length() && seen < index; seen++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            boolean crlf = c == '\r' && i < text.length() && text.charAt(i) == '\n';
            if (isBreak(c) && !crlf) {
                line++;
                column = 0;
            } else {
                column++;
            }
        }
        return new Location(file, line + 1, column + 1);
    }

    /** The 0-based line, without its line break; empty past the end. */
    String line(int line) {
        List<String> all = lines();
        return line >= 0 && line < all.size() ? all.get(line) : "";
    }

    /** Code points {@code from} (inclusive) to {@code to} (exclusive) of a 0-based line, clamped to it. */
    String slice(int line, int from, int to) {
        String s = line(line);
        int count = s.codePointCount(0, s.length());
        int start = Math.max(0, Math.min(from, count));
        int end = Math.max(start, Math.min(to, count));
        return s.substring(s.offsetByCodePoints(0, start), s.offsetByCodePoints(0, end));
    }

    /** The 0-based line from code point {@code from} to its end. */
    String rest(int line, int from) {
        return slice(line, from, Integer.MAX_VALUE);
    }

    private List<String> lines() {
        if (lines == null) {
            lines = split(text);
        }
        return lines;
    }

    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                out.add(text.substring(start, i));
                i += 2;
                start = i;
            } else if (isBreak(c)) {
                out.add(text.substring(start, i));
                start = ++i;
            } else {
                i++;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    private static boolean isBreak(int c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
