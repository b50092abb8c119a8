package dev.connectorruntime.run;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.model.Auth;
import dev.connectorruntime.model.Connector;
import dev.connectorruntime.model.OAuth2;
import dev.connectorruntime.model.SecretTemplate;
import dev.connectorruntime.secret.Secret;
import dev.connectorruntime.secret.SecretResolver;
import dev.connectorruntime.validate.HeaderValues;
import java.util.ArrayList;
import java.util.HashMap;
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
        List<Problem> headers = HeaderValues.problems(connector, values::get);
        if (!headers.isEmpty()) {
            throw Failure.invalid(headers);
        }
        return new ConnectorSecrets(values);
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
