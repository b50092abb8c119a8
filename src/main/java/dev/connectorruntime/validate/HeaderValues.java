package dev.connectorruntime.validate;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.http.Headers;
import dev.connectorruntime.model.Auth;
import dev.connectorruntime.model.Connector;
import dev.connectorruntime.model.SecretTemplate;
import dev.connectorruntime.secret.Placeholders;
import dev.connectorruntime.secret.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The values a connector sends as headers, checked: {@code validate} checks what is written in the file, {@code run}
 * also what its placeholders resolve to.
 */
public final class HeaderValues {

    private HeaderValues() {
    }

    /**
     * RFC 9110 §5.5: every value the connector sends as a header (its {@code headers}, a bearer token, an API key
     * in a header) is visible ASCII, spaces and tabs once resolved. A character written in the file is shown; one
     * that came from a secret is not, nor is the value.
     *
     * @param values the resolved values; a template without one (a missing secret) is skipped
     */
    public static List<Problem> problems(Connector connector, Function<SecretTemplate, Secret> values) {
        Map<SecretTemplate, String> sent = new LinkedHashMap<>();
        connector.headers().forEach((name, t) -> sent.put(t, "header `" + name + "`"));
        if (connector.auth() instanceof Auth.Bearer b) {
            sent.put(b.token(), "the bearer token");
        } else if (connector.auth() instanceof Auth.ApiKey k && k.in() == Auth.Placement.HEADER) {
            sent.put(k.value(), "API key header `" + k.name() + "`");
        }
        List<Problem> problems = new ArrayList<>();
        sent.forEach((t, what) -> {
            List<String> placeholders = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            for (Placeholders.Part p : Placeholders.parse(t.source(), t.location(), new ArrayList<>())) {
                if (p instanceof Placeholders.Part.Literal l) {
                    literal.append(l.text());
                } else {
                    placeholders.add("<<" + ((Placeholders.Part.Placeholder) p).name() + ">>");
                }
            }
            Problem written = Headers.writtenValueProblem(what, literal.toString(), t.location());
            Secret value = values.apply(t);
            if (written != null) {
                problems.add(written);
            } else if (value != null && Headers.badValueChar(value.reveal()) >= 0) {
                problems.add(Problem.error(Code.BAD_HEADER_VALUE, t.location(), what
                        + " would hold a character that is not visible ASCII once its placeholders are resolved",
                        Headers.VALUE_RULE + ": check what " + String.join(", ", placeholders) + " is set to"));
            }
        });
        return problems;
    }

}
