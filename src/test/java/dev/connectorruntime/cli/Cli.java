package dev.connectorruntime.cli;

import dev.connectorruntime.http.Retrier;
import dev.connectorruntime.engine.ConnectorRuntime;
import dev.connectorruntime.secret.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import dev.connectorruntime.secret.Leaks;
import java.util.function.Supplier;

/** Drives the CLI through picocli with captured stdout and stderr, as a user's shell would. */
final class Cli {

    /** What a command printed and how it exited. */
    record Result(int exitCode, String out, String err) {
    }

    /** Under target/ when Maven runs the tests (see the pom), so the runs' caches go with {@code mvn clean}. */
    private static final Path CACHES = Path.of(System.getenv().getOrDefault("CONNECTOR_RUNTIME_CACHE_DIR",
            System.getProperty("java.io.tmpdir")));

    private Cli() {
    }

    /**
     * Runs in {@code cwd} with this environment; retries do not sleep. Unless the environment names a cache
     * directory, the run gets a fresh one of its own, so no test reads another's tokens or the user's.
     */
    static Result run(Path cwd, Map<String, String> env, String... args) {
        return run(engines(), cwd, env, args);
    }

    /** The engines tests use: retries do not sleep, and their jitter is always 0. */
    static Supplier<ConnectorRuntime.Builder> engines() {
        return () -> ConnectorRuntime.builder()
                .retriers(executor -> new Retrier(executor, d -> { }, bound -> 0, Clock.systemUTC()));
    }

    /**
     * Runs without the leak scan: for the one test that shows a secret on purpose (a JSON key that spells it, which
     * JSON-aware masking never touches).
     */
    static Result runShowingSecrets(Path cwd, Map<String, String> env, String... args) {
        return run(engines(), InputStream.nullInputStream(), cwd, env, false, args);
    }

    /** Runs with this as stdin. */
    static Result withStdin(InputStream stdin, Path cwd, Map<String, String> env, String... args) {
        return run(engines(), stdin, cwd, env, args);
    }

    /** Runs with these engines (ones with a small body cap, for one); every run has a redactor of its own. */
    static Result run(Supplier<ConnectorRuntime.Builder> engines, Path cwd, Map<String, String> env,
                      String... args) {
        return run(engines, InputStream.nullInputStream(), cwd, env, args);
    }

    private static Result run(Supplier<ConnectorRuntime.Builder> engines, InputStream stdin, Path cwd,
                              Map<String, String> env, String... args) {
        return run(engines, stdin, cwd, env, true, args);
    }

    private static Result run(Supplier<ConnectorRuntime.Builder> engines, InputStream stdin, Path cwd,
                              Map<String, String> env, boolean scan, String... args) {
        if (!env.containsKey("CONNECTOR_RUNTIME_CACHE_DIR") && !env.containsKey("XDG_CACHE_HOME")) {
            Map<String, String> withCache = new HashMap<>(env);
            try {
                Path fresh = Files.createTempDirectory(Files.createDirectories(CACHES), "run");
                withCache.put("CONNECTOR_RUNTIME_CACHE_DIR", fresh.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            env = withCache;
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true),
                new Context(env, cwd, false, engines, new Redactor(), stdin));
        Result result = new Result(code, out.toString(), err.toString());
        if (scan) {
            scanForLeaks(result, env, args);
        }
        return result;
    }

    /** Variables that hold secrets by their names: every CLI test's streams are searched for their values. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE_KEY).*");

    /**
     * SPEC §8 in every CLI test: the values of the secret variables the run was given, in every encoding of
     * {@link Leaks}, appear neither on stdout nor on stderr ({@code token --show} prints the token on request, the
     * one exception). Values under 6 characters are left out: they are masked only where they stand alone.
     */
    private static void scanForLeaks(Result result, Map<String, String> env, String... args) {
        if (List.of(args).contains("--show")) {
            return;
        }
        String[] secrets = env.entrySet().stream()
                .filter(e -> SECRET_NAME.matcher(e.getKey()).matches() && e.getValue().length() >= 6)
                .map(Map.Entry::getValue).toArray(String[]::new);
        Leaks.assertNone("stdout of " + String.join(" ", args), result.out(), secrets);
        Leaks.assertNone("stderr of " + String.join(" ", args), result.err(), secrets);
    }
}
