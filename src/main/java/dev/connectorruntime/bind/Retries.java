package dev.connectorruntime.bind;

import dev.connectorruntime.error.Problem;
import dev.connectorruntime.load.YMap;
import dev.connectorruntime.model.RetryPolicy;
import java.time.Duration;
import java.util.List;

/** {@code retry: { max_attempts, max_delay }}, the same in connectors and actions. */
final class Retries {

    private Retries() {
    }

    static RetryPolicy bind(Fields parent, List<Problem> problems) {
        YMap m = parent.map("retry", false);
        if (m == null) {
            return null;
        }
        Fields f = new Fields(m, "`retry`", problems);
        Long attempts = f.integer("max_attempts", 1, false);
        Duration maxDelay = f.duration("max_delay");
        f.finish();
        return new RetryPolicy(attempts == null ? RetryPolicy.DEFAULT.maxAttempts() : attempts.intValue(),
                maxDelay == null ? RetryPolicy.DEFAULT.maxDelay() : maxDelay);
    }
}
