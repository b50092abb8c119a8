package dev.connectorruntime.sandbox;

import dev.connectorruntime.auth.Authenticators;
import dev.connectorruntime.model.Auth;
import dev.connectorruntime.model.OAuth2;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The API's door: which credentials a request must carry, by the connector's auth (the one switch over its type).
 * Basic, bearer and API keys must carry the sandbox's values; OAuth2 a token the sandbox's token endpoint issued.
 */
final class Gate {

    /** What a request's credentials are. */
    enum Verdict { ACCEPTED, MISSING, WRONG }

    private final String name;
    private final boolean inQuery;
    private final Predicate<String> accepts;
    private final String challenge;

    private Gate(String name, boolean inQuery, Predicate<String> accepts, String challenge) {
        this.name = name;
        this.inQuery = inQuery;
        this.accepts = accepts;
        this.challenge = challenge;
    }

    static Gate of(Auth auth, SandboxSecrets secrets, TokenEndpoint tokens) {
        if (auth instanceof Auth.Basic b) {
            String expected = Authenticators.basicHeader(secrets.resolve(b.username()), secrets.resolve(b.password()));
            return new Gate("Authorization", false, expected::equals, "Basic realm=\"sandbox\"");
        }
        if (auth instanceof Auth.Bearer b) {
            String expected = "Bearer " + secrets.resolve(b.token());
            return new Gate("Authorization", false, expected::equals, "Bearer realm=\"sandbox\"");
        }
        if (auth instanceof Auth.ApiKey k) {
            String expected = secrets.resolve(k.value());
            return new Gate(k.name(), k.in() == Auth.Placement.QUERY, expected::equals, null);
        }
        if (auth instanceof OAuth2) {
            return new Gate("Authorization", false, v -> v.toLowerCase(Locale.ROOT).startsWith("bearer ")
                    && tokens.issued(v.substring(7).trim()), "Bearer realm=\"sandbox\"");
        }
        return new Gate(null, false, v -> true, null);
    }

    Verdict check(RecordedRequest r) {
        if (name == null) {
            return Verdict.ACCEPTED;
        }
        String value = inQuery ? r.queryMap().getOrDefault(name, java.util.List.of()).stream().findFirst().orElse(null)
                : r.header(name);
        if (value == null) {
            return Verdict.MISSING;
        }
        return accepts.test(value) ? Verdict.ACCEPTED : Verdict.WRONG;
    }

    /** The query parameter the API key travels in, or {@code null}. */
    String queryParameter() {
        return inQuery ? name : null;
    }

    /** RFC 9110 §11.6.1: a 401 names the scheme to use, where there is one. */
    Map.Entry<String, String> challenge() {
        return challenge == null ? null : Map.entry("WWW-Authenticate", challenge);
    }
}
