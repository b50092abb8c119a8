package dev.connectorruntime.cli;

import dev.connectorruntime.auth.TokenStore;
import dev.connectorruntime.auth.Warnings;
import dev.connectorruntime.auth.cache.DiskTokenStore;
import dev.connectorruntime.auth.cache.RedisTokenStore;
import dev.connectorruntime.auth.cache.RedisUrl;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * {@code --token-store URL} (SPEC §13), shared by {@code run}, {@code serve} and {@code token}: the one place that
 * chooses where an engine's tokens outlive the process. The sandbox and {@code test} never open a store.
 */
final class TokenStoreOption {

    static final String VARIABLE = "CONNECTOR_RUNTIME_TOKEN_STORE";

    @Option(names = "--token-store", paramLabel = "URL",
            description = "Where tokens are kept across processes: file (this machine's disk cache, the default) or"
                    + " redis://[user:password@]host:port[/db] (rediss:// for TLS), shared by every machine. Default:"
                    + " $" + VARIABLE + ", which ps does not show.")
    String url;

    /**
     * The store the option, else the environment, names; its warnings go to stderr. A Redis password is registered
     * with the command's redactor before anything can print it.
     */
    TokenStore open(Context context, boolean noTokenCache, PrintWriter err) {
        DiskTokenStore.Mode mode = noTokenCache ? DiskTokenStore.Mode.REFRESH_TOKENS_ONLY : DiskTokenStore.Mode.ALL;
        Warnings warnings = message -> {
            err.println("warning: " + Terminal.clean(context.redactor().redact(message)));
            err.flush();
        };
        String given = url != null ? url : context.environment().get(VARIABLE);
        if (given == null || given.isBlank() || given.strip().equals("file")) {
            return DiskTokenStore.open(context.environment(), mode, warnings);
        }
        String source = url != null ? "--token-store" : VARIABLE;
        if (given.contains("@")) {
            context.redactor().register(given); // user info may hold a password; a URL without it names no secret
        }
        RedisUrl redis = RedisUrl.parse(given, source);
        if (redis.password() != null) {
            context.redactor().register(redis.password());
        }
        return RedisTokenStore.open(redis, mode, warnings);
    }
}
