package dev.connectorruntime.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.auth.GrantType;
import dev.connectorruntime.auth.TokenForm;
import dev.connectorruntime.compile.RenderedRequest;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.http.Form;
import dev.connectorruntime.http.Headers;
import dev.connectorruntime.http.Urls;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Auth;
import dev.connectorruntime.model.Connector;
import dev.connectorruntime.model.OAuth2;
import dev.connectorruntime.model.Paginate;
import dev.connectorruntime.model.SecretTemplate;
import dev.connectorruntime.run.Plan.Field;
import dev.connectorruntime.run.Plan.Value;
import dev.connectorruntime.secret.Placeholders;
import dev.connectorruntime.secret.Secret;
import dev.connectorruntime.secret.SecretResolver;
import dev.connectorruntime.validate.HeaderValues;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code run --dry-run} (SPEC §7): the plan of a run, built from the same definitions, inputs, rendering and URL
 * building as {@link ActionRunner}, with the same header precedence (the connector's, then the action's, then
 * credentials) and the token request's fields in the order {@code auth} sends them. Nothing is sent and no token
 * is fetched; a secret that is not set is a warning, since the plan refers to it only by name.
 */
public final class DryRun {

    private static final String PROBE = "http://plan.invalid";

    private final Set<String> names = new HashSet<>();

    private DryRun() {
    }

    /**
     * The plan of a call of {@code prepared}.
     *
     * @param inputs      typed input values
     * @param inputTexts  {@code NAME=VALUE} texts parsed by each input's type; they win over {@code inputs}
     * @param resolver    where secrets would come from: a missing one is only a warning
     * @param secretsFile the secrets file the resolver reads, or {@code null}
     * @throws Failure USAGE for a bad input value; INVALID for a secrets file that cannot be read
     */
    public static Plan plan(PreparedAction prepared, ObjectNode inputs, Map<String, String> inputTexts,
                            SecretResolver resolver, Path secretsFile) {
        return new DryRun().build(prepared, inputs, inputTexts, resolver, secretsFile);
    }

    private Plan build(PreparedAction prepared, ObjectNode inputs, Map<String, String> inputTexts,
                       SecretResolver resolver, Path secretsFile) {
        Action action = prepared.action();
        Connector connector = prepared.connector();
        List<Problem> warnings = missingSecrets(connector, resolver);
        RenderedRequest rendered = prepared.render(inputs, inputTexts);
        connector.templates().forEach(t -> symbolic(t).parts().forEach(p -> {
            if (p instanceof Plan.Variable v) {
                names.add(v.name());
            }
        }));

        List<Plan.Step> steps = new ArrayList<>();
        List<Field> credentials = new ArrayList<>();
        List<Field> credentialQuery = new ArrayList<>();
        Plan.Basic basic = null;
        Value base = symbolic(connector.baseUrl());
        Auth auth = connector.auth();
        if (auth instanceof OAuth2 o) {
            String token = unique("TOKEN");
            String baseVar = o.client().baseUrlFrom() == null ? null : unique(shellName(o.client().baseUrlFrom()));
            steps.add(tokenStep(o, token, baseVar));
            credentials.add(new Field("Authorization", Value.text("Bearer ").then(Value.variable(token))));
            base = baseVar != null ? Value.variable(baseVar) : base;
        } else if (auth instanceof Auth.Basic b) {
            basic = new Plan.Basic(symbolic(b.username()), symbolic(b.password()));
        } else if (auth instanceof Auth.Bearer b) {
            credentials.add(new Field("Authorization", Value.text("Bearer ").then(symbolic(b.token()))));
        } else if (auth instanceof Auth.ApiKey k) {
            (k.in() == Auth.Placement.HEADER ? credentials : credentialQuery).add(new Field(k.name(), symbolic(k.value())));
        }

        URI probe = Urls.build(PROBE, rendered.path(), rendered.query());
        if (action.paginate() != null) {
            probe = new Paginator(action.paginate()).first(probe);
        }
        Value url = withoutTrailingSlashes(base).then(Value.text(probe.toString().substring(PROBE.length())));

        Map<String, Value> connectorHeaders = new LinkedHashMap<>();
        connector.headers().forEach((name, value) -> connectorHeaders.put(name, symbolic(value)));
        Headers.Builder<Value> actionHeaders = Headers.builder();
        rendered.headers().forEach(h -> actionHeaders.set(h.name(), Value.text(h.value())));
        Headers.Builder<Value> credentialHeaders = Headers.builder();
        credentials.forEach(f -> credentialHeaders.set(f.name(), f.value()));
        List<Field> headers = new ArrayList<>();
        for (Headers.Header<Value> h : RequestHeaders.of(connectorHeaders, actionHeaders.build(),
                rendered.body() != null ? rendered.contentType() : null, credentialHeaders.build(), Value::text)) {
            if (basic == null || !h.name().equalsIgnoreCase("Authorization")) { // curl -u sends it
                headers.add(new Field(h.name(), h.value()));
            }
        }
        List<String> notes = new ArrayList<>();
        for (Field q : credentialQuery) {
            notes.add("curl encodes `" + q.name() + "` itself, a space as + and hex digits in lower case, where the"
                    + " runtime writes %20 and upper case: the same value to most servers.");
        }
        steps.add(new Plan.Step("The request" + pagination(action.paginate()), notes,
                rendered.method().name(), url, credentialQuery, headers, basic, List.of(), rendered.body()));
        return new Plan(action.name(), steps, warnings,
                secretsFile != null && Files.isRegularFile(secretsFile) ? secretsFile : null);
    }

