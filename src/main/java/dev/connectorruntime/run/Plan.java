package dev.connectorruntime.run;

import dev.connectorruntime.error.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code run --dry-run} shows (SPEC §7): the requests a run would send first (the token request, then the
 * first page), each value exactly as the runtime would encode it, except that secrets and tokens are left as shell
 * variables. Holds no secret: building it reveals none.
 *
 * @param action      the action's name
 * @param steps       the requests, in the order they would be sent
 * @param warnings    secrets that are not set (a dry run only warns)
 * @param secretsFile the secrets file when it exists (its values are not in the shell), else {@code null}
 */
public record Plan(String action, List<Step> steps, List<Problem> warnings, Path secretsFile) {

    public Plan {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    /** A piece of a value: text, or a shell variable. */
    public sealed interface Part permits Text, Variable {
    }

    /** Text, as the runtime would send it. */
    public record Text(String text) implements Part {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A shell variable standing for a value the plan does not show.
     *
     * @param name     the variable: a secret's environment variable ({@code SALESFORCE_PASSWORD}), or one the user
     *                 sets from an answer ({@code TOKEN}, {@code INSTANCE_URL})
     * @param fallback the default written in the definition ({@code <<name:-default>>}), or {@code null}
     * @param secret   whether it stands for a secret of the connector
     */
    public record Variable(String name, String fallback, boolean secret) implements Part {
        public Variable {
            Objects.requireNonNull(name, "name");
        }
    }

    /** One value made of parts: one shell word. */
    public record Value(List<Part> parts) {

        public Value {
            parts = List.copyOf(parts);
        }

        public static Value text(String text) {
            return new Value(List.of(new Text(text)));
        }

        public static Value variable(String name) {
            return new Value(List.of(new Variable(name, null, false)));
        }

        /** Whether it holds no variable. */
        public boolean isText() {
            return parts.stream().allMatch(p -> p instanceof Text);
        }

        /** This value followed by another. */
        public Value then(Value other) {
            List<Part> all = new ArrayList<>(parts);
            all.addAll(other.parts);
            return new Value(all);
        }
    }

    /** A name and its value: a header, a form field, a query parameter. */
    public record Field(String name, Value value) {
    }

    /** HTTP Basic credentials, which curl encodes itself ({@code -u}). */
    public record Basic(Value user, Value password) {
    }

    /**
     * One request.
     *
     * @param title      what it is, one line
     * @param notes      what the user should know to run it, one line each
     * @param method     the HTTP method
     * @param url        the URL with its query, values encoded as the runtime encodes them
     * @param urlQuery   query parameters appended last whose values hold variables (an API key {@code in: query}):
     *                   the shell must encode them
     * @param headers    in the order the runtime sends them, by precedence, credentials included
     * @param basic      HTTP Basic credentials, or {@code null}
     * @param form       form fields to encode (the token request); empty otherwise
     * @param body       the body exactly as the runtime sends it, or {@code null}
     */
    public record Step(String title, List<String> notes, String method, Value url, List<Field> urlQuery,
                       List<Field> headers, Basic basic, List<Field> form, byte[] body) {

        public Step {
            notes = List.copyOf(notes);
            urlQuery = List.copyOf(urlQuery);
            headers = List.copyOf(headers);
            form = List.copyOf(form);
        }
    }
}
