package dev.connectorruntime.auth.cache;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Redis's exceptions as the runtime's failures: every one is {@code network} (exit 6) and names the store by its
 * masked URL, never the URL as given. A store that cannot be used stops the run: going on without it would make
 * every process of a fleet log in on its own.
 */
final class RedisFailures {

    private RedisFailures() {
    }

    /** Runs one command (or script) against the store, translating what Redis throws. */
    static <T> T call(RedisUrl store, Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            throw of(store, e);
        }
    }

    static Failure of(RedisUrl store, JedisException e) {
        String detail = detail(e);
        if (e instanceof JedisAccessControlException || detail.startsWith("WRONGPASS") || detail.startsWith("NOAUTH")) {
            return Failure.of(Kind.NETWORK, "the token store " + store + " refused the login: " + detail)
                    .code(Code.TOKEN_STORE_AUTH)
                    .hint("check the user and password in the token store URL (--token-store or"
                            + " CONNECTOR_RUNTIME_TOKEN_STORE)").build();
        }
        Throwable ssl = cause(e, SSLException.class);
        Throwable timeout = cause(e, SocketTimeoutException.class);
        if (ssl != null || store.tls() && timeout != null && inHandshake(timeout)) {
            // a server without TLS reads the ClientHello as the start of a command and waits for the rest
            String why = ssl != null ? ssl.getMessage() : "no TLS answer within " + RedisTokenStore.TIMEOUT.toMillis()
                    + " ms";
            return Failure.of(Kind.NETWORK, "the TLS handshake with the token store " + store + " failed (" + why
                            + ")").code(Code.TOKEN_STORE_TLS)
                    .hint("rediss:// needs a Redis server with TLS on that port and a certificate the JVM trusts;"
                            + " use redis:// for a server without TLS (on a trusted network only)").build();
        }
        if (e instanceof JedisConnectionException) {
            return Failure.of(Kind.NETWORK, "cannot reach the token store " + store + ": " + reason(e))
                    .code(Code.TOKEN_STORE_UNREACHABLE)
                    .hint("check that Redis runs there and the token store URL (--token-store or"
                            + " CONNECTOR_RUNTIME_TOKEN_STORE); `--token-store file` uses this machine's disk cache"
                            + " instead").build();
        }
        return Failure.of(Kind.NETWORK, "the token store " + store + " answered an error: " + detail)
                .code(Code.TOKEN_STORE_FAILED).hint("the store must be a writable Redis primary").build();
    }

    private static String reason(JedisException e) {
        if (cause(e, ConnectException.class) != null) {
            return "connection refused";
        }
        if (cause(e, SocketTimeoutException.class) != null) {
            return "no answer within " + RedisTokenStore.TIMEOUT.toMillis() + " ms";
        }
        if (cause(e, UnknownHostException.class) != null) {
            return "unknown host";
        }
        return detail(e);
    }

    private static String detail(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).startsWith("unexpected end")
                ? "the connection closed" : message.strip();
    }

    /** The exception or one of its causes, or one they suppressed (Jedis keeps each address's failure so). */
    private static Throwable cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
            for (Throwable s : t.getSuppressed()) {
                Throwable found = cause(s, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean inHandshake(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith("sun.security.ssl.")) {
                return true;
            }
        }
        return false;
    }
}
