package dev.connectorruntime.template;

import com.github.mustachejava.Code;
import com.github.mustachejava.codes.CommentCode;
import com.github.mustachejava.codes.IterableCode;
import com.github.mustachejava.codes.NotIterableCode;
import com.github.mustachejava.codes.ValueCode;
import com.github.mustachejava.codes.WriteCode;
import dev.connectorruntime.template.Tag.Kind;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks the codes Mustache.java compiled, the ones it will execute, and checks every name against
 * the declared inputs: Mustache.java itself renders a missing name as "" without a word. The codes
 * come in document order, so each is paired with its tag from the {@link TagScanner}, for the
 * column and for the text as written.
 */
final class CodeChecker {

    private static final Set<Kind> NAMED = EnumSet.of(Kind.VARIABLE, Kind.UNESCAPED, Kind.SECTION, Kind.INVERTED);

    private final List<Tag> tags;
    private final Set<String> declared;
    private final TemplateProblems report;
    private final Set<String> variables = new LinkedHashSet<>();
    private int cursor;

    private CodeChecker(List<Tag> tags, Set<String> declared, TemplateProblems report) {
        this.tags = tags.stream().filter(t -> NAMED.contains(t.kind())).toList();
        this.declared = declared;
        this.report = report;
    }

    /** The declared inputs the codes use, in order of first use; problems go to {@code report}. */
    static Set<String> check(Code[] codes, List<Tag> tags, Set<String> declared, TemplateProblems report) {
        CodeChecker checker = new CodeChecker(tags, declared, report);
        checker.walk(codes, 0);
        return Collections.unmodifiableSet(checker.variables);
    }

    /** {@code sections}: how many enclosing sections push a value, so that {@code {{.}}} means one. */
    private void walk(Code[] codes, int sections) {
        if (codes == null) {
            return;
        }
        for (Code code : codes) {
            if (code instanceof ValueCode) {
                check(tagFor(code, Kind.VARIABLE), sections);
            } else if (code instanceof NotIterableCode) {
                check(tagFor(code, Kind.INVERTED), sections);
                walk(code.getCodes(), sections);
            } else if (code instanceof IterableCode) {
                check(tagFor(code, Kind.SECTION), sections);
                boolean escaper = Escaper.named(code.getName()) != null;
                walk(code.getCodes(), escaper ? sections : sections + 1);
            } else if (!(code instanceof WriteCode || code instanceof CommentCode || code.getName() == null)) {
                report.mustacheSyntax("`{{" + code.getName() + "}}` is not supported");
            }
        }
    }

    private void check(Tag tag, int sections) {
        String name = tag.name();
        if (name.equals(".")) {
            if (sections == 0) {
                report.implicitIteratorOutsideSection(tag);
            }
            return;
        }
        if (name.indexOf('.') >= 0) {
            report.dottedName(tag);
            return;
        }
        Escaper escaper = Escaper.named(name);
        if (escaper != null) {
            if (tag.kind() != Kind.SECTION) {
                report.reserved(tag, escaper);
            }
            return;
        }
        if (!declared.contains(name)) {
            report.undeclared(tag, declared);
            return;
        }
        variables.add(name);
    }

    /** The scanned tag of this code; a synthetic one at the template's start if they ever disagree. */
    private Tag tagFor(Code code, Kind kind) {
        String name = code.getName();
        if (cursor < tags.size() && tags.get(cursor).name().equals(name)) {
            return tags.get(cursor++);
        }
        String sigil = kind == Kind.SECTION ? "#" : kind == Kind.INVERTED ? "^" : "";
        return new Tag(kind, name, 0, "{{" + sigil + name + "}}");
    }
}
