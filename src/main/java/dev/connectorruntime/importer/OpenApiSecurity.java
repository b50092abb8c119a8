package dev.connectorruntime.importer;

import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * OpenAPI security as a connector's auth (SPEC §2). A requirement list is an OR, the schemes of one requirement an
 * AND, an operation's {@code security: []} (or an empty requirement {@code {}}) means none. The first alternative
 * whose schemes all map is taken: {@code apiKey} in a header or the query, {@code http} basic and bearer, OAuth2's
 * {@code clientCredentials} and {@code password} flows. Cookie keys, the authorization code and implicit flows,
 * OpenID Connect and mutual TLS have no auth here and are reported. Within one requirement, a second API key in a
 * header becomes a connector header from a placeholder; any other second scheme is reported.
 */
final class OpenApiSecurity {

    /**
     * The auth an operation's requirement list maps to, as a key (scheme names joined with {@code +}, {@code ""} for
     * none) and a maker of drafts for a named connector.
     */
    record Choice(String key, List<String> schemes, Map<String, List<String>> scopes) {
    }

    private final Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
    private final Report report;
    private final Set<String> reported = new HashSet<>();

    OpenApiSecurity(Map<String, SecurityScheme> declared, OpenApiRefs refs, Report report) {
        this.report = report;
        if (declared != null) {
            declared.forEach((name, s) -> {
                SecurityScheme resolved = refs.scheme(s, "security scheme " + name);
                if (resolved != null) {
                    schemes.put(name, resolved);
                }
            });
        }
    }

    /** The alternative taken for a requirement list ({@code null}: the document's, or none). */
    Choice choose(List<SecurityRequirement> requirements) {
        if (requirements == null || requirements.isEmpty()) {
            return new Choice("", List.of(), Map.of());
        }
        for (SecurityRequirement r : requirements) {
            if (r.isEmpty()) {
                return new Choice("", List.of(), Map.of()); // an empty requirement: auth is optional
            }
            if (r.keySet().stream().allMatch(n -> why(n) == null)) {
                return choice(r, requirements);
            }
        }
        return choice(requirements.get(0), requirements);
    }

    private Choice choice(SecurityRequirement taken, List<SecurityRequirement> all) {
        for (SecurityRequirement r : all) {
            if (r != taken && reported.add("alt " + r.keySet() + " " + taken.keySet())) {
                report.dropped("security alternative " + String.join(" and ", r.keySet()), "a connector has one"
                        + " auth: " + String.join(" and ", taken.keySet()) + " was taken");
            }
        }
        return new Choice(String.join("+", taken.keySet()), List.copyOf(taken.keySet()), taken);
    }

    /**
     * The connector's auth for a choice, credentials as placeholders named after the connector; further API-key
     * headers of the same requirement go into {@code headers}.
     */
    AuthDraft auth(Choice choice, String connector, Map<String, String> headers) {
        AuthDraft auth = new AuthDraft.None();
        for (String name : choice.schemes()) {
            String why = why(name);
            if (why != null) {
                if (reported.add("why " + name)) {
                    report.dropped("security scheme " + name, why);
                }
                continue;
            }
            SecurityScheme s = schemes.get(name);
            AuthDraft a = map(s, connector, name, choice.scopes().getOrDefault(name, List.of()));
            if (auth instanceof AuthDraft.None) {
                auth = a;
                report.carried("security scheme " + name + " as the auth of connector " + connector);
            } else if (a instanceof AuthDraft.ApiKey k && k.in().equals("header")) {
                headers.put(k.name(), k.value());
                report.carried("security scheme " + name + " as a header of connector " + connector);
            } else {
                report.dropped("security scheme " + name + " of connector " + connector, "a connector has one auth,"
                        + " and only a second API key in a header joins it");
            }
        }
        return auth;
    }

    /** Why a scheme has no auth here, or {@code null} when it maps. */
    private String why(String name) {
        SecurityScheme s = schemes.get(name);
        if (s == null) {
            return "the document declares no such scheme";
        }
        if (s.getType() == null) {
            return "it has no type";
        }
        return switch (s.getType()) {
            case APIKEY -> s.getIn() == SecurityScheme.In.COOKIE
                    ? "an API key in a cookie: the runtime sends no cookies (put the key in a header if the API allows)"
                    : null;
            case HTTP -> s.getScheme() != null && List.of("basic", "bearer").contains(s.getScheme().toLowerCase(Locale.ROOT))
                    ? null : "HTTP scheme " + s.getScheme() + ": only basic and bearer are supported";
            case OAUTH2 -> flow(s.getFlows()) != null ? null : "OAuth2 without a clientCredentials or password flow"
                    + " (authorization code and implicit need a browser): set a bearer token or a refresh_token grant"
                    + " by hand";
            case OPENIDCONNECT -> "OpenID Connect discovery is not supported: write an oauth2 auth with its token URL";
            case MUTUALTLS -> "mutual TLS (a client certificate) is not supported";
        };
    }

    private static OAuthFlow flow(OAuthFlows flows) {
        if (flows == null) {
            return null;
        }
        return flows.getClientCredentials() != null ? flows.getClientCredentials() : flows.getPassword();
    }

    private AuthDraft map(SecurityScheme s, String connector, String name, List<String> scopes) {
        return switch (s.getType()) {
            case APIKEY -> new AuthDraft.ApiKey(s.getIn() == SecurityScheme.In.QUERY ? "query" : "header", s.getName(),
                    ImportNames.placeholder(connector, "api_key"));
            case HTTP -> s.getScheme().equalsIgnoreCase("basic")
                    ? new AuthDraft.Basic(ImportNames.placeholder(connector, "username"),
                            ImportNames.placeholder(connector, "password"))
                    : new AuthDraft.Bearer(ImportNames.placeholder(connector, "token"));
            case OAUTH2 -> oauth2(s.getFlows(), connector, name, scopes);
            default -> new AuthDraft.None();
        };
    }

    private AuthDraft oauth2(OAuthFlows flows, String connector, String name, List<String> scopes) {
        boolean client = flows.getClientCredentials() != null;
        OAuthFlow f = flow(flows);
        if (client && flows.getPassword() != null && reported.add("flows " + name)) {
            report.dropped("password flow of security scheme " + name, "the clientCredentials flow was taken");
        }
        List<String> asked = new ArrayList<>(scopes);
        String scope = asked.isEmpty() ? null : String.join(" ", asked);
        return new AuthDraft.OAuth2(client ? "client_credentials" : "password", f.getTokenUrl(),
                ImportNames.placeholder(connector, "client_id"), ImportNames.placeholder(connector, "client_secret"),
                client ? null : ImportNames.placeholder(connector, "username"),
                client ? null : ImportNames.placeholder(connector, "password"), null, scope, null);
    }
}
