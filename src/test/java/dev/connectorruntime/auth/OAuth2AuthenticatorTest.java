package dev.connectorruntime.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.connectorruntime.auth.TokenEndpoint.PATH;
import static dev.connectorruntime.auth.TokenEndpoint.bearerToken;
import static dev.connectorruntime.auth.TokenEndpoint.t;
import static dev.connectorruntime.auth.TokenEndpoint.token;
import static dev.connectorruntime.auth.TokenClientTest.salesforceError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.http.CallContext;
import dev.connectorruntime.http.Cancellation;
import dev.connectorruntime.http.Deadline;
import dev.connectorruntime.http.HttpCall;
import dev.connectorruntime.http.HttpListener;
import dev.connectorruntime.http.TestServers;
import dev.connectorruntime.model.OAuth2;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Token reuse, expiry, renewal after a 401, one request at a time, refresh tokens (SPEC §2, §6). */
class OAuth2AuthenticatorTest {

    @RegisterExtension
    static final WireMockExtension server = TestServers.loopback();

    private final TokenEndpoint endpoint = new TokenEndpoint(server);

    @AfterEach
    void tearDown() {
        endpoint.close();
    }

    @Test
    void credentialsWhenTokenExpiresInAnHourThenReusedUntil60SecondsBeforeThenRenewed() {
        TestServers.answerInTurn(server, () -> post(PATH),
                okJson(token("first", ",\"expires_in\":3600")), okJson(token("second", ",\"expires_in\":3600")));
        Authenticator auth = endpoint.authenticator(noBaseUrl());

        Credentials first = auth.credentials(CallContext.NONE);
        endpoint.clock.advance(Duration.ofSeconds(3539));
        Credentials stillFirst = auth.credentials(CallContext.NONE);
        endpoint.clock.advance(Duration.ofSeconds(1));
        Credentials second = auth.credentials(CallContext.NONE);

        assertThat(stillFirst).isSameAs(first);
        assertThat(bearerToken(first)).isEqualTo("Bearer first");
        assertThat(bearerToken(second)).isEqualTo("Bearer second");
        assertThat(endpoint.requests()).hasSize(2);
    }

    @Test
    void credentialsWhenTokenLivesFiveSecondsThenTheMarginIsHalfItsLifetime() {
        TestServers.answerInTurn(server, () -> post(PATH),
                okJson(token("first", ",\"expires_in\":5")), okJson(token("second", ",\"expires_in\":5")));
        Authenticator auth = endpoint.authenticator(noBaseUrl());

        Credentials first = auth.credentials(CallContext.NONE);
        endpoint.clock.advance(Duration.ofMillis(2499));
        assertThat(auth.credentials(CallContext.NONE)).isSameAs(first);
        endpoint.clock.advance(Duration.ofMillis(1));
        assertThat(bearerToken(auth.credentials(CallContext.NONE))).isEqualTo("Bearer second");
        assertThat(endpoint.requests()).hasSize(2);
    }

    @Test
    void credentialsWhenNoExpiresInThenReusedIndefinitelyUntilRenewed() {
        TestServers.answerInTurn(server, () -> post(PATH), okJson(token("first", "")), okJson(token("second", "")));
        Authenticator auth = endpoint.authenticator(noBaseUrl());

        Credentials first = auth.credentials(CallContext.NONE);
        endpoint.clock.advance(Duration.ofDays(30));
        assertThat(auth.credentials(CallContext.NONE)).isSameAs(first);
        assertThat(endpoint.requests()).hasSize(1);

        Credentials renewed = auth.renew(first, CallContext.NONE);

        assertThat(bearerToken(renewed)).isEqualTo("Bearer second");
        assertThat(auth.credentials(CallContext.NONE)).isSameAs(renewed);
        assertThat(endpoint.requests()).hasSize(2);
    }

    @Test
    void renewWhenAnotherRequestAlreadyRenewedThenReturnsTheCurrentCredentialsWithoutAsking() {
        TestServers.answerInTurn(server, () -> post(PATH), okJson(token("first", "")), okJson(token("second", "")));
        Authenticator auth = endpoint.authenticator(noBaseUrl());
        Credentials rejected = auth.credentials(CallContext.NONE);
        Credentials renewed = auth.renew(rejected, CallContext.NONE);

        Credentials again = auth.renew(rejected, CallContext.NONE);

        assertThat(again).isSameAs(renewed);
        assertThat(endpoint.requests()).hasSize(2);
    }

