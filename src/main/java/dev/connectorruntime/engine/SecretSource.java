package dev.connectorruntime.engine;

import dev.connectorruntime.secret.Redactor;
import dev.connectorruntime.secret.SecretResolver;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where {@code <<placeholder>>} values come from (SPEC §3): the environment variable of the upper-cased name,
 * else the same key in a secrets file, else the placeholder's default. Read when an action's connector is first
 * used, and again after {@link ConnectorRuntime#reload()}.
 */
public final class SecretSource {

    private final Map<String, String> environment;
    private final Path file;
    private final boolean explicit;
    private final boolean workspaceDotenv;

    private SecretSource(Map<String, String> environment, Path file, boolean explicit, boolean workspaceDotenv) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.file = file;
        this.explicit = explicit;
        this.workspaceDotenv = workspaceDotenv;
    }

    /** The process environment, then {@code .env} in the workspace when it exists: what the CLI does. */
    public static SecretSource environmentAndDotenv() {
        return new SecretSource(System.getenv(), null, false, true);
    }

    /** These variables, then {@code .env} in the workspace when it exists. */
    public static SecretSource environmentAndDotenv(Map<String, String> environment) {
        return new SecretSource(environment, null, false, true);
    }

    /** These variables, then this secrets file, which must exist. */
    public static SecretSource of(Map<String, String> environment, Path secretsFile) {
        return new SecretSource(environment, Objects.requireNonNull(secretsFile, "secretsFile"), true, false);
    }

    /** These variables only (and placeholder defaults): no file is read. */
    public static SecretSource of(Map<String, String> environment) {
        return new SecretSource(environment, null, false, false);
    }

    /** The variables this source reads first. */
    Map<String, String> environment() {
        return environment;
    }

    /** The secrets file for this workspace, or {@code null} for none. */
    Path file(Path workspace) {
        return file != null ? file : workspaceDotenv ? workspace.resolve(".env") : null;
    }

    /** Whether the file was named by the user, so that it must exist. */
    boolean explicit() {
        return explicit;
    }

    SecretResolver resolver(Path workspace, Redactor redactor) {
        return new SecretResolver(environment, file(workspace), explicit, redactor);
    }
}
