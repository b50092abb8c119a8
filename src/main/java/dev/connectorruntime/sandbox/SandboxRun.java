package dev.connectorruntime.sandbox;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Suggestions;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Example;
import dev.connectorruntime.run.ActionRunner;
import dev.connectorruntime.run.Output;
import dev.connectorruntime.run.RunOptions;
import dev.connectorruntime.run.RunRequest;
import dev.connectorruntime.validate.Definitions;
import java.util.List;

/** {@code run ACTION --sandbox [--example NAME]}: the whole run path, against the sandbox, for one example. */
public final class SandboxRun {

    private SandboxRun() {
    }

    /**
     * @param example the example's name, or {@code null} for the action's first
     * @throws Failure USAGE for an unknown action or example, or an action without examples; as {@code run} does
     *                 for anything else
     */
    public static Output run(ActionRunner runner, RunRequest request, String example) {
        return run(runner, request, example, RunOptions.DEFAULT);
    }

    /** The same, with a listener ({@code -v}) and a total deadline ({@code --timeout}). */
    public static Output run(ActionRunner runner, RunRequest request, String example, RunOptions options) {
        Definitions.Pair pair = runner.definitions(request);
        Example chosen = example(pair.action(), example);
        try (Sandbox sandbox = Sandbox.start(pair.connector(), pair.action(), chosen)) {
            return runner.run(sandbox.retarget(request), options, pair);
        }
    }

    /** The example of that name, or the first; a usage failure when there is none. */
    static Example example(Action action, String name) {
        List<Example> examples = action.examples();
        if (examples.isEmpty()) {
            throw Failure.of(Kind.USAGE, "`" + action.name() + "` has no examples to run in the sandbox")
                    .code(Code.NO_EXAMPLES)
                    .hint("add `examples:` to actions/" + action.name() + ".yaml"
                            + " (see docs/sandbox.md), or run it without --sandbox").build();
        }
        if (name == null) {
            return examples.get(0);
        }
        for (Example e : examples) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        List<String> names = examples.stream().map(Example::name).toList();
        String near = Suggestions.closest(name, names);
        throw Failure.of(Kind.USAGE, "`" + action.name() + "` has no example `" + name + "`").code(Code.UNKNOWN_EXAMPLE)
                .hint(near != null ? "did you mean `" + near + "`?"
                        : "its examples are: " + String.join(", ", names.stream().map(n -> "`" + n + "`").toList()))
                .build();
    }
}
