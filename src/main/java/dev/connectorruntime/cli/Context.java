package dev.connectorruntime.cli;

import dev.connectorruntime.engine.ConnectorRuntime;
import dev.connectorruntime.secret.Redactor;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * What commands take from the world: the environment (where secrets are looked up), the current directory,
 * whether stdout is a terminal, how engines are built (tests give builders whose retries do not sleep), the
 * command's redactor, shared by its engines and everything it prints, stdin ({@code --inputs -}, {@code serve
 * --mcp}) and the latch that SIGTERM and Ctrl-C count down for {@code serve}.
 */
record Context(Map<String, String> environment, Path cwd, boolean terminal,
               Supplier<ConnectorRuntime.Builder> engines, Redactor redactor, InputStream stdin, CountDownLatch stop) {

    /** Never stopped by a signal. */
    Context(Map<String, String> environment, Path cwd, boolean terminal, Supplier<ConnectorRuntime.Builder> engines,
            Redactor redactor, InputStream stdin) {
        this(environment, cwd, terminal, engines, redactor, stdin, new CountDownLatch(1));
    }

    /** Reading the process's stdin. */
    Context(Map<String, String> environment, Path cwd, boolean terminal, Supplier<ConnectorRuntime.Builder> engines,
            Redactor redactor) {
        this(environment, cwd, terminal, engines, redactor, System.in);
    }

    /** A builder for this command's engine: the environment, the redactor and the test settings already set. */
    ConnectorRuntime.Builder engine() {
        return engines.get().environment(environment).redactor(redactor);
    }
}
