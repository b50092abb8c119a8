package dev.connectorruntime.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * One action string (a path, a query value, a header value, a JSON or form leaf, a text body),
 * compiled once by {@link Templates#compile} and rendered many times, from any thread (SPEC §5).
 *
 * <p>Rendering is plain text: nothing is HTML-escaped, URL-encoded or JSON-escaped here. Each field
 * is rendered on its own and the caller encodes the result for where it lands (a path segment, a
 * query value, a form field, a JSON string). A value is inserted as it is and never parsed again:
 * an input containing {@code {{x}}} or {@code <<secret>>} stays that literal text.
 *
 * <p>How a value renders:
 * <ul>
 *   <li>a string: its text; a boolean: {@code true} or {@code false};</li>
 *   <li>a number: its plain decimal text ({@code 10000000000}, {@code 0.5}; never {@code 1.0E10});</li>
 *   <li>an array or an object used as {@code {{x}}}: compact JSON text, numbers plain;</li>
 *   <li>an input absent from the map (or JSON {@code null}): the empty string.</li>
 * </ul>
 *
 * <p>Sections: {@code {{#x}}…{{/x}}} renders its body once for a given value, once per element for
 * a non-empty array ({@code {{.}}} is the element), and not at all when {@code x} is falsy: not
 * given, {@code null}, {@code false}, {@code ""} or {@code []} (numbers, including 0, and objects are
 * truthy). {@code {{^x}}…{{/x}}} renders its body only when {@code x} is falsy.
 * {@code {{#soql}}…{{/soql}}} renders its body and escapes it for a SOQL string literal;
 * {@code {{#soql_like}}…{{/soql_like}}} also escapes the {@code LIKE} wildcards.
 */
public interface Template {

    /** The template text as written in the definition. */
    String source();

    /**
     * The declared inputs this template reads, as variables or as section names, in order of first
     * use. Never {@code soql}, {@code soql_like} or {@code .}.
     */
    Set<String> variables();

    /**
     * Whether the source is exactly one variable tag, {@code {{x}}} or {@code {{ x }}}, with nothing
     * around it: a JSON leaf written so keeps the input's type, and a query parameter, header or
     * member written so is left out when the input was not given (SPEC §5.2, §5.3).
     */
    boolean isSingleVariable();

    /** The input named by a {@linkplain #isSingleVariable() single-variable} template, or {@code null}. */
    String singleVariable();

    /** Whether the source has no tags at all: it renders as itself whatever the inputs. */
    boolean isLiteral();

    /**
     * Renders the template.
     *
     * @param inputs the run's input values by name, defaults already applied; a name absent from
     *               the map (or mapped to {@code null}) is an input that was not given
     * @return the text, not yet encoded for its destination
     */
    String render(Map<String, JsonNode> inputs);
}
