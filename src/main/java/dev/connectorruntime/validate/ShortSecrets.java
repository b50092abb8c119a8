package dev.connectorruntime.validate;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.model.Connector;
import dev.connectorruntime.model.SecretTemplate;
import dev.connectorruntime.secret.Placeholders;
import dev.connectorruntime.secret.Redactor;
import dev.connectorruntime.secret.Secret;
import dev.connectorruntime.secret.SecretResolver;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Warns about secret values so short that masking them everywhere would hide ordinary words: such a value is
 * masked only where it stands alone (SPEC §8, docs/secrets.md). Looks at the values the environment and the
 * secrets file give now; never at defaults written in the connector, never printing a value.
 */
public final class ShortSecrets {

    /** Below this many characters a value is masked only as a whole word or a whole JSON string value. */
    public static final int MIN_LENGTH = 6;

    private ShortSecrets() {
    }

    /** A warning per placeholder (once per connector) whose value is set, not empty, and shorter than 6. */
    public static List<Problem> check(List<Connector> connectors, SecretResolver resolver) {
        List<Problem> warnings = new ArrayList<>();
        for (Connector connector : connectors) {
            Set<String> seen = new LinkedHashSet<>();
            for (SecretTemplate t : connector.templates()) {
                for (Placeholders.Part part : Placeholders.parse(t.source(), t.location(), new ArrayList<>())) {
                    if (!(part instanceof Placeholders.Part.Placeholder p) || !seen.add(p.name())) {
                        continue;
                    }
                    // without its default: a default is written in the file and is no secret
                    Secret value;
                    try {
                        value = resolver.resolve("<<" + p.name() + ">>", t.location(), new ArrayList<>());
                    } catch (Failure unreadableSecretsFile) {
                        return warnings; // run reports the secrets file; validate checks definitions
                    }
                    int length = value == null ? 0 : value.length();
                    if (length > 0 && length < MIN_LENGTH) {
                        warnings.add(Problem.warning(Code.SECRET_SHORT, t.location(), "the value of `<<" + p.name()
                                        + ">>` is " + length + (length == 1 ? " character" : " characters")
                                        + " long: a secret that short is masked only where it stands alone",
                                "in JSON output only as a whole string value, in text only as a whole word: use a"
                                        + " longer credential (see docs/secrets.md, What is masked)"));
                    }
                }
            }
        }
        return warnings;
    }

    /** The resolver {@code validate} uses: values found are registered nowhere that prints. */
    public static SecretResolver resolver(java.util.Map<String, String> environment, java.nio.file.Path dotenv) {
        return new SecretResolver(environment, dotenv, false, new Redactor());
    }
}
