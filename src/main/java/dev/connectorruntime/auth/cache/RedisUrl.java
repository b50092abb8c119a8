package dev.connectorruntime.auth.cache;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.secret.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a shared token store lives (SPEC §13): {@code redis://[user:password@]host:port[/db]}, or {@code rediss://}
 * for TLS. As Redis clients read such URLs, user info without a colon is a password alone. A class, not a record:
 * it holds the password. {@link #toString()} is the masked form every message uses,
 * {@code redis://****@127.0.0.1:6390}.
 */
public final class RedisUrl {

    private static final int DEFAULT_PORT = 6379;

    private final boolean tls;
    private final String host;
    private final int port;
    private final int database;
    private final String user;
    private final Secret password;

    private RedisUrl(boolean tls, String host, int port, int database, String user, Secret password) {
        this.tls = tls;
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    /** Whether the text names a Redis store at all (its scheme), so that a typo is not read as a file store. */
    public static boolean isRedis(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("redis://") || lower.startsWith("rediss://");
    }

    /**
     * Reads a store URL; {@code source} names where it came from ({@code --token-store},
     * {@code CONNECTOR_RUNTIME_TOKEN_STORE}) in the usage error. The error never quotes the text: it may hold the
     * password.
     */
    public static RedisUrl parse(String text, String source) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw bad(source, "it is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw bad(source, "its scheme is not redis or rediss");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw bad(source, "it names no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw bad(source, "it has a query or a fragment, which the store does not read");
        }
        int database = 0;
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (!path.isEmpty() && !path.equals("/")) {
            if (!path.matches("/\\d{1,4}")) {
                throw bad(source, "its path is not a database number (/0 to /9999)");
            }
            database = Integer.parseInt(path.substring(1));
        }
        String user = null;
        Secret password = null;
        String info = uri.getUserInfo();
        if (info != null && !info.isEmpty()) {
            int colon = info.indexOf(':');
            String u = colon < 0 ? "" : info.substring(0, colon);
            String p = colon < 0 ? info : info.substring(colon + 1);
            user = u.isEmpty() ? null : u;
            password = p.isEmpty() ? null : Secret.of(p);
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost(); // an IPv6 literal, as the socket wants it
        return new RedisUrl(scheme.equals("rediss"), host, uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
                database, user, password);
    }

    private static Failure bad(String source, String why) {
        return Failure.of(Kind.USAGE, source + " is not a token store: " + why).code(Code.TOKEN_STORE_URL)
                .hint("give `file` (the disk cache, the default) or redis://[user:password@]host:port[/db]"
                        + " (rediss:// for TLS)").build();
    }

    public boolean tls() {
        return tls;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public int database() {
        return database;
    }

    /** The ACL user, or {@code null} for the default user. */
    public String user() {
        return user;
    }

    /** The password, or {@code null}: to register with a redactor, and to log in. */
    public Secret password() {
        return password;
    }

    /** The URL with its user info masked: {@code redis://****@127.0.0.1:6390/2}. */
    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return (tls ? "rediss://" : "redis://") + (user != null || password != null ? "****@" : "") + h + ":" + port
                + (database == 0 ? "" : "/" + database);
    }
}
