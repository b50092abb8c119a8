package dev.connectorruntime.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.connectorruntime.auth.TokenEndpoint.PATH;
import static dev.connectorruntime.auth.TokenEndpoint.SALESFORCE_SECRETS;
import static dev.connectorruntime.auth.TokenEndpoint.bearerToken;
import static dev.connectorruntime.auth.TokenEndpoint.t;
import static dev.connectorruntime.auth.TokenEndpoint.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.connectorruntime.auth.cache.DiskTokenStore;
import dev.connectorruntime.http.CallContext;
import dev.connectorruntime.http.TestServers;
import dev.connectorruntime.model.OAuth2;
import dev.connectorruntime.secret.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-memory token meets the disk cache (SPEC §6): each authenticator here stands for one run of the runtime,
 * all of them sharing one cache folder.
 */
class OAuth2CacheTest {

    @RegisterExtension
    static final WireMockExtension server = TestServers.loopback();

    @TempDir
    Path dir;

    private final TokenEndpoint endpoint = new TokenEndpoint(server);
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void tearDown() {
        endpoint.close();
        assertThat(warnings).isEmpty();
    }

    DiskTokenStore store(DiskTokenStore.Mode mode) {
        return new DiskTokenStore(dir.resolve("tokens"), mode, warnings::add, Duration.ofSeconds(10));
    }

    Authenticator run(DiskTokenStore.Mode mode) {
        return endpoint.authenticator(password(), SALESFORCE_SECRETS, store(mode));
    }

    OAuth2.Password password() {
        return TokenEndpoint.password(endpoint.client(OAuth2.ClientAuth.BODY, null, null));
    }

    @Test
    void credentialsWhenAnEarlierRunCachedTheTokenThenNoTokenRequest() {
        server.stubFor(post(PATH).willReturn(okJson(token("first", ""))));

        Credentials first = run(DiskTokenStore.Mode.ALL).credentials(CallContext.NONE);
        Authenticator second = run(DiskTokenStore.Mode.ALL);
        Credentials reused = second.credentials(CallContext.NONE);

        assertThat(bearerToken(reused)).isEqualTo(bearerToken(first)).isEqualTo("Bearer first");
        assertThat(second.status().token().source()).isEqualTo(Token.Source.CACHE);
        assertThat(endpoint.requests()).hasSize(1);
    }

    @Test
    void credentialsWhenTheTokenComesFromTheCacheThenTheNewRunsRedactorMasksItAndItsRefreshToken() {
        server.stubFor(post(PATH).willReturn(
                okJson(token("cached-access-8f3a", ",\"refresh_token\":\"cached-refresh-b71c\""))));
        run(DiskTokenStore.Mode.ALL).credentials(CallContext.NONE);
        Redactor newRun = new Redactor();

        Authenticator second = endpoint.anotherRun(password(), store(DiskTokenStore.Mode.ALL), newRun);
        second.credentials(CallContext.NONE);

        assertThat(second.status().token().source()).isEqualTo(Token.Source.CACHE);
        assertThat(newRun.redact("token cached-access-8f3a, refresh cached-refresh-b71c"))
                .isEqualTo("token ****, refresh ****");
    }

    @Test
    void credentialsWhenTheCacheIsOffThenEveryRunAsks() {
        server.stubFor(post(PATH).willReturn(okJson(token("first", ""))));

        run(DiskTokenStore.Mode.REFRESH_TOKENS_ONLY).credentials(CallContext.NONE);
        Authenticator second = run(DiskTokenStore.Mode.REFRESH_TOKENS_ONLY);
        second.credentials(CallContext.NONE);

        assertThat(second.status().token().source()).isEqualTo(Token.Source.NEW);
        assertThat(endpoint.requests()).hasSize(2);
        assertThat(dir.resolve("tokens").resolve(entry().name())).doesNotExist();
    }

