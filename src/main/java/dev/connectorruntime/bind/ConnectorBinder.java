package dev.connectorruntime.bind;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.load.YMap;
import dev.connectorruntime.load.YNode;
import dev.connectorruntime.load.YScalar;
import dev.connectorruntime.model.Auth;
import dev.connectorruntime.model.Connector;
import dev.connectorruntime.model.OAuth2;
import dev.connectorruntime.model.RetryPolicy;
import dev.connectorruntime.model.SecretTemplate;
import dev.connectorruntime.secret.Placeholders;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A connector file's tree → {@link Connector}, every problem collected (SPEC §2, §3). */
public final class ConnectorBinder {

    private static final List<String> AUTH_TYPES = List.of("none", "basic", "bearer", "api_key", "oauth2");
    private static final List<String> GRANTS = List.of("client_credentials", "password", "refresh_token", "jwt_bearer");

    private final List<Problem> problems;

    private ConnectorBinder(List<Problem> problems) {
        this.problems = problems;
    }

    /**
     * Binds a connector file. Returns {@code null} when an error was added to {@code problems}.
     */
    public static Connector bind(YNode root, Path file, List<Problem> problems) {
        int before = errorCount(problems);
        Connector c = bindAsFarAsPossible(root, file, problems);
        return errorCount(problems) > before ? null : c;
    }

    /**
     * Binds what can be bound even when some fields are wrong (their problems added), so that validation can still
     * check the rest of the connector and its actions against it, and report every problem in one run. Never use
     * what this returns when a problem was added. {@code null} only when there is no usable {@code auth}.
     */
    public static Connector bindAsFarAsPossible(YNode root, Path file, List<Problem> problems) {
        return new ConnectorBinder(problems).connector(root, file);
    }

    static int errorCount(List<Problem> problems) {
        return (int) problems.stream().filter(Problem::isError).count();
    }

    private Connector connector(YNode root, Path file) {
        YMap map = Fields.mapping(root, "a connector file", problems);
        if (map == null) {
            return null;
        }
        Fields f = new Fields(map, "the connector", problems);
        String name = Names.check(f, file, problems);
        String description = plain(f, "description", false);
        SecretTemplate baseUrl = secret(f, "base_url", false);
        YMap authMap = f.map("auth", false);
        Auth auth = authMap == null ? new Auth.None() : auth(authMap);
        Map<String, SecretTemplate> headers = secretMap(f, "headers");
        headers.forEach((key, value) -> Names.refuseReservedHeader(false, key, value.location(), problems));
        java.time.Duration timeout = f.duration("timeout");
        Long maxBody = f.size("max_body");
        RetryPolicy retry = Retries.bind(f, problems);
        Path caFile = null;
        YMap tls = f.map("tls", false);
        if (tls != null) {
            Fields t = new Fields(tls, "`tls`", problems);
            String ca = plain(t, "ca_file", false);
            if (ca != null) {
                caFile = file.toAbsolutePath().getParent().resolve(ca).normalize();
            }
            t.finish();
        }
        f.finish();
        if (!f.has("base_url") && auth != null && !(auth instanceof OAuth2 o && o.client().baseUrlFrom() != null)) {
            problems.add(Problem.error(Code.MISSING_KEY, map.location(), "the connector needs `base_url`",
                    "set `base_url`, or `auth.base_url_from` when the token response names the API's URL"));
        }
        if (auth == null) {
            return null;
        }
        return new Connector(name != null ? name : Names.baseName(file), description, baseUrl, auth, headers,
                timeout, retry, caFile, maxBody, Location.of(file));
    }

    private Auth auth(YMap map) {
        Fields f = new Fields(map, "`auth`", problems);
        String type = f.oneOf("type", true, AUTH_TYPES);
        if (type == null) {
            return null;
        }
        Auth auth = switch (type) {
            case "none" -> new Auth.None();
            case "basic" -> new Auth.Basic(secret(f, "username", true), secret(f, "password", true));
            case "bearer" -> new Auth.Bearer(secret(f, "token", true));
            case "api_key" -> apiKey(f);
            default -> oauth2(f);
        };
        f.finish();
        return auth;
    }

