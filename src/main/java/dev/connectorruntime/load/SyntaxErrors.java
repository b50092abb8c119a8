package dev.connectorruntime.load;

import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Turns a SnakeYAML exception into one problem. Most syntax errors in definitions come from an
 * unquoted template ({@code path: {{id}}/x}), so that case is recognised first and explained.
 */
final class SyntaxErrors {

    /** What may stand before a value on its line: indentation, {@code - } list markers, a {@code key: }. */
    private static final Pattern VALUE_PREFIX = Pattern.compile("\\s*(?:-\\s+)*(?:[^\\s#][^#]*?:\\s+)?");
    private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s+#.*$|\\s+$");
    private static final Pattern CONTEXT = Pattern.compile("while (?:parsing|scanning) (?:a|an|the) (.+)");

    private SyntaxErrors() {
    }

    static Problem of(MarkedYAMLException e, SourceText source, Mark openTemplate) {
        if (openTemplate != null) {
            String value = source.rest(openTemplate.getLine(), openTemplate.getColumn());
            return YamlProblems.unquotedTemplate(source.at(openTemplate), withoutComment(value));
        }
        for (Mark mark : new Mark[] {e.getProblemMark(), e.getContextMark()}) {
            Problem template = mark == null ? null : templateOnLine(source, mark);
            if (template != null) {
                return template;
            }
        }
        Mark where = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        Location location = where == null ? new Location(source.file(), 1, 1) : source.at(where);
        String problem = e.getProblem() != null ? e.getProblem() : firstLine(e.getMessage());
        return YamlProblems.syntax(location, tidy(problem), hint(e, problem, source));
    }

    static Problem of(ReaderException e, SourceText source) {
        String hint = String.format(java.util.Locale.ROOT, "remove the character U+%04X", e.getCodePoint());
        return YamlProblems.syntax(source.atIndex(e.getPosition()), tidy(e.getMessage()), hint);
    }

    /** A value on the mark's line that starts with {@code {{} at or before the mark. */
    private static Problem templateOnLine(SourceText source, Mark mark) {
        String line = source.line(mark.getLine());
        int limit = line.offsetByCodePoints(0, Math.min(mark.getColumn(), line.codePointCount(0, line.length())));
        for (int i = line.indexOf("{{"); i >= 0 && i <= limit; i = line.indexOf("{{", i + 1)) {
            if (VALUE_PREFIX.matcher(line.substring(0, i)).matches()) {
                int column = line.codePointCount(0, i);
                Location at = new Location(source.file(), mark.getLine() + 1, column + 1);
                return YamlProblems.unquotedTemplate(at, withoutComment(line.substring(i)));
            }
        }
        return null;
    }

    private static String hint(MarkedYAMLException e, String problem, SourceText source) {
        if (problem.contains("(TAB)")) {
            return "indent with spaces, not tabs";
        }
        Mark mark = e.getContextMark();
        Matcher context = e.getContext() == null ? null : CONTEXT.matcher(e.getContext());
        if (mark == null || context == null || !context.matches()) {
            return null;
        }
        Location at = source.at(mark);
        return "see the " + context.group(1) + " that starts at line " + at.line() + ", column " + at.column();
    }

    /** SnakeYAML's text without its advice in parentheses or a closing period. */
    private static String tidy(String problem) {
        String text = problem == null ? "invalid YAML" : problem.strip();
        int advice = text.indexOf(". (");
        if (advice >= 0) {
            text = text.substring(0, advice);
        }
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static String withoutComment(String value) {
        return TRAILING_COMMENT.matcher(value).replaceFirst("");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return null;
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
