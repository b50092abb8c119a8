package dev.connectorruntime.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.connectorruntime.auth.TokenEndpoint.PATH;
import static dev.connectorruntime.auth.TokenEndpoint.SALESFORCE_SECRETS;
import static dev.connectorruntime.auth.TokenEndpoint.bearerToken;
import static dev.connectorruntime.auth.TokenEndpoint.t;
import static dev.connectorruntime.auth.TokenEndpoint.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.connectorruntime.auth.cache.DiskTokenStore;
import dev.connectorruntime.auth.cache.RedisTokenStore;
import dev.connectorruntime.auth.cache.RedisUrl;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.http.CallContext;
import dev.connectorruntime.http.TestServers;
import dev.connectorruntime.model.OAuth2;
import dev.connectorruntime.redis.RedisServer;
import dev.connectorruntime.secret.Leaks;
import dev.connectorruntime.secret.Redactor;
import dev.connectorruntime.secret.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/**
 * The shared token store on a real Redis (SPEC §13): each authenticator with a store of its own stands for one
 * process (or machine) of a fleet, all of them sharing one Redis.
 */
class RedisTokenStoreTest {

    @RegisterExtension
    static final WireMockExtension server = TestServers.loopback();

    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    private final TokenEndpoint endpoint = new TokenEndpoint(server);
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final List<RedisTokenStore> stores = new ArrayList<>();

    @AfterEach
    void tearDown() {
        stores.forEach(RedisTokenStore::close);
        endpoint.close();
    }

    RedisTokenStore store() {
        return store(redis.url(), RedisTokenStore.Timing.DEFAULT);
    }

    RedisTokenStore store(String url, RedisTokenStore.Timing timing) {
        RedisTokenStore s = new RedisTokenStore(RedisUrl.parse(url, "--token-store"), DiskTokenStore.Mode.ALL,
                warnings::add, endpoint.clock, timing);
        stores.add(s);
        return s;
    }

    /** One process of the fleet: the seed's Salesforce connector with a store of its own on the shared Redis. */
    Authenticator process() {
        return endpoint.anotherRun(password(null), store(), new Redactor());
    }

    OAuth2.Password password(Duration expiresInDefault) {
        return TokenEndpoint.password(endpoint.client(OAuth2.ClientAuth.BODY, null, expiresInDefault));
    }

    private static String tokenKey() {
        return redis.dump().keySet().stream().filter(k -> k.startsWith("connector-runtime:v1:token:salesforce-"))
                .findFirst().orElseThrow();
    }

    @Test
    void credentialsWhenTheStoreIsEmptyThenOneRequestAndTheCiphertextIsStoredWithATtlAtTheExpiry() {
        server.stubFor(post(PATH).willReturn(okJson(token("first-access-7d2e", ",\"expires_in\":3600"))));

        Credentials c = process().credentials(CallContext.NONE);

        assertThat(bearerToken(c)).isEqualTo("Bearer first-access-7d2e");
        String key = tokenKey();
        assertThat(key).matches("connector-runtime:v1:token:salesforce-[0-9a-f]{32}");
        assertThat(redis.dump().get(key)).startsWith("CRTC").doesNotContain("first-access-7d2e");
        try (RedisClient c2 = redis.client()) {
            assertThat(c2.pttl(key)).as("absolute expiry: issued + expires_in, on the store's clock")
                    .isBetween(3_590_000L, 3_600_000L);
        }
    }

    @Test
    void credentialsWhenAnotherProcessStoredTheTokenThenReadFromTheStoreWithoutARequest() {
        server.stubFor(post(PATH).willReturn(okJson(token("shared", ",\"expires_in\":3600"))));
        process().credentials(CallContext.NONE);

        Authenticator second = process();
        Credentials reused = second.credentials(CallContext.NONE);

        assertThat(bearerToken(reused)).isEqualTo("Bearer shared");
        assertThat(second.status().token().source()).isEqualTo(Token.Source.CACHE);
        assertThat(endpoint.requests()).hasSize(1);
    }

    @Test
    void saveWhenTheExpiryIsUnknownThenNoTtlAndWithExpiresInDefaultThatTtl() {
        server.stubFor(post(PATH).willReturn(okJson(TokenEndpoint.SALESFORCE_SUCCESS)));
        process().credentials(CallContext.NONE);
        try (RedisClient c = redis.client()) {
            assertThat(c.pttl(tokenKey())).as("Salesforce sends no expires_in: kept until a 401").isEqualTo(-1L);
            c.flushAll();
        }

        endpoint.anotherRun(password(Duration.ofHours(2)), store(), new Redactor()).credentials(CallContext.NONE);

        try (RedisClient c = redis.client()) {
            assertThat(c.pttl(tokenKey())).isBetween(7_190_000L, 7_200_000L);
        }
    }

