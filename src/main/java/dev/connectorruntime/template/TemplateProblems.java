package dev.connectorruntime.template;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.error.Suggestions;
import java.util.Collection;
import java.util.List;

/**
 * Every problem a template can have, worded in one place, added to the caller's list with the
 * location of the tag: the template's own location, moved right by the tag's offset when the
 * template is a single line (a multi-line value's columns depend on its YAML style).
 */
final class TemplateProblems {

    private static final int SHOWN = 30;

    private final String source;
    private final Location where;
    private final List<Problem> problems;
    private boolean errors;

    TemplateProblems(String source, Location where, List<Problem> problems) {
        this.source = source;
        this.where = where;
        this.problems = problems;
    }

    boolean hasErrors() {
        return errors;
    }

    void unescaped(Tag tag) {
        add(Code.TEMPLATE_TRIPLE_MUSTACHE, tag.start(), "`" + tag.text() + "` skips encoding",
                "write `{{" + tag.name() + "}}`: values are always encoded for where they land");
    }

    void partial(Tag tag) {
        String what = tag.text().charAt(2) == '>' ? "partials are" : "template inheritance is";
        add(Code.TEMPLATE_PARTIAL, tag.start(), what + " not supported", "write the text in place");
    }

    void delimiter(Tag tag) {
        add(Code.TEMPLATE_DELIMITER, tag.start(), "changing delimiters is not supported",
                "to send a literal `{{`, pass it in through a string input");
    }

    void pragma(Tag tag) {
        add(Code.TEMPLATE_SYNTAX, tag.start(), "`" + tag.text() + "`: pragmas are not supported", null);
    }

    void emptyTag(int start, String text) {
        add(Code.TEMPLATE_SYNTAX, start, "`" + text + "` is an empty tag",
                "write an input's name inside, e.g. `{{limit}}`");
    }

    void unclosedTag(int start) {
        String rest = source.substring(start).lines().findFirst().orElse("");
        String shown = rest.length() > SHOWN ? rest.substring(0, SHOWN) + "…" : rest;
        add(Code.TEMPLATE_SYNTAX, start, "`" + shown + "` is not closed", "end the tag with `}}`");
    }

    void unclosedSection(Tag section) {
        add(Code.TEMPLATE_SYNTAX, section.start(), "section `" + section.text() + "` is not closed",
                "end it with `{{/" + section.name() + "}}`");
    }

    void mismatchedClose(Tag close, Tag section) {
        add(Code.TEMPLATE_SYNTAX, close.start(), "`" + close.text() + "` does not close `" + section.text() + "`",
                "end the section with `{{/" + section.name() + "}}`");
    }

    void strayClose(Tag close) {
        add(Code.TEMPLATE_SYNTAX, close.start(), "`" + close.text() + "` closes no section",
                "remove it, or open the section with `{{#" + close.name() + "}}`");
    }

    /** A parse error of Mustache.java that the scanner did not foresee, without its file and line noise. */
    void mustacheSyntax(String message) {
        String clean = message == null ? "" : message.replaceAll(" @\\[[^\\]]*\\]$", "")
                .replaceAll(" in [^ ]*:\\d+(@\\d+)?$", "").strip();
        if (clean.isEmpty()) {
            clean = "the template cannot be parsed";
        }
        add(Code.TEMPLATE_SYNTAX, 0, Character.toLowerCase(clean.charAt(0)) + clean.substring(1), null);
    }

    void dottedName(Tag tag) {
        add(Code.TEMPLATE_DOTTED_NAME, tag.start(), "`" + tag.text() + "`: dotted names are not supported",
                "declare `" + tag.name().replace('.', '_') + "` as its own input");
    }

    void implicitIteratorOutsideSection(Tag tag) {
        add(Code.TEMPLATE_IMPLICIT_ITERATOR, tag.start(), "`" + tag.text() + "` stands for the current element: it works only inside a section",
                "write an input's name, or iterate with `{{#tags}}{{.}}{{/tags}}`");
    }

    void reserved(Tag tag, Escaper escaper) {
        String name = escaper.tagName();
        add(Code.TEMPLATE_RESERVED, tag.start(),
                "`" + name + "` is an escaper: write `{{#" + name + "}}{{name}}{{/" + name + "}}`",
                escaper.description());
    }

    void undeclared(Tag tag, Collection<String> declared) {
        String near = Suggestions.closest(tag.name(), declared);
        add(Code.TEMPLATE_UNDECLARED, tag.start(), "`" + tag.text() + "` is not a declared input",
                near == null ? "declare it under `inputs:`" : "did you mean `" + near + "`?");
    }

    private void add(Code code, int offset, String message, String hint) {
        problems.add(Problem.error(code, at(offset), message, hint));
        errors = true;
    }

    private Location at(int offset) {
        boolean oneLine = source.indexOf('\n') < 0 && source.indexOf('\r') < 0;
        if (!oneLine || where.line() <= 0 || where.column() <= 0 || offset <= 0) {
            return where;
        }
        return new Location(where.file(), where.line(), where.column() + source.codePointCount(0, offset));
    }
}