    @Test
    void credentialsWhenTwentyThreadsAskAtOnceThenOneTokenRequest() throws Exception {
        server.stubFor(post(PATH).willReturn(okJson(token("shared", "")).withFixedDelay(200)));
        Authenticator auth = endpoint.authenticator(noBaseUrl());

        List<Credentials> all = atOnce(20, () -> auth.credentials(CallContext.NONE));

        assertThat(all).hasSize(20).allSatisfy(c -> assertThat(c).isSameAs(all.get(0)));
        assertThat(endpoint.requests()).hasSize(1);
    }

    @Test
    void renewWhenTenRequestsGot401AtOnceThenOneTokenRequest() throws Exception {
        TestServers.answerInTurn(server, () -> post(PATH), okJson(token("first", "")),
                okJson(token("second", "")).withFixedDelay(200));
        Authenticator auth = endpoint.authenticator(noBaseUrl());
        Credentials rejected = auth.credentials(CallContext.NONE);

        List<Credentials> all = atOnce(10, () -> auth.renew(rejected, CallContext.NONE));

        assertThat(all).allSatisfy(c -> assertThat(c).isSameAs(all.get(0)));
        assertThat(bearerToken(all.get(0))).isEqualTo("Bearer second");
        assertThat(endpoint.requests()).hasSize(2);
    }

