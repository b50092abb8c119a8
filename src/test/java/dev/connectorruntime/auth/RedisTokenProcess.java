package dev.connectorruntime.auth;

import dev.connectorruntime.auth.cache.DiskTokenStore;
import dev.connectorruntime.auth.cache.RedisTokenStore;
import dev.connectorruntime.auth.cache.RedisUrl;
import dev.connectorruntime.http.CallContext;
import dev.connectorruntime.http.HttpExecutor;
import dev.connectorruntime.http.Retrier;
import dev.connectorruntime.model.OAuth2;
import dev.connectorruntime.secret.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One process of a fleet, in a JVM of its own, for {@link RedisProcessesTest}: waits until every process of the test
 * is ready, then asks for credentials through the shared Redis store (the URL from
 * {@code CONNECTOR_RUNTIME_TOKEN_STORE}, as the CLI reads it) and prints where they came from.
 *
 * <p>Arguments: token URL, barrier folder, this process's name, how many processes, the lock's lease in ms.
 */
public final class RedisTokenProcess {

    private RedisTokenProcess() {
    }

    public static void main(String[] args) throws Exception {
        String tokenUrl = args[0];
        Path barrier = Path.of(args[1]);
        int processes = Integer.parseInt(args[3]);
        Duration lease = Duration.ofMillis(Long.parseLong(args[4]));
        Files.createFile(barrier.resolve(args[2]));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count(barrier) < processes) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the other processes did not start");
            }
            Thread.sleep(5);
        }
        Clock clock = Clock.systemUTC();
        RedisUrl url = RedisUrl.parse(System.getenv("CONNECTOR_RUNTIME_TOKEN_STORE"), "CONNECTOR_RUNTIME_TOKEN_STORE");
        try (HttpExecutor executor = new HttpExecutor(null);
             RedisTokenStore store = new RedisTokenStore(url, DiskTokenStore.Mode.ALL,
                     message -> System.err.println("warning: " + message), clock,
                     new RedisTokenStore.Timing(Duration.ofSeconds(60), lease, Duration.ofSeconds(5)))) {
            OAuth2.Password connector = TokenEndpoint.password(new OAuth2.Client(TokenEndpoint.t(tokenUrl),
                    TokenEndpoint.t("<<salesforce_consumer_key>>"), TokenEndpoint.t("<<salesforce_consumer_secret>>"),
                    null, null, OAuth2.ClientAuth.BODY, Map.of(), null, null, null));
            Authenticator auth = Authenticators.create("salesforce", connector,
                    TokenEndpoint.resolver(TokenEndpoint.SALESFORCE_SECRETS),
                    new TokenClient(Retrier.standard(executor), clock, Duration.ofSeconds(60), new Redactor()), clock,
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
