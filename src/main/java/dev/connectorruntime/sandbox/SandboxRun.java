package dev.connectorruntime.sandbox;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Suggestions;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Example;
import dev.connectorruntime.auth.TokenStore;
import dev.connectorruntime.engine.CallRequest;
import dev.connectorruntime.engine.ConnectorRuntime;
import dev.connectorruntime.run.Output;
import dev.connectorruntime.validate.Definitions;
import java.util.List;

/** {@code run ACTION --sandbox [--example NAME]}: the whole run path, against the sandbox, for one example. */
public final class SandboxRun {

    private SandboxRun() {
    }

    /**
     * @param engine  the engine's settings (workspace, stamps, retries); the sandbox sets its secrets, target and
     *                token store
     * @param example the example's name, or {@code null} for the action's first
     * @throws Failure USAGE for an unknown action or example, or an action without examples; as {@code run} does
     *                 for anything else
     */
    public static Output run(ConnectorRuntime.Builder engine, CallRequest request, String example) {
        ConnectorRuntime.Builder rehearsal = engine.tokenStore(TokenStore.NONE);
        Definitions.Pair pair;
        try (ConnectorRuntime loader = rehearsal.build()) {
            pair = loader.definitions(request.action());
        }
        Example chosen = example(pair.action(), example);
        try (Sandbox sandbox = Sandbox.start(pair.connector(), pair.action(), chosen);
             ConnectorRuntime runtime = sandbox.retarget(rehearsal.preloaded(pair)).build()) {
            return runtime.call(sandbox.retarget(request)).output();
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