    @Test
    void credentialsWhileAnotherCallHoldsTheRenewalThenACancelledOrLateCallStopsWaitingAndTheFirstGetsItsToken()
            throws Exception {
        server.stubFor(post(PATH).willReturn(okJson(token("slow", "")).withFixedDelay(3000)));
        Authenticator auth = endpoint.authenticator(noBaseUrl());
        CountDownLatch renewing = new CountDownLatch(1);
        CallContext first = new CallContext(new HttpListener() {
            @Override
            public void sending(HttpCall call, int attempt, int maxAttempts) {
                renewing.countDown();
            }
        }, Deadline.NONE, new Cancellation());
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Credentials> renewed = pool.submit(() -> auth.credentials(first));
            assertThat(renewing.await(5, TimeUnit.SECONDS)).isTrue();

            long start = System.nanoTime();
            Failure cancel = catchThrowableOfType(Failure.class,
                    () -> auth.credentials(new CallContext(HttpListener.NONE, Deadline.NONE, cancelled)));
            Duration cancelTook = Duration.ofNanos(System.nanoTime() - start);
            start = System.nanoTime();
            Failure late = catchThrowableOfType(Failure.class, () -> auth.credentials(
                    new CallContext(HttpListener.NONE, Deadline.after(Duration.ofMillis(300)), new Cancellation())));
            Duration lateTook = Duration.ofNanos(System.nanoTime() - start);

            assertThat(cancel.kind()).isEqualTo(Kind.CANCELLED);
            assertThat(cancelTook).isLessThan(Duration.ofSeconds(1));
            assertThat(late.kind()).isEqualTo(Kind.NETWORK);
            assertThat(late.code()).isEqualTo(Code.DEADLINE);
            assertThat(late.getMessage()).endsWith(": waiting for the token renewal of another call");
            assertThat(lateTook).isBetween(Duration.ofMillis(300), Duration.ofMillis(1500));
            assertThat(bearerToken(renewed.get(10, TimeUnit.SECONDS))).isEqualTo("Bearer slow");
            assertThat(endpoint.requests()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void credentialsWhenTheFirstRequestFailedThenTheNextCallAsksAgain() {
        TestServers.answerInTurn(server, () -> post(PATH),
                salesforceError(400, "invalid_grant", "authentication failure"), okJson(token("first", "")));
        Authenticator auth = endpoint.authenticator(noBaseUrl());

        catchThrowableOfType(Failure.class, () -> auth.credentials(CallContext.NONE));

        assertThat(bearerToken(auth.credentials(CallContext.NONE))).isEqualTo("Bearer first");
    }

    @Test
    void refreshTokenGrantWhenTheServerRotatesThenTheNextRequestCarriesTheNewRefreshToken() {
        TestServers.answerInTurn(server, () -> post(PATH),
                okJson(token("a1", ",\"refresh_token\":\"R1\",\"expires_in\":3600")),
                okJson(token("a2", ",\"refresh_token\":\"R2\",\"expires_in\":3600")),
                okJson(token("a3", ",\"expires_in\":3600")));
        Authenticator auth = endpoint.authenticator(new OAuth2.RefreshToken(
                endpoint.client(OAuth2.ClientAuth.BODY, null, null), t("R0")));

        Credentials first = auth.credentials(CallContext.NONE);
        Credentials second = auth.renew(first, CallContext.NONE);
        endpoint.clock.advance(Duration.ofHours(1));
        Credentials third = auth.credentials(CallContext.NONE);

        assertThat(endpoint.requests()).extracting(r -> TokenEndpoint.form(r).get("refresh_token"))
                .containsExactly("R0", "R1", "R2");
        assertThat(endpoint.grantTypes()).containsOnly("refresh_token");
        assertThat(List.of(bearerToken(first), bearerToken(second), bearerToken(third)))
                .containsExactly("Bearer a1", "Bearer a2", "Bearer a3");
    }

    @Test
    void passwordGrantWhenATokenCameWithARefreshTokenThenRenewalUsesIt() {
        TestServers.answerInTurn(server, () -> post(PATH),
                okJson(token("a1", ",\"refresh_token\":\"RT1\"")), okJson(token("a2", "")));
        Authenticator auth = endpoint.authenticator(noBaseUrl());

        Credentials renewed = auth.renew(auth.credentials(CallContext.NONE), CallContext.NONE);

        assertThat(bearerToken(renewed)).isEqualTo("Bearer a2");
        assertThat(endpoint.requests().get(1).getBodyAsString()).isEqualTo(
                "grant_type=refresh_token&refresh_token=RT1&client_id=3MVG9.client&client_secret=1955279925675241571");
    }

    @Test
    void renewWhenTheRefreshAnswerBringsNoNewRefreshTokenThenTheOldOneIsUsedAgain() {
        // RFC 6749 §6: only a newly issued refresh token replaces the old one
        TestServers.answerInTurn(server, () -> post(PATH),
                okJson(token("a1", ",\"refresh_token\":\"RT1\"")), okJson(token("a2", "")), okJson(token("a3", "")));
        Authenticator auth = endpoint.authenticator(noBaseUrl());

        Credentials second = auth.renew(auth.credentials(CallContext.NONE), CallContext.NONE);
        Credentials third = auth.renew(second, CallContext.NONE);

        assertThat(bearerToken(third)).isEqualTo("Bearer a3");
        assertThat(endpoint.grantTypes()).containsExactly("password", "refresh_token", "refresh_token");
        assertThat(TokenEndpoint.form(endpoint.requests().get(2))).containsEntry("refresh_token", "RT1");
    }

    @Test
    void renewWhenTheRefreshTokenIsRefusedThenFallsBackOnceToTheConnectorsGrant() {
        TestServers.answerInTurn(server, () -> post(PATH),
                okJson(token("a1", ",\"refresh_token\":\"RT1\"")),
                salesforceError(400, "invalid_grant", "expired access/refresh token"),
                okJson(token("a2", "")));
        Authenticator auth = endpoint.authenticator(noBaseUrl());

        Credentials renewed = auth.renew(auth.credentials(CallContext.NONE), CallContext.NONE);

        assertThat(bearerToken(renewed)).isEqualTo("Bearer a2");
        assertThat(endpoint.grantTypes()).containsExactly("password", "refresh_token", "password");
        assertThat(endpoint.sleeper.waits()).isEmpty();
    }

    @Test
    void renewWhenTheFallbackIsRefusedTooThenFailsWithoutAskingAgain() {
        TestServers.answerInTurn(server, () -> post(PATH),
                okJson(token("a1", ",\"refresh_token\":\"RT1\"")),
                salesforceError(400, "invalid_grant", "expired access/refresh token"),
                salesforceError(400, "invalid_grant", "authentication failure"));
        Authenticator auth = endpoint.authenticator(noBaseUrl());
        Credentials rejected = auth.credentials(CallContext.NONE);

        Failure failure = catchThrowableOfType(Failure.class, () -> auth.renew(rejected, CallContext.NONE));

        assertThat(failure.kind()).isEqualTo(Kind.AUTH);
        assertThat(failure.getMessage())
                .isEqualTo("the token endpoint answered 400: invalid_grant (authentication failure)");
        assertThat(endpoint.grantTypes()).containsExactly("password", "refresh_token", "password");
    }

    @Test
    void credentialsWhenBaseUrlFromThenEveryRenewalBringsTheNewBaseUrl() {
        TestServers.answerInTurn(server, () -> post(PATH),
                okJson(token("a1", ",\"instance_url\":\"https://na1.salesforce.com\"")),
                okJson(token("a2", ",\"instance_url\":\"https://na2.salesforce.com\"")));
        Authenticator auth = endpoint.authenticator(endpoint.salesforce());

        Credentials first = auth.credentials(CallContext.NONE);
        Credentials renewed = auth.renew(first, CallContext.NONE);

        assertThat(first.baseUrl()).isEqualTo("https://na1.salesforce.com");
        assertThat(renewed.baseUrl()).isEqualTo("https://na2.salesforce.com");
    }

    private OAuth2.Password noBaseUrl() {
        return TokenEndpoint.password(endpoint.client(OAuth2.ClientAuth.BODY, null, null));
    }

    private static <T> List<T> atOnce(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            assertThat(ready.await(5, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(10, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