    @Test
    void renewWhenTheStoreStillHoldsTheRejectedTokenThenItIsDeletedAndOneProcessAsks() {
        TestServers.answerInTurn(server, () -> post(PATH), okJson(token("old", "")), okJson(token("new", "")));
        Authenticator first = process();
        Credentials rejected = first.credentials(CallContext.NONE);

        Credentials renewed = first.renew(rejected, CallContext.NONE);

        assertThat(bearerToken(renewed)).isEqualTo("Bearer new");
        Authenticator later = process();
        assertThat(bearerToken(later.credentials(CallContext.NONE))).isEqualTo("Bearer new");
        assertThat(endpoint.requests()).hasSize(2);
    }

    @Test
    void renewWhenAnotherProcessRenewedAlreadyThenItsTokenIsKeptAndUsedWithoutARequest() {
        TestServers.answerInTurn(server, () -> post(PATH), okJson(token("old", "")), okJson(token("new", "")));
        Authenticator first = process();
        Authenticator second = process();
        Credentials firstOld = first.credentials(CallContext.NONE);
        Credentials secondOld = second.credentials(CallContext.NONE);
        first.renew(firstOld, CallContext.NONE);

        Credentials c = second.renew(secondOld, CallContext.NONE);

        assertThat(bearerToken(c)).isEqualTo("Bearer new");
        assertThat(endpoint.requests()).as("compare-and-delete left the new token alone").hasSize(2);
        assertThat(bearerToken(process().credentials(CallContext.NONE))).isEqualTo("Bearer new");
    }

    @Test
    void renewWhenTheRejectedTokenCarriesARefreshTokenThenOnlyTheAccessTokenIsDropped() {
        TestServers.answerInTurn(server, () -> post(PATH),
                okJson(token("a1", ",\"refresh_token\":\"R1\"")), okJson(token("a2", "")));
        RedisTokenStore store = store();
        Authenticator first = endpoint.anotherRun(refreshGrant(), store, new Redactor());
        Credentials rejected = first.credentials(CallContext.NONE);

        first.renew(rejected, CallContext.NONE);

        assertThat(TokenEndpoint.form(endpoint.requests().get(1))).containsEntry("refresh_token", "R1");
        assertThat(endpoint.requests()).hasSize(2);
    }

