package dev.connectorruntime.secret;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fills the placeholders of a connector's value fields (SPEC §3). A placeholder {@code <<name>>} takes
 * the environment variable {@code NAME} when it is set (the empty string is a value), else the key
 * {@code NAME} of the secrets file, else its default; otherwise it is missing.
 *
 * <p>The secrets file is read at most once, and only when some placeholder is not found in the
 * environment. Values taken from the environment or the file are registered with the redactor
 * (the engine's), and so is each whole resolved string that holds one;
 * literal text and defaults written in a definition are not secret by themselves.
 *
 * <p>Thread-safe.
 */
public final class SecretResolver {

    /**
     * Problem code: a placeholder with no value and no default. Kept for {@code run.DryRun}, which compares
     * problems with it; new code names {@link Code#SECRET_MISSING}.
     */
    public static final Code MISSING = Code.SECRET_MISSING;

    private final Map<String, String> environment;
    private final Path secretsFile;
    private final boolean secretsFileExplicit;
    private final Redactor redactor;
    private Map<String, SecretsFile.Entry> fileEntries;
    private RuntimeException fileFailure;

    /**
     * @param environment         the process environment ({@code System.getenv()}), or a map in tests
     * @param secretsFile         the secrets file: {@code --secrets FILE}, else {@code .env} in the workspace;
     *                            {@code null} for none (the sandbox: the environment given is all there is)
     * @param secretsFileExplicit whether the user named the file; then it must exist, while the default
     *                            {@code .env} may be absent
     * @param redactor            learns every value found
     */
    public SecretResolver(Map<String, String> environment, Path secretsFile, boolean secretsFileExplicit,
            Redactor redactor) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.secretsFile = secretsFile;
        this.secretsFileExplicit = secretsFileExplicit;
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    /**
     * Substitutes every placeholder of a template. A placeholder that cannot be resolved adds a
     * {@code secret-missing} problem at {@code where}; a malformed one adds a
     * {@code secret-bad-placeholder} problem and stays as text.
     *
     * @return the resolved value, or {@code null} when some placeholder is missing, so that the caller
     *     can collect every missing secret before failing
     * @throws Failure {@link Kind#USAGE} when an explicit secrets file does not exist or cannot be read,
     *     {@link Kind#INVALID} when the secrets file has a bad line; only when the file is needed
     */
    public Secret resolve(String template, Location where, List<Problem> problems) {
        StringBuilder value = new StringBuilder();
        boolean fromSecrets = false;
        boolean missing = false;
        for (Placeholders.Part part : Placeholders.parse(template, where, problems)) {
            if (part instanceof Placeholders.Part.Literal literal) {
                value.append(literal.text());
                continue;
            }
            Placeholders.Part.Placeholder placeholder = (Placeholders.Part.Placeholder) part;
            String found = lookUp(Placeholders.envName(placeholder.name()));
            if (found != null) {
                redactor.register(found);
                value.append(found);
                fromSecrets = true;
            } else if (placeholder.defaultValue() != null) {
                value.append(placeholder.defaultValue());
            } else {
                problems.add(missing(placeholder.name(), at(template, placeholder.name(), where)));
                missing = true;
            }
        }
        if (missing) {
            return null;
        }
        String resolved = value.toString();
        if (fromSecrets) {
            redactor.register(resolved);
        }
        return Secret.of(resolved);
    }

    private String lookUp(String key) {
        String fromEnvironment = environment.get(key);
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        SecretsFile.Entry entry = fileEntries().get(key);
        return entry == null ? null : entry.value().reveal();
    }

    private synchronized Map<String, SecretsFile.Entry> fileEntries() {
        if (fileFailure != null) {
            throw fileFailure;
        }
        if (fileEntries == null) {
            try {
                fileEntries = readFile();
            } catch (RuntimeException e) {
                fileFailure = e;
                throw e;
            }
        }
        return fileEntries;
    }

    private Map<String, SecretsFile.Entry> readFile() {
        if (secretsFile == null) {
            return Map.of();
        }
        if (Files.notExists(secretsFile)) {
            if (secretsFileExplicit) {
                throw Failure.of(Kind.USAGE, "secrets file " + secretsFile + " does not exist").code(Code.SECRETS_FILE)
                        .hint("check the path given to --secrets")
                        .build();
            }
            return Map.of();
        }
        return SecretsFile.parse(secretsFile);
    }

    /**
     * Where this placeholder itself stands, when the value is on one line and starts where {@code where} says (a
     * plain scalar): the caret then points at the second of two placeholders, not the first.
     */
    static Location at(String template, String name, Location where) {
        int index = template.indexOf("<<" + name);
        if (index <= 0 || where.line() <= 0 || where.column() <= 0 || template.indexOf('\n') >= 0) {
            return where;
        }
        return new Location(where.file(), where.line(), where.column() + template.codePointCount(0, index));
    }

    private Problem missing(String name, Location where) {
        String key = Placeholders.envName(name);
        return Problem.error(MISSING, where,
                "secret `<<" + name + ">>` is not set",
                "set the environment variable " + key
                        + (secretsFile == null ? "" : ", or add " + key + "=... to " + secretsFile));
    }
}
