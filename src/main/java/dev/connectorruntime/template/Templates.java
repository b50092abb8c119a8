package dev.connectorruntime.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mustachejava.Mustache;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.template.Tag.Kind;
import java.io.StringReader;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Compiles action strings into {@link Template}s, once, when an action is compiled (SPEC §5.1).
 *
 * <p>Every problem is collected, none thrown. Codes, each with a hint:
 * <ul>
 *   <li>{@code template-triple-mustache}: {@code {{{x}}}} or {@code {{&x}}} would skip encoding;</li>
 *   <li>{@code template-partial}: {@code {{>x}}}, and the inheritance tags {@code {{<x}}}, {@code {{$x}}};</li>
 *   <li>{@code template-delimiter}: {@code {{=<% %>=}}};</li>
 *   <li>{@code template-dotted-name}: {@code {{a.b}}};</li>
 *   <li>{@code template-implicit-iterator}: {@code {{.}}} outside a section;</li>
 *   <li>{@code template-undeclared}: a name that is not a declared input (with "did you mean");</li>
 *   <li>{@code template-reserved}: {@code soql} or {@code soql_like} used other than as
 *       {@code {{#soql}}…{{/soql}}};</li>
 *   <li>{@code template-syntax}: an unclosed tag or section, a mismatched or stray close, an
 *       empty tag, a pragma.</li>
 * </ul>
 * A problem stands at {@code where}, moved right to the offending tag when the template is one line,
 * so {@code where} should be the position of the template's first character (after an opening
 * quote for a quoted YAML scalar).
 */
public final class Templates {

    private Templates() {
    }

    /**
     * Compiles and checks one template.
     *
     * @param source         the template text
     * @param where          where the text starts in its definition file
     * @param declaredInputs the action's input names
     * @param problems       where problems are added
     * @return the template, or {@code null} when an error was added to {@code problems}
     */
    public static Template compile(String source, Location where, Set<String> declaredInputs, List<Problem> problems) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(declaredInputs, "declaredInputs");
        Objects.requireNonNull(problems, "problems");
        TemplateProblems report = new TemplateProblems(source, where, problems);
        TagScanner.Scan scan = TagScanner.scan(source, report);
        if (!scan.compilable()) {
            return null;
        }
        if (scan.tags().isEmpty()) {
            return report.hasErrors() ? null : MustacheTemplate.literal(source);
        }
        Mustache mustache;
        try {
            mustache = StrictMustacheFactory.INSTANCE.compile(new StringReader(source), "template");
        } catch (RuntimeException e) {
            report.mustacheSyntax(e.getMessage());
            return null;
        }
        Set<String> variables = CodeChecker.check(mustache.getCodes(), scan.tags(), declaredInputs, report);
        if (report.hasErrors()) {
            return null;
        }
        return MustacheTemplate.of(source, mustache, variables, singleVariable(source, scan.tags()));
    }

    private static String singleVariable(String source, List<Tag> tags) {
        if (tags.size() != 1) {
            return null;
        }
        Tag tag = tags.get(0);
        boolean whole = tag.start() == 0 && tag.end() == source.length();
        return whole && tag.kind() == Kind.VARIABLE ? tag.name() : null;
    }

    /**
     * How a value reads where it lands whole (a path segment, one of an array's repeated query values): the same
     * text a template renders for it. Strings as their text, numbers plainly, containers as compact JSON.
     */
    public static String text(JsonNode value) {
        return Values.text(value);
    }
}