    private Auth apiKey(Fields f) {
        String in = f.oneOf("in", true, List.of("header", "query"));
        String name = plain(f, "name", true);
        if (name != null && "header".equals(in)) {
            Names.checkHeaderName(name, f.locationOf("name"), problems);
            Names.refuseReservedHeader(false, name, f.locationOf("name"), problems);
        }
        SecretTemplate value = secret(f, "value", true);
        if (in == null || name == null || value == null) {
            return null;
        }
        return new Auth.ApiKey("header".equals(in) ? Auth.Placement.HEADER : Auth.Placement.QUERY, name, value);
    }

    private Auth oauth2(Fields f) {
        String grant = f.oneOf("grant_type", true, GRANTS);
        SecretTemplate tokenUrl = secret(f, "token_url", true);
        SecretTemplate clientId = secret(f, "client_id", true);
        boolean secretNeeded = "client_credentials".equals(grant) || "password".equals(grant);
        SecretTemplate clientSecret = "jwt_bearer".equals(grant) ? null : secret(f, "client_secret", secretNeeded);
        if ("jwt_bearer".equals(grant) && f.has("client_secret")) {
            problems.add(Problem.error(Code.UNKNOWN_KEY, f.keyLocationOf("client_secret"),
                    "`client_secret` has no use with the `jwt_bearer` grant",
                    "the JWT bearer grant proves the client by the assertion's signature: remove `client_secret`"));
        }
        SecretTemplate scope = secret(f, "scope", false);
        SecretTemplate audience = secret(f, "audience", "jwt_bearer".equals(grant));
        String clientAuthText = f.oneOf("client_auth", false, List.of("body", "basic"));
        Map<String, SecretTemplate> tokenParams = secretMap(f, "token_params");
        String baseUrlFrom = plain(f, "base_url_from", false);
        java.time.Duration expiresInDefault = f.duration("expires_in_default");
        java.time.Duration refreshMargin = f.duration("refresh_margin");
        if (grant == null || tokenUrl == null || clientId == null) {
            List.of("username", "password", "refresh_token", "private_key", "subject").forEach(f::has);
            return null;
        }
        OAuth2.Client client = new OAuth2.Client(tokenUrl, clientId, clientSecret, scope, audience,
                "basic".equals(clientAuthText) ? OAuth2.ClientAuth.BASIC : OAuth2.ClientAuth.BODY,
                tokenParams, baseUrlFrom, expiresInDefault, refreshMargin);
        return switch (grant) {
            case "client_credentials" -> new OAuth2.ClientCredentials(client);
            case "password" -> new OAuth2.Password(client, secret(f, "username", true), secret(f, "password", true));
            case "refresh_token" -> new OAuth2.RefreshToken(client, secret(f, "refresh_token", true));
            default -> new OAuth2.JwtBearer(client, secret(f, "private_key", true), secret(f, "subject", true));
        };
    }

    /** A value field where {@code <<placeholders>>} may stand (SPEC §3). */
    private SecretTemplate secret(Fields f, String key, boolean required) {
        YScalar s = f.scalar(key, required);
        return s == null ? null : secretOf(s);
    }

    private SecretTemplate secretOf(YScalar s) {
        Placeholders.parse(s.text(), s.location(), problems);
        return new SecretTemplate(s.text(), s.location());
    }

    private Map<String, SecretTemplate> secretMap(Fields f, String key) {
        if (f.node(key, false) instanceof YMap m) {
            // SPEC §3: the values may hold placeholders, the names may not
            m.entries().stream().filter(e -> Placeholders.contains(e.key())).forEach(e -> problems.add(
                    Problem.error(Code.PLACEHOLDER_NOT_ALLOWED, e.keyLocation(),
                            "`<<…>>` placeholders are not allowed in a `" + key + "` name", Names.PLACES_HINT)));
        }
        Map<String, SecretTemplate> out = new LinkedHashMap<>();
        (key.equals("headers") ? f.headers(key) : f.scalarMap(key)).forEach((k, v) -> out.put(k, secretOf(v)));
        return out;
    }

    /** A field where placeholders may not stand. */
    private String plain(Fields f, String key, boolean required) {
        YScalar s = f.scalar(key, required);
        if (s == null) {
            return null;
        }
        Names.refusePlaceholder(s, key, problems);
        return s.text();
    }
}