    @Test
    void credentialsWhenThePasswordChangedThenTheCacheMissesAndTheNewPasswordIsSent() {
        TestServers.answerInTurn(server, () -> post(PATH), okJson(token("first", "")), okJson(token("second", "")));
        run(DiskTokenStore.Mode.ALL).credentials(CallContext.NONE);
        Map<String, String> changed = new HashMap<>(SALESFORCE_SECRETS);
        changed.put("salesforce_password", "n3w pass");

        Credentials c = endpoint.authenticator(password(), changed, store(DiskTokenStore.Mode.ALL))
                .credentials(CallContext.NONE);

        assertThat(bearerToken(c)).isEqualTo("Bearer second");
        assertThat(TokenEndpoint.form(endpoint.requests().get(1))).containsEntry("password", "n3w passTOK=EN");
    }

    @Test
    void credentialsWhenTheCachedTokenIsWithinItsMarginThenRenewedWithTheCachedRefreshToken() {
        TestServers.answerInTurn(server, () -> post(PATH),
                okJson(token("a1", ",\"expires_in\":3600,\"refresh_token\":\"RT1\"")),
                okJson(token("a2", ",\"expires_in\":3600")));
        run(DiskTokenStore.Mode.ALL).credentials(CallContext.NONE);
        endpoint.clock.advance(Duration.ofSeconds(3540));

        Credentials renewed = run(DiskTokenStore.Mode.ALL).credentials(CallContext.NONE);

        assertThat(bearerToken(renewed)).isEqualTo("Bearer a2");
        assertThat(endpoint.grantTypes()).containsExactly("password", "refresh_token");
        assertThat(TokenEndpoint.form(endpoint.requests().get(1))).containsEntry("refresh_token", "RT1");
        Token onDisk = store(DiskTokenStore.Mode.ALL).load(entry());
        assertThat(onDisk.accessToken().reveal()).isEqualTo("a2");
        assertThat(onDisk.refreshToken().reveal()).as("RFC 6749 §6: the old one is kept").isEqualTo("RT1");
    }

    @Test
    void renewWhenAnotherRunAlreadyRenewedThenItsTokenIsUsedWithoutAsking() {
        TestServers.answerInTurn(server, () -> post(PATH), okJson(token("first", "")), okJson(token("second", "")));
        Authenticator a = run(DiskTokenStore.Mode.ALL);
        Authenticator b = run(DiskTokenStore.Mode.ALL);
        Credentials aRejected = a.credentials(CallContext.NONE);
        Credentials bRejected = b.credentials(CallContext.NONE);

        Credentials aRenewed = a.renew(aRejected, CallContext.NONE);
        Credentials bRenewed = b.renew(bRejected, CallContext.NONE);

        assertThat(bearerToken(aRenewed)).isEqualTo("Bearer second");
        assertThat(bearerToken(bRenewed)).isEqualTo("Bearer second");
        assertThat(endpoint.requests()).hasSize(2);
    }

    @Test
    void renewWhenTheCachedTokenIsTheRejectedOneThenAsksAndReplacesIt() {
        TestServers.answerInTurn(server, () -> post(PATH), okJson(token("first", "")), okJson(token("second", "")));
        run(DiskTokenStore.Mode.ALL).credentials(CallContext.NONE);
        Authenticator later = run(DiskTokenStore.Mode.ALL);

        Credentials renewed = later.renew(later.credentials(CallContext.NONE), CallContext.NONE);

        assertThat(bearerToken(renewed)).isEqualTo("Bearer second");
        assertThat(store(DiskTokenStore.Mode.ALL).load(entry()).accessToken().reveal()).isEqualTo("second");
        assertThat(endpoint.requests()).hasSize(2);
    }

