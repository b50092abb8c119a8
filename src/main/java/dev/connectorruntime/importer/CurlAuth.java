package dev.connectorruntime.importer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The credentials of a curl line as a connector's auth (SPEC §2, §12): an {@code Authorization} header (Bearer,
 * Basic, or another scheme as an API key), {@code -u}, an API-key header or query parameter. Literals become
 * {@code <<connector_purpose>>} placeholders; a value that is already a placeholder (a shell variable, as a dry run
 * prints it) keeps its name. Further secret headers go to the connector's headers as placeholders.
 */
final class CurlAuth {

    /** The auth, the connector's headers, and the headers and query pairs left for the action. */
    record Result(AuthDraft auth, Map<String, String> connectorHeaders, List<Map.Entry<String, String>> headers,
                  List<Map.Entry<String, String>> query) {
    }

    private CurlAuth() {
    }

    static Result read(CurlRequest req, List<Map.Entry<String, String>> query, String connector, Report report) {
        AuthDraft auth = new AuthDraft.None();
        Map<String, String> connectorHeaders = new LinkedHashMap<>();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (req.user() != null) {
            int colon = req.user().indexOf(':');
            String user = colon >= 0 ? req.user().substring(0, colon) : req.user();
            auth = new AuthDraft.Basic(secret(connector, "username", user), colon >= 0
                    ? secret(connector, "password", req.user().substring(colon + 1))
                    : ImportNames.placeholder(connector, "password"));
            report.carried("option --user as basic auth" + (colon >= 0 ? "" : " (curl would ask for the password)"));
        }
        for (Map.Entry<String, String> h : req.headers()) {
            String name = h.getKey();
            String value = h.getValue();
            if (name.equalsIgnoreCase("authorization") && auth instanceof AuthDraft.None) {
                auth = authorization(value, connector);
                report.carried("header " + name + " as " + kind(auth) + " auth");
            } else if (name.equalsIgnoreCase("cookie")) {
                report.dropped("header Cookie", "cookies are not sent by the runtime; a session cookie is a"
                        + " credential it cannot mask");
            } else if ((Literals.secretName(name) || Literals.placeholder(value) || name.equalsIgnoreCase("authorization"))
                    && auth instanceof AuthDraft.None) {
                auth = new AuthDraft.ApiKey("header", name, secret(connector, "api_key", value));
                report.carried("header " + name + " as api_key auth");
            } else if (Literals.secretName(name) || Literals.placeholder(value)
                    || name.equalsIgnoreCase("authorization")) {
                connectorHeaders.put(name, secret(connector, ImportNames.input(name), value));
                report.carried("header " + name + " as a connector header from a placeholder");
            } else {
                headers.add(h);
            }
        }
        List<Map.Entry<String, String>> rest = new ArrayList<>();
        for (Map.Entry<String, String> q : query) {
            boolean secret = Literals.secretName(q.getKey()) || Literals.placeholder(q.getValue());
            if (secret && auth instanceof AuthDraft.None) {
                auth = new AuthDraft.ApiKey("query", q.getKey(), secret(connector, "api_key", q.getValue()));
                report.carried("query parameter " + q.getKey() + " as api_key auth");
            } else {
                rest.add(q);
            }
        }
        return new Result(auth, connectorHeaders, headers, rest);
    }

    private static AuthDraft authorization(String value, String connector) {
        int space = value.indexOf(' ');
        String scheme = space > 0 ? value.substring(0, space) : "";
        String credentials = space > 0 ? value.substring(space + 1).strip() : value;
        switch (scheme.toLowerCase(Locale.ROOT)) {
            case "bearer":
                return new AuthDraft.Bearer(secret(connector, "token", credentials));
            case "basic":
                String decoded = Literals.placeholder(credentials) ? null : decode(credentials);
                if (decoded != null && decoded.indexOf(':') >= 0) {
                    int colon = decoded.indexOf(':');
                    return new AuthDraft.Basic(secret(connector, "username", decoded.substring(0, colon)),
                            secret(connector, "password", decoded.substring(colon + 1)));
                }
                return new AuthDraft.ApiKey("header", "Authorization", "Basic " + secret(connector, "basic", credentials));
            default:
                return new AuthDraft.ApiKey("header", "Authorization",
                        (scheme.isEmpty() ? "" : scheme + " ") + secret(connector, "api_key", credentials));
        }
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A placeholder for a literal credential; a value already holding one (a shell variable) is kept. */
    static String secret(String connector, String purpose, String literal) {
        return Literals.placeholder(literal) ? literal : ImportNames.placeholder(connector, purpose);
    }

    private static String kind(AuthDraft a) {
        return a instanceof AuthDraft.Bearer ? "bearer" : a instanceof AuthDraft.Basic ? "basic" : "api_key";
    }
}
