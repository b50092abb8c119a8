package dev.connectorruntime.auth;

import dev.connectorruntime.auth.cache.DiskTokenStore;
import dev.connectorruntime.http.CallContext;
import dev.connectorruntime.http.HttpExecutor;
import dev.connectorruntime.http.Retrier;
import dev.connectorruntime.model.OAuth2;
import dev.connectorruntime.secret.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * One run of the runtime's auth in a JVM of its own, for {@link TwoProcessesShareOneCacheTest}: waits until every
 * process of the test is ready, then asks for credentials through the disk cache and prints where they came from.
 *
 * <p>Arguments: cache folder, token URL, barrier folder, this process's name, how many processes.
 */
public final class TokenCacheProcess {

    private TokenCacheProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path cache = Path.of(args[0]);
        String tokenUrl = args[1];
        Path barrier = Path.of(args[2]);
        int processes = Integer.parseInt(args[4]);
        Files.createFile(barrier.resolve(args[3]));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count(barrier) < processes) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the other processes did not start");
            }
            Thread.sleep(5);
        }
        Clock clock = Clock.systemUTC();
        try (HttpExecutor executor = new HttpExecutor(null)) {
            OAuth2.Password connector = TokenEndpoint.password(new OAuth2.Client(TokenEndpoint.t(tokenUrl),
                    TokenEndpoint.t("<<salesforce_consumer_key>>"), TokenEndpoint.t("<<salesforce_consumer_secret>>"),
                    null, null, OAuth2.ClientAuth.BODY, java.util.Map.of(), null, null, null));
            DiskTokenStore store = new DiskTokenStore(cache.resolve("tokens"), DiskTokenStore.Mode.ALL,
                    message -> System.err.println("warning: " + message), Duration.ofSeconds(30));
            Authenticator auth = Authenticators.create("salesforce", connector,
                    TokenEndpoint.resolver(TokenEndpoint.SALESFORCE_SECRETS),
                    new TokenClient(Retrier.standard(executor), clock, Duration.ofSeconds(20), new Redactor()), clock,
                    store);
            Credentials credentials = auth.credentials(CallContext.NONE);
            System.out.println(credentials.headers().get("Authorization").reveal() + " from "
                    + auth.status().token().source());
        }
    }

    private static long count(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
