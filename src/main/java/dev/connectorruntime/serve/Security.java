package dev.connectorruntime.serve;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.secret.Secret;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who may talk to {@code serve --http} (SPEC §11). Whoever reaches the server acts with the connectors'
 * credentials, so: a non-loopback bind needs a serve token ({@link #refusal}); with a token, every route but
 * {@code /healthz} needs {@code Authorization: Bearer <token>}, compared in constant time; the {@code Host} must
 * be a loopback name or address, the bound host or an allowed one; an {@code Origin}, when sent, must be loopback
 * or allowed. Those last two stop DNS rebinding: a web page whose name now points at 127.0.0.1 still sends its own
 * name as {@code Host} and its own origin.
 */
final class Security {

    /** The environment variable that holds the serve token. */
    static final String TOKEN_VARIABLE = "CONNECTOR_RUNTIME_SERVE_TOKEN";

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Secret token;
    private final String boundHost;
    private final Set<String> allowedHosts;
    private final Set<String> allowedOrigins;

    /**
     * @param token          the serve token, or {@code null}
     * @param boundHost      the host named with {@code --http}, lower case, or {@code null}
     * @param allowedHosts   {@code --allowed-host} values (host names, lower case, without port)
     * @param allowedOrigins {@code --allowed-origin} values ({@code scheme://host[:port]}, lower case)
     */
    Security(Secret token, String boundHost, Set<String> allowedHosts, Set<String> allowedOrigins) {
        this.token = token;
        this.boundHost = boundHost;
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /** Why the server may not listen there: a non-loopback address without a serve token; else {@code null}. */
    static Failure refusal(InetSocketAddress address, Secret token) {
        if (token != null || address.getAddress() != null && address.getAddress().isLoopbackAddress()) {
            return null;
        }
        return Failure.of(Kind.USAGE, "serve --http " + display(address) + " would let anyone who reaches this"
                        + " address act with the connectors' credentials")
                .code(Code.SERVE_TOKEN_REQUIRED)
                .hint("set " + TOKEN_VARIABLE + " to a long random value (callers send it as `Authorization: Bearer"
                        + " <value>`), or listen on 127.0.0.1")
                .build();
    }

    /** Why this request is refused ({@code unauthenticated} or {@code forbidden}), or {@code null}. */
    Failure check(String path, Map<String, List<String>> headers) {
        String host = first(headers, "Host");
        if (host == null || !hostAllowed(host)) {
            return Failure.of(Kind.USAGE, "the Host " + (host == null ? "header is missing" : quote(host)
                    + " is not allowed")).code(Code.FORBIDDEN)
                    .hint("call the server by a loopback address or the host it listens on, or start it with"
                            + " --allowed-host NAME").build();
        }
        String origin = first(headers, "Origin");
        if (origin != null && !originAllowed(origin)) {
            return Failure.of(Kind.USAGE, "the Origin " + quote(origin) + " is not allowed").code(Code.FORBIDDEN)
                    .hint("start the server with --allowed-origin " + clean(origin.toLowerCase(Locale.ROOT))
                            + " if that page may call it").build();
        }
        if (token != null && !path.equals("/healthz") && !bearerMatches(first(headers, "Authorization"))) {
            return Failure.of(Kind.USAGE, "this server needs its serve token").code(Code.UNAUTHENTICATED)
                    .hint("send `Authorization: Bearer <token>`, the value of " + TOKEN_VARIABLE
                            + " where the server runs").build();
        }
        return null;
    }

    private boolean bearerMatches(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            // still compare, so that a missing header costs what a wrong one does
            MessageDigest.isEqual(new byte[32], token.reveal().getBytes(StandardCharsets.UTF_8));
            return false;
        }
        byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token.reveal().getBytes(StandardCharsets.UTF_8));
    }

    private boolean hostAllowed(String hostHeader) {
        String host = stripPort(hostHeader.strip().toLowerCase(Locale.ROOT));
        return LOOPBACK_NAMES.contains(host) || host.equals(boundHost) || allowedHosts.contains(host)
                || isLoopbackLiteral(host);
    }

    private boolean originAllowed(String originHeader) {
        String origin = originHeader.strip().toLowerCase(Locale.ROOT);
        if (allowedOrigins.contains(origin)) {
            return true;
        }
        try {
            URI u = new URI(origin);
            String host = u.getHost();
            return host != null && (u.getScheme().equals("http") || u.getScheme().equals("https"))
                    && (LOOPBACK_NAMES.contains(host) || isLoopbackLiteral(host));
        } catch (URISyntaxException | RuntimeException e) {
            return false;
        }
    }

    /** {@code 127.0.0.2}, {@code [::1]}: an address literal on the loopback (never a name: no lookup here). */
    private static boolean isLoopbackLiteral(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!h.matches("[0-9.]+") && !h.matches("[0-9a-f:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 || host.indexOf(':', colon + 1) >= 0 ? host : host.substring(0, colon);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    private static String quote(String s) {
        return "`" + clean(s) + "`";
    }

    /** At most 100 visible ASCII characters of a caller's text, for messages and the access log. */
    static String clean(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 100; i++) {
            char c = s.charAt(i);
            b.append(c >= 32 && c < 127 ? c : '?');
        }
        return b.length() < s.length() ? b + "…" : b.toString();
    }

    /** {@code 127.0.0.1:8080}, {@code [::1]:8080}. */
    static String display(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
