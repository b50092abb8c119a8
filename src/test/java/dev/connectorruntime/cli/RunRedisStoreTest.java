package dev.connectorruntime.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.redis.RedisServer;
import dev.connectorruntime.secret.Leaks;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code --token-store} and {@code CONNECTOR_RUNTIME_TOKEN_STORE} (SPEC §13) through the real CLI: runs on machines
 * that share nothing but Redis (each run has a disk cache of its own) share one token, a store that cannot be used
 * stops the run with exit 6 naming it masked, and the sandbox never opens it.
 */
class RunRedisStoreTest extends SalesforceServers {

    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    static final String TOKEN_PATH = "/services/oauth2/token";
    static final String TOKEN = "00Dshared!fleet-session-token";

    @BeforeEach
    void stubs() {
        login.stubFor(post(TOKEN_PATH).willReturn(okJson("{\"access_token\":\"" + TOKEN + "\",\"instance_url\":\""
                + instance.baseUrl() + "\",\"token_type\":\"Bearer\",\"issued_at\":\"1296509381665\"}")));
        instance.stubFor(get(urlPathEqualTo(RunSalesforceTest.QUERY))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson(RunSalesforceTest.page(null, "Ada Lovelace"))));
        env.remove("CONNECTOR_RUNTIME_CACHE_DIR"); // every run a fresh disk cache of its own: a machine of its own
        env.put("REDIS_PASSWORD", RedisServer.PASSWORD); // so every run's output is searched for it too
    }

    int tokenRequests() {
        return login.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))).size();
    }

    @Test
    void runFiveTimesOnFreshDiskCachesWithTheStoreInTheEnvironmentThenOneTokenRequest() {
        env.put("CONNECTOR_RUNTIME_TOKEN_STORE", redis.url());

        for (int i = 0; i < 5; i++) {
            Cli.Result r = Cli.run(dir, env, "run", "list-contacts");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).isEqualTo("[\"Ada Lovelace\"]\n");
            assertThat(r.err()).isEmpty();
        }

        assertThat(tokenRequests()).isEqualTo(1);
        redis.dump().forEach((key, value) -> {
            Leaks.assertNone("the Redis key " + key, key, TOKEN, SalesforceWorkspace.PASSWORD,
                    SalesforceWorkspace.SECURITY_TOKEN, SalesforceWorkspace.CONSUMER_SECRET);
            Leaks.assertNone("the value of " + key, value, TOKEN, SalesforceWorkspace.PASSWORD,
                    SalesforceWorkspace.SECURITY_TOKEN, SalesforceWorkspace.CONSUMER_SECRET);
        });
    }

    @Test
    void serveAndTokenTakeTheOptionToo() {
        Cli.Result serve = Cli.run(dir, env, "serve", "--mcp", "--token-store", "memcached://:pw-5@host:1");
        Cli.Result token = Cli.run(dir, env, "token", "salesforce", "--token-store", "memcached://:pw-5@host:1");

        for (Cli.Result r : List.of(serve, token)) {
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).startsWith("error: --token-store is not a token store: its scheme is not redis or"
                    + " rediss\n").doesNotContain("pw-5");
        }
    }

    @Test
    void runWithTheOptionThenItWinsOverTheEnvironment() {
        env.put("CONNECTOR_RUNTIME_TOKEN_STORE", "redis://127.0.0.1:1");

        Cli.Result r = Cli.run(dir, env, "run", "list-contacts", "--token-store", redis.url());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(redis.dump().keySet()).anyMatch(k -> k.startsWith("connector-runtime:v1:token:salesforce-"));
    }

    @Test
    void runWhenTheStoreIsDownThenExit6NamingItWithThePasswordMaskedAndNoLogin() {
        int closed = redis.port() == 65535 ? redis.port() - 1 : redis.port() + 1;
        env.put("CONNECTOR_RUNTIME_TOKEN_STORE", "redis://:" + RedisServer.PASSWORD + "@127.0.0.1:" + closed);

        Cli.Result r = Cli.run(dir, env, "run", "list-contacts");

        assertThat(r.exitCode()).isEqualTo(6);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: cannot reach the token store redis://****@127.0.0.1:" + closed
                + ": connection refused\n"
                + "  hint: check that Redis runs there and the token store URL (--token-store or"
                + " CONNECTOR_RUNTIME_TOKEN_STORE); `--token-store file` uses this machine's disk cache instead\n");
        assertThat(tokenRequests()).isZero();
    }

    @Test
    void runWhenAStoreWithoutPasswordIsDownThenTheMessageNamesItInFull() {
        int closed = redis.port() == 65535 ? redis.port() - 1 : redis.port() + 1;

        Cli.Result r = Cli.run(dir, env, "run", "list-contacts", "--token-store", "redis://127.0.0.1:" + closed);

        assertThat(r.exitCode()).isEqualTo(6);
        assertThat(r.err()).startsWith("error: cannot reach the token store redis://127.0.0.1:" + closed
                + ": connection refused\n");
    }

    @Test
    void runWhenThePasswordIsWrongThenExit6AndTheJsonErrorSaysTokenStoreAuth() {
        Cli.Result r = Cli.run(dir, env, "run", "list-contacts", "--json-errors", "--token-store",
                "redis://:wrong-password-0042@127.0.0.1:" + redis.port());

        assertThat(r.exitCode()).isEqualTo(6);
        assertThat(r.err()).contains("\"code\":\"token-store-auth\"")
                .contains("the token store " + redis.masked() + " refused the login: WRONGPASS")
                .doesNotContain("wrong-password-0042");
        assertThat(tokenRequests()).isZero();
    }

    @Test
    void runWithAUrlThatIsNotAStoreThenExit2WithoutQuotingIt() {
        Cli.Result r = Cli.run(dir, env, "run", "list-contacts", "--token-store", "redis://:pw-in-url-77@/0");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: --token-store is not a token store: it names no host\n"
                + "  hint: give `file` (the disk cache, the default) or redis://[user:password@]host:port[/db]"
                + " (rediss:// for TLS)\n");
    }

    @Test
    void runWithTokenStoreFileThenTheDiskCacheAsBefore() {
        env.put("CONNECTOR_RUNTIME_TOKEN_STORE", "file");

        Cli.Result r = Cli.run(dir, env, "run", "list-contacts");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(redis.dump()).isEmpty();
    }

    @Test
    void runInTheSandboxAndTestNeverOpenTheStore() {
        env.put("CONNECTOR_RUNTIME_TOKEN_STORE", "redis://127.0.0.1:1");

        Cli.Result sandbox = Cli.run(dir, env, "run", "list-contacts", "--sandbox");
        Cli.Result test = Cli.run(dir, env, "test");

        assertThat(sandbox.exitCode()).as(sandbox.err()).isZero();
        assertThat(test.exitCode()).as(test.err()).isZero();
    }

    @Test
    void tokenShowsTheStoredTokenAsCachedAndClearDropsItFromRedis() {
        env.put("CONNECTOR_RUNTIME_TOKEN_STORE", redis.url());
        Cli.run(dir, env, "run", "list-contacts");

        Cli.Result shown = Cli.run(dir, env, "token", "salesforce");
        Cli.Result cleared = Cli.run(dir, env, "token", "salesforce", "--clear");
        Cli.Result again = Cli.run(dir, env, "token", "--clear");

        assertThat(shown.out()).contains("cache (issued to an earlier run)");
        assertThat(cleared.out()).isEqualTo("dropped 1 cached token of `salesforce` in " + redis.masked() + "\n");
        assertThat(again.out()).isEqualTo("no cached token in " + redis.masked() + "\n");
        assertThat(redis.dump().keySet()).noneMatch(k -> k.contains(":token:"));
        assertThat(tokenRequests()).isEqualTo(1);
    }
}
