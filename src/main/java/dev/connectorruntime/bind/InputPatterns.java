package dev.connectorruntime.bind;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.load.YMap;
import dev.connectorruntime.load.YScalar;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An input's {@code pattern}, and those of its {@code items}, {@code properties} and {@code additionalProperties},
 * compiled as the runtime compiles them to check values: with {@code java.util.regex}, not the ECMA-262 dialect
 * JSON Schema names, so that what passes here is what {@code run} can use (issue 12).
 */
final class InputPatterns {

    private InputPatterns() {
    }

    static void check(String input, YMap schema, List<Problem> problems) {
        check(input, schema, "", problems);
    }

    private static void check(String input, YMap schema, String path, List<Problem> problems) {
        if (schema.get("pattern") instanceof YScalar s) {
            try {
                Pattern.compile(s.text());
            } catch (PatternSyntaxException e) {
                problems.add(Problem.error(Code.BAD_PATTERN, s.location(), "`" + path + "pattern` of input `" + input
                                + "` is not a valid regular expression: " + reason(e, s.text()),
                        "patterns are Java regular expressions (java.util.regex), as the runtime checks values with"
                                + " them: escape a character meant literally with a backslash"));
            }
        }
        if (schema.get("items") instanceof YMap items) {
            check(input, items, path + "items.", problems);
        }
        if (schema.get("properties") instanceof YMap properties) {
            for (YMap.Entry e : properties.entries()) {
                if (e.value() instanceof YMap property) {
                    check(input, property, path + "properties." + e.key() + ".", problems);
                }
            }
        }
        if (schema.get("additionalProperties") instanceof YMap additional) {
            check(input, additional, path + "additionalProperties.", problems);
        }
    }

    /** The regex library's description, without its multi-line dump of the pattern and a caret. */
    private static String reason(PatternSyntaxException e, String pattern) {
        String d = e.getDescription();
        String description = d.length() > 1 && Character.isUpperCase(d.charAt(1)) ? d
                : d.substring(0, 1).toLowerCase(Locale.ROOT) + d.substring(1);
        if (e.getIndex() < 0) {
            return description;
        }
        return description + (e.getIndex() >= pattern.length() ? " at the end" : " near character " + (e.getIndex() + 1));
    }
}