    /** The token request as {@link TokenForm} describes it, with shell variables for every secret. */
    private Plan.Step tokenStep(OAuth2 o, String token, String baseVar) {
        OAuth2.Client c = o.client();
        GrantType grant = GrantType.of(o);
        List<String> notes = new ArrayList<>();
        notes.add("Set " + token + " to the access_token of its answer"
                + (baseVar == null ? "." : ", and " + baseVar + " to its " + c.baseUrlFrom() + "."));
        List<Field> form = new ArrayList<>();
        for (TokenForm.Field<Value> f : TokenForm.fields(o, grant, new TokenForm.Values<Value>() {
            @Override
            public Value text(String literal) {
                return Value.text(literal);
            }

            @Override
            public Value secret(SecretTemplate template) {
                return symbolic(template);
            }

            @Override
            public Value refreshToken() {
                return symbolic(o instanceof OAuth2.RefreshToken r ? r.refreshToken() : null);
            }

            @Override
            public Value assertion() {
                String assertion = unique("JWT_ASSERTION");
                notes.add(assertion + " is the RS256 JWT the runtime signs with `private_key` for each request"
                        + " (iss: client_id, sub: subject, aud: audience, exp: a few minutes ahead).");
                return Value.variable(assertion);
            }
        })) {
            form.add(new Field(f.name(), f.value()));
        }
        Plan.Basic basic = null;
        if (TokenForm.clientAuth(o, grant) == TokenForm.ClientAuth.BASIC) {
            basic = new Plan.Basic(symbolic(c.clientId()),
                    c.clientSecret() == null ? Value.text("") : symbolic(c.clientSecret()));
            notes.add("curl -u sends the client id and secret as they are; the runtime form-encodes them"
                    + " first (RFC 6749 §2.3.1): the same for letters, digits and -._~");
        }
        List<Field> headers = new ArrayList<>();
        for (Map.Entry<String, String> h : TokenForm.HEADERS.entrySet()) {
            headers.add(new Field(h.getKey(), Value.text(h.getValue())));
        }
        headers.add(new Field("Content-Type", Value.text(Form.MEDIA_TYPE)));
        return new Plan.Step("The token request (oauth2 " + o.grantType() + ").", notes, "POST",
                symbolic(c.tokenUrl()), List.of(), headers, basic, form, null);
    }

    private static String pagination(Paginate paginate) {
        if (paginate == null) {
            return ".";
        }
        return ", the first page only: the runtime then " + PageStyles.of(paginate.style()).description() + ".";
    }

    /** Every missing secret, as a warning: the plan names it without needing its value. */
    private static List<Problem> missingSecrets(Connector connector, SecretResolver resolver) {
        List<Problem> found = new ArrayList<>();
        Map<SecretTemplate, Secret> values = new HashMap<>();
        for (SecretTemplate t : connector.templates()) {
            Secret value = resolver.resolve(t.source(), t.location(), found);
            if (value != null) {
                values.put(t, value);
            }
        }
        List<Problem> warnings = new ArrayList<>();
        for (Problem p : found) {
            if (!p.code().equals(SecretResolver.MISSING)) {
                throw Failure.invalid(found);
            }
            warnings.add(Problem.warning(p.code(), p.location(), p.message(), p.hint()));
        }
        List<Problem> headers = HeaderValues.problems(connector, values::get);
        if (!headers.isEmpty()) {
            throw Failure.invalid(headers);
        }
        return warnings;
    }

    /** The template with each {@code <<placeholder>>} as its environment variable. */
    private static Value symbolic(SecretTemplate t) {
        if (t == null) {
            return new Value(List.of());
        }
        List<Plan.Part> parts = new ArrayList<>();
        for (Placeholders.Part p : Placeholders.parse(t.source(), t.location(), new ArrayList<>())) {
            if (p instanceof Placeholders.Part.Literal l) {
                parts.add(new Plan.Text(l.text()));
            } else {
                Placeholders.Part.Placeholder ph = (Placeholders.Part.Placeholder) p;
                parts.add(new Plan.Variable(Placeholders.envName(ph.name()), ph.defaultValue(), true));
            }
        }
        return new Value(parts);
    }

    /** Urls.build joins base and path with one slash. */
    private static Value withoutTrailingSlashes(Value base) {
        List<Plan.Part> parts = new ArrayList<>(base.parts());
        if (!parts.isEmpty() && parts.get(parts.size() - 1) instanceof Plan.Text t) {
            String s = t.text().replaceAll("/+$", "");
            parts.set(parts.size() - 1, new Plan.Text(s));
        }
        return new Value(parts);
    }

    private String unique(String name) {
        String n = name;
        while (names.contains(n)) {
            n = "RESPONSE_" + n;
        }
        names.add(n);
        return n;
    }

    private static String shellName(String field) {
        String n = field.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
        return Character.isDigit(n.charAt(0)) ? "_" + n : n;
    }
}
