package dev.connectorruntime.run;

import dev.connectorruntime.http.Deadline;
import dev.connectorruntime.http.ExecutorOptions;
import dev.connectorruntime.http.HttpListener;
import dev.connectorruntime.http.Proxies;
import java.util.Map;
import java.util.Objects;

/**
 * How {@code run} executes, besides what it runs.
 *
 * @param listener sees every request and answer ({@code -v})
 * @param deadline the total deadline of the run ({@code --timeout}), started when the command started
 */
public record RunOptions(HttpListener listener, Deadline deadline) {

    /** Nobody listening, no total deadline. */
    public static final RunOptions DEFAULT = new RunOptions(HttpListener.NONE, Deadline.NONE);

    public RunOptions {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(deadline, "deadline");
    }

    /** The executor's options; proxies come from the environment the run was given (SPEC §2). */
    ExecutorOptions executor(Map<String, String> environment) {
        return new ExecutorOptions(Proxies.fromEnvironment(environment), listener, deadline);
    }
}
