package dev.connectorruntime.validate;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.model.Connector;
import dev.connectorruntime.model.SecretTemplate;
import dev.connectorruntime.secret.Placeholders;
import java.util.List;
import java.util.Locale;

/**
 * Warns about a credential written out in a connector file (issue 12): it travels wherever the file does, so it
 * belongs in a {@code <<placeholder>>} (SPEC §3). The warning names the field and suggests a placeholder; it never
 * shows the value.
 */
final class LiteralCredentials {

    private LiteralCredentials() {
    }

    static void check(Connector connector, List<Problem> problems) {
        connector.auth().credentials().forEach((key, value) -> check(connector, "auth", key, value, problems));
        connector.headers().forEach((name, value) -> {
            if (name.equalsIgnoreCase("authorization")) {
                check(connector, "headers", name, value, problems);
            }
        });
    }

    private static void check(Connector connector, String section, String key, SecretTemplate value,
                              List<Problem> problems) {
        if (value.source().isBlank() || Placeholders.contains(value.source())) {
            return;
        }
        String placeholder = (connector.name() + "_" + (key.equals("value") ? "api_key" : key))
                .toLowerCase(Locale.ROOT).replace('-', '_');
        problems.add(Problem.warning(Code.LITERAL_CREDENTIAL, value.location(),
                "`" + section + "." + key + "` holds a literal credential: whoever reads the file can use it",
                "put it in a placeholder: <<" + placeholder + ">> and " + placeholder.toUpperCase(Locale.ROOT)
                        + "=... in .env"));
    }
}
