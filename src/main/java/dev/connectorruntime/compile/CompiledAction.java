package dev.connectorruntime.compile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.http.Headers;
import dev.connectorruntime.http.PercentEncoding;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Input;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.model.Request;
import dev.connectorruntime.model.TemplateText;
import dev.connectorruntime.template.Template;
import dev.connectorruntime.template.Templates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An action with every template parsed once, ready to render many times (as Retrofit's {@code RequestFactory}
 * parses a method once). Each field is rendered on its own and encoded for where it lands (SPEC §5): a path
 * value as one segment, a query value by the URL builder, a header refused if it holds CR or LF, a JSON body as
 * a tree, a form body form-encoded.
 */
public final class CompiledAction {

    private static final Pattern TAG = Pattern.compile("\\{\\{.*?}}", Pattern.DOTALL);

    private final Action action;
    private final List<Template> segments;
    private final Map<String, Template> query;
    private final Map<String, Template> headers;
    private final CompiledBody body;
    private final OutputExpression output;

    private CompiledAction(Action action, List<Template> segments, Map<String, Template> query,
                           Map<String, Template> headers, CompiledBody body, OutputExpression output) {
        this.output = output;
        this.action = action;
        this.segments = segments;
        this.query = query;
        this.headers = headers;
        this.body = body;
    }

    /** The inputs some template uses; a declared input outside this set is a warning. */
    public Set<String> usedInputs() {
        Set<String> used = new HashSet<>();
        List<Template> all = new ArrayList<>(segments);
        all.addAll(query.values());
        all.addAll(headers.values());
        all.addAll(body.templates());
        all.stream().filter(java.util.Objects::nonNull).forEach(t -> used.addAll(t.variables()));
        return used;
    }

    public Action action() {
        return action;
    }

    /** The {@code output} expression, or {@code null} when the action has none. */
    public OutputExpression output() {
        return output;
    }

    /** Compiles every template of the action; returns {@code null} when a problem was added. */
    public static CompiledAction compile(Action action, List<Problem> problems) {
        Set<String> declared = action.inputs().stream().map(Input::name).collect(Collectors.toSet());
        int before = problems.size();
        TemplateText path = action.request().path();
        List<Template> segments = new ArrayList<>();
        int offset = 0;
        if (Request.sectionSpansSegments(path.source())) {
            return null; // refused at binding (bad-path); compiling it segment by segment would only add noise
        }
        for (String segment : segments(path.source())) {
            offset = path.source().indexOf(segment, offset);
            Location at = path.location().line() > 0 && offset >= 0 && !path.source().contains("\n")
                    ? new Location(path.location().file(), path.location().line(), path.location().column() + offset)
                    : path.location();
            segments.add(Templates.compile(segment, at, declared, problems));
            offset = Math.max(offset, 0) + segment.length();
        }
        Map<String, Template> query = compileAll(action.request().query(), declared, problems);
        Map<String, Template> headers = compileAll(action.request().headers(), declared, problems);
        action.request().headers().forEach((name, text) -> literalHeaderText(name, text, problems));
        CompiledBody body = CompiledBodies.compile(action.request().body(), declared, problems);
        for (Input input : action.inputs()) {
            if (!input.alwaysGiven() && segments.stream().anyMatch(s -> s != null && s.variables().contains(input.name()))) {
                problems.add(Problem.error(Code.OPTIONAL_PATH_VARIABLE, path.location(),
                        "path variable `" + input.name() + "` must be required or have a default",
                        "add `required: true` or a `default` to input `" + input.name() + "`"));
            }
        }
        for (Input input : action.inputs()) {
            if (input.defaultValue() != null) {
                List<String> wrong = new ArrayList<>();
                InputChecker.check("the default of input `" + input.name() + "`", InputSchema.of(input),
                        input.defaultValue(), wrong);
                wrong.forEach(m -> problems.add(Problem.error(Code.BAD_DEFAULT, input.location(), m,
                        "a default must follow the input's own schema")));
            }
        }
        OutputExpression output = action.output() == null ? null
                : OutputExpression.compile(action.output(), action.outputLocation(), problems);
        if (problems.stream().skip(before).anyMatch(Problem::isError)) {
            return null;
        }
        return new CompiledAction(action, segments, query, headers, body, output);
    }

    /** A character that can never go out in a header, written in the template's own text (not in a tag). */
    private static void literalHeaderText(String name, TemplateText text, List<Problem> problems) {
        String written = TAG.matcher(text.source()).replaceAll("");
        Problem problem = Headers.writtenValueProblem("header `" + name + "`", written, text.location());
        if (problem != null) {
            problems.add(problem);
        }
    }

