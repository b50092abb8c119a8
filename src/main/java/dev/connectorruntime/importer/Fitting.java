package dev.connectorruntime.importer;

import dev.connectorruntime.http.Origins;
import dev.connectorruntime.model.Auth;
import dev.connectorruntime.model.Connector;
import dev.connectorruntime.model.ReservedHeaders;
import dev.connectorruntime.secret.Placeholders;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Makes drafts into what {@code validate} accepts, saying in the report what it changed (SPEC §12: what is written
 * always passes {@code validate}): https for non-loopback base and token URLs, no reserved header, no header the
 * connector already sends, required-with-default resolved to the default, only §4's five formats.
 */
final class Fitting {

    private static final Set<String> FORMATS = Set.of("date", "date-time", "email", "uri", "uuid");
    /** Statuses SPEC §6 retries (for some methods): an example with one such response would fail in the sandbox. */
    private static final Set<Integer> RETRIED = Set.of(429, 502, 503, 504);
    private static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "array", "object");

    private Fitting() {
    }

    static ConnectorDraft connector(ConnectorDraft c, Report report) {
        ConnectorDraft fitted = c;
        if (c.baseUrl() != null) {
            fitted = fitted.withBaseUrl(url(c.baseUrl(), "base URL of connector " + c.name(), report));
        }
        if (c.auth() instanceof AuthDraft.OAuth2 o) {
            fitted = fitted.withAuth(o.withTokenUrl(url(o.tokenUrl(), "token URL of connector " + c.name(), report)));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        c.headers().forEach((name, value) -> {
            boolean apiKey = c.auth() instanceof AuthDraft.ApiKey k && k.in().equals("header")
                    && k.name().equalsIgnoreCase(name);
            if (ReservedHeaders.forConnector(name) || apiKey || !visible(value)) {
                report.dropped("header " + name + " of connector " + c.name(), apiKey
                        ? "the API key's header is set by auth" : !visible(value)
                        ? "header values are visible ASCII, spaces and tabs (RFC 9110)" : "the HTTP client sets it");
            } else {
                headers.put(name, value);
            }
        });
        return fitted.withHeaders(headers);
    }

    /**
     * An action for its connector: the connector's own headers and credentials are not repeated (a dry run prints
     * them, so a round trip would otherwise copy them into the action).
     *
     * @param connector the connector it will run with: a draft, or one of the workspace's ({@code existing})
     */
    static ActionDraft action(ActionDraft a, ConnectorDraft draft, Connector existing, Report report) {
        Map<String, String> headers = new LinkedHashMap<>();
        a.request().headers().forEach((name, value) -> {
            String why = headerDropped(name, value, draft, existing);
            if (why != null) {
                report.dropped("header " + name + " of action " + a.name(), why);
            } else {
                headers.put(name, value);
            }
        });
        Map<String, String> query = new LinkedHashMap<>(a.request().query());
        String queryKey = queryKey(draft, existing);
        if (queryKey != null && query.remove(queryKey) != null) {
            report.carried("query parameter " + queryKey + " of action " + a.name() + " as the connector's API key");
        }
        List<InputDraft> inputs = new ArrayList<>();
        for (InputDraft i : a.inputs()) {
            inputs.add(input(a.name(), i, report));
        }
        List<com.fasterxml.jackson.databind.node.ObjectNode> examples = new ArrayList<>();
        for (var e : a.examples()) {
            int status = e.path("response").path("status").asInt(200);
            if (RETRIED.contains(status)) {
                report.dropped("example \"" + e.path("name").asText() + "\" of action " + a.name(), "the runtime"
                        + " retries a " + status + ", so one response cannot be played: write `responses:` with one"
                        + " per attempt by hand");
            } else {
                examples.add(e);
            }
        }
        RequestDraft r = a.request();
        return new ActionDraft(a.name(), a.description(), a.connector(), inputs,
                new RequestDraft(r.method(), r.path(), query, headers, r.body()), examples, a.source());
    }

    private static InputDraft input(String action, InputDraft i, Report report) {
        String type = TYPES.contains(i.type()) ? i.type() : "object";
        if (!type.equals(i.type())) {
            report.approximated("type " + i.type() + " of input " + i.name() + " of action " + action,
                    "written as object: SPEC §4 has no such type");
        }
        String format = i.format();
        if (format != null && !FORMATS.contains(format)) {
            report.dropped("format " + format + " of input " + i.name() + " of action " + action,
                    "SPEC §4 checks only date, date-time, email, uri and uuid");
            format = null;
        }
        boolean required = i.required() && i.defaultValue() == null;
        return new InputDraft(i.name(), i.wireName(), type, required, i.defaultValue(), i.enumValues(), format,
                i.description(), i.more());
    }

    private static String headerDropped(String name, String value, ConnectorDraft draft, Connector existing) {
        if (ReservedHeaders.forConnector(name)) {
            return "the HTTP client sets it";
        }
        if (name.equalsIgnoreCase("authorization")) {
            return "credentials are the connector's auth";
        }
        if (name.equalsIgnoreCase("user-agent") && value.startsWith("connector-runtime/")) {
            return "the runtime sends its own";
        }
        if (Placeholders.contains(value)) {
            return "a secret may stand only in a connector (SPEC §3)";
        }
        if (!visible(value)) {
            return "header values are visible ASCII, spaces and tabs (RFC 9110)";
        }
        if (existing != null) {
            if (existing.auth() instanceof Auth.ApiKey k && k.in() == Auth.Placement.HEADER
                    && k.name().equalsIgnoreCase(name)) {
                return "the connector's API key";
            }
            for (var e : existing.headers().entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && e.getValue().source().equals(value)) {
                    return "connector " + existing.name() + " sends it";
                }
            }
        } else if (draft != null) {
            if (draft.auth() instanceof AuthDraft.ApiKey k && k.in().equals("header") && k.name().equalsIgnoreCase(name)) {
                return "the connector's API key";
            }
            for (var e : draft.headers().entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && e.getValue().equals(value)) {
                    return "connector " + draft.name() + " sends it";
                }
            }
        }
        return null;
    }

    private static boolean visible(String value) {
        return value.chars().allMatch(c -> c == '\t' || c >= 0x20 && c < 0x7f);
    }

    private static String queryKey(ConnectorDraft draft, Connector existing) {
        if (existing != null) {
            return existing.auth() instanceof Auth.ApiKey k && k.in() == Auth.Placement.QUERY ? k.name() : null;
        }
        return draft != null && draft.auth() instanceof AuthDraft.ApiKey k && k.in().equals("query") ? k.name() : null;
    }

    /** SPEC §2: https, or plain http on a loopback address; no trailing slash (the action's path brings one). */
    static String url(String url, String what, Report report) {
        String fitted = url;
        if (url.regionMatches(true, 0, "http://", 0, 7) && !Placeholders.contains(url)) {
            String host = host(url);
            if (host != null && !Origins.isLoopback(host)) {
                fitted = "https://" + url.substring(7);
                report.approximated(what + " " + url, "written as " + fitted
                        + ": plain http is allowed only on a loopback address");
            }
        }
        while (fitted.endsWith("/") && fitted.indexOf("//") + 2 < fitted.length() - 1) {
            fitted = fitted.substring(0, fitted.length() - 1);
        }
        return fitted;
    }

    private static String host(String url) {
        try {
            String h = new URI(url).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
