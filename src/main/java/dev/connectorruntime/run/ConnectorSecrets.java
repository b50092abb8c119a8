package dev.connectorruntime.run;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.http.Headers;
import dev.connectorruntime.model.Auth;
import dev.connectorruntime.model.Connector;
import dev.connectorruntime.model.OAuth2;
import dev.connectorruntime.model.SecretTemplate;
import dev.connectorruntime.secret.Placeholders;
import dev.connectorruntime.secret.Secret;
import dev.connectorruntime.secret.SecretResolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Every {@code <<placeholder>>} of a connector resolved up front, so that all missing ones are named at once. */
final class ConnectorSecrets implements Function<SecretTemplate, Secret> {

    private final Map<SecretTemplate, Secret> values;

    private ConnectorSecrets(Map<SecretTemplate, Secret> values) {
        this.values = values;
    }

    /** @throws Failure INVALID naming each missing secret and where it stands, before any network traffic */
    static ConnectorSecrets resolve(Connector connector, SecretResolver resolver) {
        List<Problem> problems = new ArrayList<>();
        Map<SecretTemplate, Secret> values = new HashMap<>();
        for (SecretTemplate t : connector.templates()) {
            Secret s = resolver.resolve(t.source(), t.location(), problems);
            if (s != null) {
                values.put(t, s);
            }
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            throw Failure.invalid(problems, Code.SECRET_MISSING);
        }
        List<Problem> headers = headerProblems(connector, values::get);
        if (!headers.isEmpty()) {
            throw Failure.invalid(headers);
        }
        return new ConnectorSecrets(values);
    }

    /**
     * RFC 9110 §5.5: every value the connector sends as a header (its {@code headers}, a bearer token, an API key
     * in a header) is visible ASCII, spaces and tabs once resolved. A character written in the file is shown; one
     * that came from a secret is not, nor is the value.
     *
     * @param values the resolved values; a template without one (a missing secret) is skipped
     */
    static List<Problem> headerProblems(Connector connector, Function<SecretTemplate, Secret> values) {
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

    /** The same values, with the base and token URLs re-based on {@code target}'s origin; {@code this} without one. */
    ConnectorSecrets retargeted(Connector connector, Target target) {
        if (target == null) {
            return this;
        }
        Map<SecretTemplate, Secret> moved = new HashMap<>(values);
        List<SecretTemplate> urls = new ArrayList<>(Auth.present(connector.baseUrl()));
        if (connector.auth() instanceof OAuth2 o) {
            urls.add(o.client().tokenUrl());
        }
        for (SecretTemplate url : urls) {
            Secret value = values.get(url);
            if (value != null) {
                moved.put(url, Secret.of(target.rebase(value.reveal())));
            }
        }
        return new ConnectorSecrets(moved);
    }

    @Override
    public Secret apply(SecretTemplate t) {
        return t == null ? null : values.get(t);
    }
}
