package dev.connectorruntime.template;

import dev.connectorruntime.template.Tag.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Finds the tags of a template the way Mustache.java's parser reads them (from <code>{{</code> up to the
 * next <code>}}</code>; the first character after <code>{{</code> is the sigil), before that parser
 * runs. Why a scanner of our own: it knows where each tag stands (for the column of a problem) and
 * how it was written ({@code {{{x}}}} and {@code {{&x}}} compile to the same code), and it stops a
 * partial or a delimiter change before Mustache.java tries to load a file or re-reads the rest.
 */
final class TagScanner {

    /**
     * The tags found, and whether the source may go on to Mustache.java's compiler: it may not when
     * a problem was found that the compiler would act on or choke on.
     */
    record Scan(List<Tag> tags, boolean compilable) {
    }

    private TagScanner() {
    }

    static Scan scan(String source, TemplateProblems report) {
        List<Tag> tags = new ArrayList<>();
        Deque<Tag> open = new ArrayDeque<>();
        boolean compilable = true;
        int from = 0;
        int start;
        while ((start = source.indexOf("{{", from)) >= 0) {
            int close = source.indexOf("}}", start + 2);
            if (close < 0) {
                report.unclosedTag(start);
                return new Scan(tags, false);
            }
            String content = source.substring(start + 2, close);
            int end = close + 2;
            from = end;
            if (content.isBlank()) {
                report.emptyTag(start, source.substring(start, end));
                compilable = false;
                continue;
            }
            Kind kind = Kind.of(content.charAt(0));
            if (content.charAt(0) == '{' && end < source.length() && source.charAt(end) == '}') {
                end++;
                from = end;
            }
            String name = (kind == Kind.VARIABLE ? content : content.substring(1)).trim();
            Tag tag = new Tag(kind, name, start, source.substring(start, end));
            tags.add(tag);
            switch (kind) {
                case SECTION, INVERTED -> open.push(tag);
                case CLOSE -> compilable &= close(tag, open, report);
                case UNESCAPED -> report.unescaped(tag);
                case PARTIAL -> {
                    report.partial(tag);
                    compilable = false;
                }
                case INHERITANCE -> {
                    report.partial(tag);
                    open.push(tag);
                    compilable = false;
                }
                case PRAGMA -> {
                    report.pragma(tag);
                    compilable = false;
                }
                case DELIMITER -> {
                    report.delimiter(tag);
                    return new Scan(tags, false);
                }
                default -> {
                }
            }
        }
        while (!open.isEmpty()) {
            report.unclosedSection(open.removeLast());
            compilable = false;
        }
        return new Scan(tags, compilable);
    }

    private static boolean close(Tag tag, Deque<Tag> open, TemplateProblems report) {
        if (open.isEmpty()) {
            report.strayClose(tag);
            return false;
        }
        Tag section = open.pop();
        if (!section.name().equals(tag.name())) {
            report.mismatchedClose(tag, section);
            return false;
        }
        return true;
    }
}
