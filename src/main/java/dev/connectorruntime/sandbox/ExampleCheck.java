package dev.connectorruntime.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.load.Workspace;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Example;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.engine.CallRequest;
import dev.connectorruntime.engine.ConnectorRuntime;
import dev.connectorruntime.run.Output;
import dev.connectorruntime.validate.Definitions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * {@code test}: runs one example through the sandbox and says whether it holds. It holds when the sandbox saw the
 * request the example expects and no more requests than it has responses, the action asked for every response,
 * and the output equals the example's {@code output} (as JSON). An example whose last response is an error
 * (status 400 or more) documents a failure: it holds when the run fails with that status.
 */
public final class ExampleCheck {

    private static final int MAX_SHOWN = 300;

    /**
     * One example's result.
     *
     * @param action  the action's name
     * @param example the example's name
     * @param reasons why it failed, one line each (continuations indented by two spaces); empty when it passed
     * @param time    how long it took
     */
    public record Outcome(String action, String example, List<String> reasons, Duration time) {
        public Outcome {
            reasons = List.copyOf(reasons);
        }

        public boolean passed() {
            return reasons.isEmpty();
        }
    }

    private final Supplier<ConnectorRuntime.Builder> engines;

    /** @param engines builders of the engines the examples run on (retries, body cap); the sandbox does the rest */
    public ExampleCheck(Supplier<ConnectorRuntime.Builder> engines) {
        this.engines = engines;
    }

    public Outcome check(Workspace workspace, Definitions.Pair pair, Example example) {
        long start = System.nanoTime();
        Action action = pair.action();
        CallRequest request = CallRequest.of(action.name()).build();
        Output output = null;
        Failure failure = null;
        List<String> problems;
        int served;
        UnaryOperator<String> mask;
        try (Sandbox sandbox = Sandbox.start(pair.connector(), action, example);
             ConnectorRuntime runtime = sandbox.retarget(engines.get().workspace(workspace.dir()).preloaded(pair))
                     .build()) {
            mask = runtime::redact; // the sandbox's own secrets: shown nowhere, not even in a difference
            try {
                output = runtime.call(sandbox.retarget(request)).output();
            } catch (Failure f) {
                failure = f;
            }
            problems = sandbox.problems();
            served = sandbox.served();
        }
        List<String> reasons = new ArrayList<>(problems);
        if (problems.isEmpty()) {
            Example.Response last = example.responses().get(example.responses().size() - 1);
            if (last.status() >= 400) {
                expectFailure(example, last.status(), failure, reasons);
            } else if (failure != null) {
                reasons.add("the run failed: " + failure.getMessage());
                failure.problems().stream().filter(Problem::isError)
                        .forEach(p -> reasons.add("  " + p.location() + ": " + p.message()));
            } else {
                if (served < example.responses().size()) {
                    reasons.add("the action asked for " + served + " of the example's " + example.responses().size()
                            + " responses");
                }
                if (example.output() != null) {
                    compare(example.output(), output, reasons);
                }
            }
        }
        reasons.replaceAll(mask);
        return new Outcome(action.name(), example.name(), reasons, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void expectFailure(Example example, int status, Failure failure, List<String> reasons) {
        if (failure == null) {
            reasons.add("expected the run to fail with the example's " + status + ", but it succeeded");
        } else if (failure.status() == null || failure.status() != status) {
            reasons.add("expected the run to fail with the example's " + status + ", but: " + failure.getMessage());
        }
        if (example.output() != null) {
            reasons.add("an example whose last response is an error has no `output`: the run prints nothing");
        }
    }

    private static void compare(JsonNode expected, Output output, List<String> reasons) {
        JsonNode actual = output.isJson() ? output.json() : Json.nodes().textNode(output.text());
        if (JsonDiff.equal(expected, actual)) {
            return;
        }
        reasons.add("the output differs from the example's `output`:");
        JsonDiff.differences(expected, actual).forEach(d -> reasons.add("  " + d));
        reasons.add("  expected: " + JsonDiff.show(expected, MAX_SHOWN));
        reasons.add("  actual:   " + JsonDiff.show(actual, MAX_SHOWN));
    }
}
