package dev.connectorruntime.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imported examples whose inputs fail the runtime's own checks ({@code example-inputs}, from {@code validate}):
 * a source's examples need not match its schemas, and SPEC §12 wants what is written to pass {@code validate}.
 */
final class Examples {

    private static final Pattern NAME = Pattern.compile("^example `(.*?)`: (.*)$", Pattern.DOTALL);

    private Examples() {
    }

    /**
     * Drops, from {@code actions} (replaced in place), each example that a problem of {@code failure} names, and
     * reports it.
     *
     * @return whether every error of the failure was such an example, so that validating again can pass
     */
    static boolean drop(Failure failure, List<ActionDraft> actions, Report report) {
        List<Problem> errors = failure.problems().stream().filter(Problem::isError).toList();
        if (errors.isEmpty() || errors.stream().anyMatch(p -> p.code() != Code.EXAMPLE_INPUTS)) {
            return false;
        }
        for (Problem p : errors) {
            Matcher m = NAME.matcher(p.message());
            String file = p.location().file().getFileName().toString();
            if (!m.matches() || !file.endsWith(".yaml")) {
                return false;
            }
            String action = file.substring(0, file.length() - ".yaml".length());
            for (int i = 0; i < actions.size(); i++) {
                ActionDraft a = actions.get(i);
                if (a.name().equals(action)) {
                    List<ObjectNode> kept = new ArrayList<>(a.examples());
                    kept.removeIf(e -> e.path("name").asText().equals(m.group(1)));
                    actions.set(i, new ActionDraft(a.name(), a.description(), a.connector(), a.inputs(), a.request(),
                            kept, a.source()));
                    report.dropped("example \"" + m.group(1) + "\" of action " + action, "its inputs fail the"
                            + " action's checks: " + brief(m.group(2)));
                }
            }
        }
        return true;
    }

    /** The check's message on one line, a long value cut. */
    private static String brief(String message) {
        String line = message.replaceAll("\\s+", " ");
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }
}