    @Test
    void refreshTokenGrantWhenEveryProcessRenewsInTurnThenEachUsesTheNewestRotatedRefreshToken() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid_grant\"}").withHeader("Content-Type", "application/json")));
        for (int i = 0; i < 4; i++) {
            server.stubFor(post(PATH).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
                            .containing("refresh_token=R" + i))
                    .willReturn(okJson(token("a" + (i + 1), ",\"expires_in\":60,\"refresh_token\":\"R" + (i + 1)
                            + "\""))));
        }

        List<String> seen = new ArrayList<>();
        for (int process = 0; process < 4; process++) {
            // each process starts with R0 in its secrets; only the store knows the newest
            Authenticator p = endpoint.anotherRun(refreshGrant(), store(), new Redactor());
            seen.add(bearerToken(p.credentials(CallContext.NONE)));
            endpoint.clock.advance(Duration.ofSeconds(61));
        }

        assertThat(seen).containsExactly("Bearer a1", "Bearer a2", "Bearer a3", "Bearer a4");
        assertThat(endpoint.requests()).extracting(r -> TokenEndpoint.form(r).get("refresh_token"))
                .containsExactly("R0", "R1", "R2", "R3");
        assertThat(warnings).isEmpty();
    }

    @Test
    void rotateWhenTheStoredRefreshTokenIsNoLongerTheOneSpentThenNothingIsWritten() {
        RedisTokenStore store = store();
        TokenEntry entry = TokenEntry.of("salesforce", endpoint.tokenUrl(), "refresh_token", Secret.of("3MVG9.client"),
                null, null, List.of(Secret.of("R0")));
        Token newer = new Token(Secret.of("a-newer"), TokenEndpoint.START, null, null, null, Secret.of("R-newer"));
        store.save(entry, newer, true);

        boolean written = store.rotate(entry, new Token(Secret.of("a-late"), TokenEndpoint.START, null, null, null,
                Secret.of("R-late")), Secret.of("R-spent-long-ago"));

        assertThat(written).isFalse();
        assertThat(store.load(entry).refreshToken().reveal()).isEqualTo("R-newer");
        assertThat(warnings).containsExactly("another process stored a newer refresh token in " + redis.masked()
                + " while this one renewed (its lock ran out?); this process keeps its own in memory only");
    }

    @Test
    void credentialsWhenTheTokenEndpointJustFailedForAnotherProcessThenNoRequestUntilTheCooldownEnds() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(400).withHeader("Content-Type",
                "application/json").withBody("{\"error\":\"invalid_grant\",\"error_description\":\"locked\"}")));
        Failure first = catchThrowableOfType(Failure.class, () -> process().credentials(CallContext.NONE));
        assertThat(first.code()).isEqualTo(Code.TOKEN_REFUSED);

        Failure second = catchThrowableOfType(Failure.class, () -> process().credentials(CallContext.NONE));

        assertThat(second.kind()).isEqualTo(Kind.AUTH);
        assertThat(second.code()).isEqualTo(Code.TOKEN_ENDPOINT_COOLDOWN);
        assertThat(second.getMessage()).isEqualTo("the token endpoint failed for another process sharing the token"
                + " store " + redis.masked() + " (token-refused, status 400); it is not asked again for up to 5 s");
        assertThat(endpoint.requests()).hasSize(1);
    }

    @Test
    void credentialsWhenTheCooldownHasPassedThenAskedAgainAndItsSuccessEndsIt() throws InterruptedException {
        TestServers.answerInTurn(server, () -> post(PATH), aResponse().withStatus(503),
                okJson(token("back", "")));
        RedisTokenStore.Timing quick = new RedisTokenStore.Timing(Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofMillis(300));
        Authenticator first = endpoint.anotherRun(password(null), store(redis.url(), quick), new Redactor());
        catchThrowableOfType(Failure.class, () -> first.credentials(CallContext.NONE));
        Thread.sleep(400);

        Credentials c = endpoint.anotherRun(password(null), store(redis.url(), quick), new Redactor())
                .credentials(CallContext.NONE);

        assertThat(bearerToken(c)).isEqualTo("Bearer back");
        assertThat(redis.dump().keySet()).noneMatch(k -> k.contains(":cooldown:"));
    }

    @Test
    void lockedWhileTheOwnerWorksPastItsLeaseThenTheLeaseIsExtendedAndOthersWait() throws Exception {
        RedisTokenStore.Timing shortLease = new RedisTokenStore.Timing(Duration.ofSeconds(10), Duration.ofMillis(300),
                Duration.ofSeconds(5));
        RedisTokenStore a = store(redis.url(), shortLease);
        RedisTokenStore b = store(redis.url(), shortLease);
        TokenEntry entry = TokenEntry.of("salesforce", endpoint.tokenUrl(), "password", Secret.of("c"), null, null,
                List.of(Secret.of("s")));
        List<String> events = Collections.synchronizedList(new ArrayList<>());

        Thread holder = new Thread(() -> a.locked(entry, () -> {
            events.add("a in");
            sleep(1200); // four leases
            events.add("a out");
            return null;
        }));
        holder.start();
        sleep(200);
        b.locked(entry, () -> events.add("b in"));
        holder.join();

        assertThat(events).containsExactly("a in", "a out", "b in");
        assertThat(redis.dump().keySet()).as("released by its owner").noneMatch(k -> k.contains(":lock:"));
    }

    @Test
    void lockedWhenAnotherOwnerHoldsTheKeyThenReleaseLeavesTheOtherOwnersLock() {
        TokenEntry entry = TokenEntry.of("salesforce", endpoint.tokenUrl(), "password", Secret.of("c"), null, null,
                List.of(Secret.of("s")));
        RedisTokenStore.Timing quick = new RedisTokenStore.Timing(Duration.ofMillis(200), Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        RedisTokenStore a = store(redis.url(), quick);
        String lockKey = "connector-runtime:v1:lock:" + entry.name();
        try (RedisClient c = redis.client()) {
            c.set(lockKey, "someone-else");
            // waits 200 ms, then goes on without the lock, and must not delete the other owner's
            a.locked(entry, () -> null);
            assertThat(c.get(lockKey)).isEqualTo("someone-else");
        }
        assertThat(warnings).containsExactly("waited 200 ms for the token store's lock in " + redis.masked()
                + " held by another process; going on without it");
    }

    @Test
    void credentialsWhenRedisIsNotThereThenANetworkFailureNamingTheStoreMasked() {
        int closed = redis.port() + 1 == 65536 ? redis.port() - 1 : redis.port() + 1;
        Authenticator p = endpoint.anotherRun(password(null),
                store("redis://:" + RedisServer.PASSWORD + "@127.0.0.1:" + closed, RedisTokenStore.Timing.DEFAULT),
                new Redactor());

        Failure f = catchThrowableOfType(Failure.class, () -> p.credentials(CallContext.NONE));

        assertThat(f.kind()).isEqualTo(Kind.NETWORK);
        assertThat(f.exitCode()).isEqualTo(6);
        assertThat(f.code()).isEqualTo(Code.TOKEN_STORE_UNREACHABLE);
        assertThat(f.getMessage()).isEqualTo("cannot reach the token store redis://****@127.0.0.1:" + closed
                + ": connection refused");
        assertThat(endpoint.requests()).as("never a login of its own").isEmpty();
    }

    @Test
    void credentialsWhenThePasswordIsWrongThenAClearFailureWithoutThePassword() {
        Authenticator p = endpoint.anotherRun(password(null),
                store("redis://:wrong-pass-91@127.0.0.1:" + redis.port(), RedisTokenStore.Timing.DEFAULT),
                new Redactor());

        Failure f = catchThrowableOfType(Failure.class, () -> p.credentials(CallContext.NONE));

        assertThat(f.code()).isEqualTo(Code.TOKEN_STORE_AUTH);
        assertThat(f.exitCode()).isEqualTo(6);
        assertThat(f.getMessage()).isEqualTo("the token store " + redis.masked() + " refused the login: WRONGPASS"
                + " invalid username-password pair or user is disabled.");
        assertThat(endpoint.requests()).isEmpty();
    }

    @Test
    void credentialsWhenRedissMeetsAServerWithoutTlsThenATlsFailure() {
        Authenticator p = endpoint.anotherRun(password(null),
                store("rediss://:" + RedisServer.PASSWORD + "@127.0.0.1:" + redis.port(),
                        RedisTokenStore.Timing.DEFAULT), new Redactor());

        Failure f = catchThrowableOfType(Failure.class, () -> p.credentials(CallContext.NONE));

        assertThat(f.code()).isEqualTo(Code.TOKEN_STORE_TLS);
        assertThat(f.exitCode()).isEqualTo(6);
        assertThat(f.getMessage()).isEqualTo("the TLS handshake with the token store rediss://****@127.0.0.1:"
                + redis.port() + " failed (no TLS answer within 2000 ms)");
        assertThat(endpoint.requests()).isEmpty();
    }

    @Test
    void everyKeyAndValueInRedisAfterLoginsRenewalsAndRotationsHoldsNoTokenOrSecretInClear() {
        TestServers.answerInTurn(server, () -> post(PATH),
                okJson(token("leak-access-one-4b1f", ",\"refresh_token\":\"leak-refresh-one-77c0\",\"expires_in\":60")),
                okJson(token("leak-access-two-a9e3", ",\"refresh_token\":\"leak-refresh-two-5d12\"")),
                okJson(token("leak-access-three-0c4d", ",\"expires_in\":60")));
        Authenticator first = process();
        Credentials c = first.credentials(CallContext.NONE);
        first.renew(c, CallContext.NONE);
        process().credentials(CallContext.NONE);
        endpoint.anotherRun(refreshGrant(), store(), new Redactor()).credentials(CallContext.NONE);

        Map<String, String> dump = redis.dump();

        assertThat(dump).isNotEmpty();
        List<String> secrets = new ArrayList<>(List.of("leak-access-one-4b1f", "leak-refresh-one-77c0",
                "leak-access-two-a9e3", "leak-refresh-two-5d12", "leak-access-three-0c4d", "R0"));
        secrets.addAll(SALESFORCE_SECRETS.values());
        dump.forEach((key, value) -> {
            Leaks.assertNone("the Redis key " + key, key, secrets.toArray(String[]::new));
            Leaks.assertNone("the value of " + key, value, secrets.toArray(String[]::new));
        });
    }

    private OAuth2.RefreshToken refreshGrant() {
        return new OAuth2.RefreshToken(endpoint.client(OAuth2.ClientAuth.BODY, null, null), t("R0"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