    @Test
    void refreshTokenGrantWhenRotatedThenTheNewRefreshTokenIsOnDiskBeforeTheAccessTokenIsReturned() {
        TestServers.answerInTurn(server, () -> post(PATH),
                okJson(token("a1", ",\"refresh_token\":\"R1\"")), okJson(token("a2", ",\"refresh_token\":\"R2\"")));
        List<String> events = new ArrayList<>();
        TokenStore recording = recording(store(DiskTokenStore.Mode.REFRESH_TOKENS_ONLY), events);

        Credentials first = endpoint.authenticator(refreshGrant(), SALESFORCE_SECRETS, recording)
                .credentials(CallContext.NONE);
        events.add("used " + bearerToken(first));

        assertThat(events).containsExactly("save rotated=true", "used Bearer a1");
        Token kept = store(DiskTokenStore.Mode.ALL).load(entry("refresh_token"));
        assertThat(kept.accessToken()).as("--no-token-cache keeps no access token").isNull();
        assertThat(kept.refreshToken().reveal()).isEqualTo("R1");

        // the next run, cache still off, spends R1: the configured R0 may be revoked by now
        endpoint.authenticator(refreshGrant(), SALESFORCE_SECRETS, store(DiskTokenStore.Mode.REFRESH_TOKENS_ONLY))
                .credentials(CallContext.NONE);
        assertThat(endpoint.requests()).extracting(r -> TokenEndpoint.form(r).get("refresh_token"))
                .containsExactly("R0", "R1");
        assertThat(store(DiskTokenStore.Mode.ALL).load(entry("refresh_token")).refreshToken().reveal())
                .isEqualTo("R2");
    }

    @Test
    void refreshTokenGrantWhenTheSameRefreshTokenComesBackThenNothingIsWrittenWithTheCacheOff() {
        server.stubFor(post(PATH).willReturn(okJson(token("a1", ",\"refresh_token\":\"R0\""))));

        endpoint.authenticator(refreshGrant(), SALESFORCE_SECRETS, store(DiskTokenStore.Mode.REFRESH_TOKENS_ONLY))
                .credentials(CallContext.NONE);

        assertThat(dir.resolve("tokens").resolve(entry("refresh_token").name())).doesNotExist();
    }

    @Test
    void credentialsWhenTwentyRunsInOneProcessStartAtOnceThenOneTokenRequest() throws Exception {
        server.stubFor(post(PATH).willReturn(okJson(token("shared", "")).withFixedDelay(300)));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> all = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Authenticator own = run(DiskTokenStore.Mode.ALL);
                all.add(pool.submit(() -> {
                    go.await();
                    return bearerToken(own.credentials(CallContext.NONE));
                }));
            }
            go.countDown();
            for (Future<String> f : all) {
                assertThat(f.get(20, TimeUnit.SECONDS)).isEqualTo("Bearer shared");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(endpoint.requests()).hasSize(1);
    }

    @Test
    void theCacheFileNeverHoldsATokenOrSecretInTheClear() throws Exception {
        server.stubFor(post(PATH).willReturn(okJson(token("a1-access-token-value", ",\"refresh_token\":\"RT1-value\""))));

        run(DiskTokenStore.Mode.ALL).credentials(CallContext.NONE);

        byte[] bytes = Files.readAllBytes(dir.resolve("tokens").resolve(entry().name()));
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("a1-access-token-value").doesNotContain("RT1-value");
        SALESFORCE_SECRETS.values().forEach(v -> assertThat(text).doesNotContain(v));
    }

    private OAuth2.RefreshToken refreshGrant() {
        return new OAuth2.RefreshToken(endpoint.client(OAuth2.ClientAuth.BODY, null, null), t("R0"));
    }

    private TokenEntry entry() {
        return entry("password");
    }

    /** The entry the authenticator under test uses, built as {@link Authenticators} builds it. */
    private TokenEntry entry(String grant) {
        OAuth2 auth = grant.equals("password") ? password() : refreshGrant();
        var resolver = TokenEndpoint.resolver(SALESFORCE_SECRETS);
        return TokenEntry.of("salesforce", endpoint.tokenUrl(), grant, resolver.apply(auth.client().clientId()),
                auth instanceof OAuth2.Password p ? resolver.apply(p.username()) : null, null,
                auth.templates().stream().map(resolver).toList());
    }

    private static TokenStore recording(TokenStore store, List<String> events) {
        return new TokenStore() {
            @Override
            public Token load(TokenEntry entry) {
                return store.load(entry);
            }

            @Override
            public void save(TokenEntry entry, Token token, boolean rotated) {
                store.save(entry, token, rotated);
                events.add("save rotated=" + rotated);
            }

            @Override
            public <T> T locked(TokenEntry entry, Supplier<T> work) {
                return store.locked(entry, work);
            }
        };
    }
}