    /** The path after its leading {@code /}, split at each {@code /} outside a tag: {@code {{/x}}} closes a section. */
    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        int start = 1;
        int i = 1;
        while (i < path.length()) {
            int close = path.startsWith("{{", i) ? path.indexOf("}}", i + 2) : -1;
            if (close >= 0) {
                i = close + 2;
            } else if (path.charAt(i) == '/') {
                out.add(path.substring(start, i));
                start = ++i;
            } else {
                i++;
            }
        }
        out.add(path.substring(start));
        return out;
    }

    static Map<String, Template> compileAll(Map<String, TemplateText> texts, Set<String> declared,
                                            List<Problem> problems) {
        Map<String, Template> out = new LinkedHashMap<>();
        texts.forEach((k, v) -> out.put(k, Templates.compile(v.source(), v.location(), declared, problems)));
        return out;
    }

    /**
     * Renders the request for these inputs.
     *
     * @throws Failure USAGE when a value cannot go where it lands (an empty, {@code .} or {@code ..} path segment,
     *                 CR or LF in a header)
     */
    public RenderedRequest render(InputValues inputs) {
        Map<String, JsonNode> values = inputs.values();
        return new RenderedRequest(action.request().method(), path(values), query(values),
                headers(values), body.render(values), body.contentType());
    }

    private String path(Map<String, JsonNode> values) {
        Map<String, JsonNode> encoded = new HashMap<>();
        // booleans stay booleans, so a section such as {{#as_json}}.json{{/as_json}} still sees false as false
        values.forEach((k, v) -> encoded.put(k, v.isBoolean() ? v
                : Json.nodes().textNode(PercentEncoding.encode(Templates.text(v)))));
        StringBuilder sb = new StringBuilder();
        for (Template segment : segments) {
            String s = segment.isLiteral() ? segment.source() : segment.render(encoded);
            if (!segment.isLiteral() && (s.isEmpty() || s.equals(".") || s.equals(".."))) {
                throw Failure.of(Kind.USAGE, "a path segment of `" + action.name() + "` would be "
                                + (s.isEmpty() ? "empty" : "`" + s + "`"))
                        .code(Code.BAD_INPUT)
                        .hint("path values may not be empty, `.` or `..`: check "
                                + String.join(", ", segment.variables().stream().map(n -> "`" + n + "`").toList()))
                        .build();
            }
            sb.append('/').append(s);
        }
        return sb.toString();
    }

    private List<Map.Entry<String, String>> query(Map<String, JsonNode> values) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        query.forEach((name, t) -> {
            if (leftOut(t, values)) {
                return;
            }
            JsonNode single = t.isSingleVariable() ? values.get(t.singleVariable()) : null;
            if (single != null && single.isArray()) {
                single.forEach(item -> out.add(Map.entry(name, Templates.text(item))));
            } else {
                out.add(Map.entry(name, t.render(values)));
            }
        });
        return out;
    }

    private Headers<String> headers(Map<String, JsonNode> values) {
        Headers.Builder<String> out = Headers.builder();
        headers.forEach((name, t) -> {
            if (leftOut(t, values)) {
                return;
            }
            String v = t.render(values);
            String inputs = String.join(", ", t.variables().stream().map(n -> "`" + n + "`").toList());
            if (v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
                throw Failure.of(Kind.USAGE, "header `" + name + "` of `" + action.name() + "` would hold a line break")
                        .code(Code.BAD_INPUT)
                        .hint("header values may not contain CR or LF: check " + inputs)
                        .build();
            }
            int bad = Headers.badValueChar(v);
            if (bad >= 0) {
                throw Failure.of(Kind.USAGE, "header `" + name + "` of `" + action.name() + "` would hold a character"
                                + " that is not visible ASCII (" + Headers.codePoint(v, bad) + ")")
                        .code(Code.BAD_INPUT)
                        .hint(Headers.VALUE_RULE + ": percent-encode " + inputs
                                + " before passing it, or send it in the body")
                        .build();
            }
            out.set(name, v);
        });
        return out.build();
    }

    /** SPEC §5.3: a parameter or header whose template uses only not-given inputs is left out. */
    private static boolean leftOut(Template t, Map<String, JsonNode> values) {
        return !t.variables().isEmpty() && t.variables().stream().noneMatch(values::containsKey);
    }
}
