package dev.connectorruntime.cli;

import dev.connectorruntime.run.ActionRunner;
import java.nio.file.Path;
import java.util.Map;

/**
 * What commands take from the world: the environment (where secrets are looked up), the current directory,
 * whether stdout is a terminal, and the runner (tests give one that does not sleep between retries).
 */
record Context(Map<String, String> environment, Path cwd, boolean terminal, ActionRunner runner) {
}
