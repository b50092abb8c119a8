package dev.connectorruntime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.auth.cache.DiskTokenStore;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.http.CallContext;
import dev.connectorruntime.http.HttpExecutor;
import dev.connectorruntime.http.RecordingSleeper;
import dev.connectorruntime.http.Retrier;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.model.OAuth2;
import dev.connectorruntime.model.SecretTemplate;
import dev.connectorruntime.secret.Redactor;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with a real OAuth2 server in-process: navikt's mock-oauth2-server (SPEC §2 grants). It accepts
 * any credentials, does not check a JWT-bearer assertion's signature and echoes a refresh token back unchanged, so
 * these tests cover the happy path only; wrong passwords, the RS256 signature and rotation are tested against
 * WireMock (TokenClientTest, JwtBearerGrantTest, OAuth2AuthenticatorTest).
 */
class MockOAuth2ServerTest {

    static final String ISSUER = "default";
    static final Location AT = new Location(Path.of("connectors/idp.yaml"), 4, 3);

    static MockOAuth2Server server;

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.now());
    final HttpExecutor executor = new HttpExecutor(null);
    final TokenClient client = new TokenClient(new Retrier(executor, new RecordingSleeper(), b -> b, clock), clock,
            Duration.ofSeconds(10), new Redactor());

    @BeforeAll
    static void start() {
        server = new MockOAuth2Server();
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterAll
    static void stop() {
        server.shutdown();
    }

    @AfterEach
    void close() {
        executor.close();
        while (taken(10) != null) {
            // drop what this test sent, so the next one counts its own requests
        }
    }

    /** The oldest request not yet taken, or {@code null} when none comes within the wait. */
    static RecordedRequest taken(long millis) {
        try {
            return server.takeRequest(millis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            return null; // its way of saying "none"
        }
    }

    static SecretTemplate t(String text) {
        return new SecretTemplate(text, AT);
    }

    static OAuth2.Client client(String scope) {
        return new OAuth2.Client(t(server.tokenEndpointUrl(ISSUER).toString()), t("connector-runtime"),
                t("<<idp_client_secret>>"), scope == null ? null : t(scope), null, OAuth2.ClientAuth.BODY, Map.of(),
                null, null, null);
    }

    Authenticator authenticator(OAuth2 auth, Map<String, String> secrets, TokenStore store) {
        return Authenticators.create("idp", auth, TokenEndpoint.resolver(secrets), client, clock, store);
    }

    Authenticator authenticator(OAuth2 auth) {
        return authenticator(auth, Map.of("idp_client_secret", "any-secret-will-do"), TokenStore.NONE);
    }

    @Test
    void clientCredentialsGrantGetsASignedJwtNamingTheClientWithScopeAndExpiry() throws Exception {
        Authenticator auth = authenticator(new OAuth2.ClientCredentials(client("api.read")));

        Credentials c = auth.credentials(CallContext.NONE);

        JsonNode claims = claims(c);
        assertThat(claims.get("sub").asText()).isEqualTo("connector-runtime");
        assertThat(claims.get("iss").asText()).isEqualTo(server.issuerUrl(ISSUER).toString());
        Token token = auth.status().token();
        assertThat(token.scope()).isEqualTo("api.read");
        assertThat(Duration.between(token.issuedAt(), token.expiresAt())).isBetween(Duration.ofSeconds(3590),
                Duration.ofSeconds(3600));
        assertThat(form(taken(5000))).containsEntry("grant_type", "client_credentials")
                .containsEntry("client_id", "connector-runtime").containsEntry("scope", "api.read");
    }

    @Test
    void passwordGrantGetsATokenForTheUser() throws Exception {
        Authenticator auth = authenticator(new OAuth2.Password(client(null), t("ada@example.com"),
                t("<<idp_password>>")), Map.of("idp_client_secret", "s3cr+t/=:%z", "idp_password", "p&ss w+rd"),
                TokenStore.NONE);

        JsonNode claims = claims(auth.credentials(CallContext.NONE));

        assertThat(claims.get("sub").asText()).isEqualTo("ada@example.com");
        assertThat(form(taken(5000))).containsEntry("password", "p&ss w+rd")
                .containsEntry("client_secret", "s3cr+t/=:%z");
    }

    @Test
    void passwordGrantWithClientAuthBasicIsAccepted() throws Exception {
        OAuth2.Client basic = new OAuth2.Client(t(server.tokenEndpointUrl(ISSUER).toString()), t("3MVG9.client id"),
                t("<<idp_client_secret>>"), null, null, OAuth2.ClientAuth.BASIC, Map.of(), null, null, null);
        Authenticator auth = authenticator(new OAuth2.Password(basic, t("ada@example.com"), t("pw")),
                Map.of("idp_client_secret", "s3cr+t/=:%z"), TokenStore.NONE);

        assertThat(claims(auth.credentials(CallContext.NONE)).get("sub").asText()).isEqualTo("ada@example.com");
        assertThat(taken(5000).getHeaders().get("Authorization"))
                .isEqualTo("Basic M01WRzkuY2xpZW50K2lkOnMzY3IlMkJ0JTJGJTNEJTNBJTI1eg==");
    }

    @Test
    void refreshTokenGrantGetsATokenAndKeepsTheRefreshTokenTheServerEchoes() throws Exception {
        // it takes a refresh token it did not issue only when a token callback is queued for the issuer
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "ada"));
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "ada"));
        Authenticator auth = authenticator(new OAuth2.RefreshToken(client(null), t("<<idp_refresh_token>>")),
                Map.of("idp_client_secret", "s", "idp_refresh_token", "R0-from-the-consent-flow"), TokenStore.NONE);

        Credentials first = auth.credentials(CallContext.NONE);
        Credentials renewed = auth.renew(first, CallContext.NONE);

        assertThat(TokenEndpoint.bearerToken(renewed)).isNotEqualTo(TokenEndpoint.bearerToken(first));
        assertThat(auth.status().token().refreshToken().reveal()).isEqualTo("R0-from-the-consent-flow");
        for (int i = 0; i < 2; i++) {
            assertThat(form(taken(5000))).containsEntry("grant_type", "refresh_token")
                    .containsEntry("refresh_token", "R0-from-the-consent-flow");
        }
    }

    @Test
    void refreshTokenGrantWhenTheServerRotatesThenTheNextRunSpendsTheNewRefreshTokenEvenWithTheCacheOff() {
        MockOAuth2Server rotating = new MockOAuth2Server(new OAuth2Config(false, null, null, true));
        rotating.start(InetAddress.getLoopbackAddress(), 0);
        try {
            rotating.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "ada"));
            OAuth2.RefreshToken connector = new OAuth2.RefreshToken(new OAuth2.Client(
                    t(rotating.tokenEndpointUrl(ISSUER).toString()), t("connector-runtime"), null, null, null,
                    OAuth2.ClientAuth.BODY, Map.of(), null, null, null), t("<<idp_refresh_token>>"));
            Map<String, String> secrets = Map.of("idp_refresh_token", "R0-from-the-consent-flow");
            DiskTokenStore off = new DiskTokenStore(dir.resolve("tokens"), DiskTokenStore.Mode.REFRESH_TOKENS_ONLY,
                    m -> { }, Duration.ofSeconds(10));

            Authenticator first = authenticator(connector, secrets, off);
            first.credentials(CallContext.NONE);
            String rotated = first.status().token().refreshToken().reveal();
            authenticator(connector, secrets, off).credentials(CallContext.NONE);

            assertThat(rotated).isNotEqualTo("R0-from-the-consent-flow");
            assertThat(form(rotating.takeRequest(5, TimeUnit.SECONDS)))
                    .containsEntry("refresh_token", "R0-from-the-consent-flow");
            assertThat(form(rotating.takeRequest(5, TimeUnit.SECONDS))).containsEntry("refresh_token", rotated);
        } finally {
            rotating.shutdown();
        }
    }

    @Test
    void jwtBearerGrantGetsATokenForTheAssertionsSubject() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(g.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        OAuth2.Client jwtClient = new OAuth2.Client(t(server.tokenEndpointUrl(ISSUER).toString()),
                t("3MVG9.jwt-client"), null, t("api"), t(server.issuerUrl(ISSUER).toString()), OAuth2.ClientAuth.BODY,
                Map.of(), null, null, null);
        Authenticator auth = authenticator(new OAuth2.JwtBearer(jwtClient, t("<<idp_private_key>>"),
                t("integration@example.com")), Map.of("idp_private_key", pem), TokenStore.NONE);

        JsonNode claims = claims(auth.credentials(CallContext.NONE));

        assertThat(claims.get("sub").asText()).isEqualTo("integration@example.com");
        assertThat(form(taken(5000)))
                .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer").containsKey("assertion");
    }

    @Test
    void shortLivedTokenIsReusedForHalfItsLifetimeThenRenewed() {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "short", "JWT", List.of("api"), Map.of(), 6));
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "short", "JWT", List.of("api"), Map.of(), 6));
        Authenticator auth = authenticator(new OAuth2.ClientCredentials(client(null)));

        Credentials first = auth.credentials(CallContext.NONE);
        Duration lifetime = Duration.between(auth.status().token().issuedAt(), auth.status().token().expiresAt());
        clock.advance(Duration.ofSeconds(1));
        Credentials stillFirst = auth.credentials(CallContext.NONE);
        clock.advance(lifetime.dividedBy(2));
        Credentials second = auth.credentials(CallContext.NONE);

        assertThat(lifetime).as("the server counts from its own clock").isBetween(Duration.ofSeconds(3),
                Duration.ofSeconds(6));
        assertThat(stillFirst).isSameAs(first);
        assertThat(TokenEndpoint.bearerToken(second)).isNotEqualTo(TokenEndpoint.bearerToken(first));
    }

    @Test
    void twoRunsSharingTheDiskCacheAskTheServerOnce() throws Exception {
        DiskTokenStore store = new DiskTokenStore(dir.resolve("tokens"), DiskTokenStore.Mode.ALL, m -> { },
                Duration.ofSeconds(10));
        Map<String, String> secrets = Map.of("idp_client_secret", "s");

        Credentials first = authenticator(new OAuth2.ClientCredentials(client("api")), secrets, store)
                .credentials(CallContext.NONE);
        Authenticator second = authenticator(new OAuth2.ClientCredentials(client("api")), secrets, store);

        assertThat(TokenEndpoint.bearerToken(second.credentials(CallContext.NONE)))
                .isEqualTo(TokenEndpoint.bearerToken(first));
        assertThat(second.status().token().source()).isEqualTo(Token.Source.CACHE);
        assertThat(taken(5000)).isNotNull();
        assertThat(taken(200)).isNull();
    }

    private static JsonNode claims(Credentials c) throws Exception {
        String jwt = TokenEndpoint.bearerToken(c).substring("Bearer ".length());
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static Map<String, String> form(RecordedRequest request) {
        assertThat(request).isNotNull();
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String pair : request.getBody().readUtf8().split("&")) {
            int eq = pair.indexOf('=');
            fields.put(dev.connectorruntime.http.PercentEncoding.decodeForm(pair.substring(0, eq)),
                    dev.connectorruntime.http.PercentEncoding.decodeForm(pair.substring(eq + 1)));
        }
        return fields;
    }

}
