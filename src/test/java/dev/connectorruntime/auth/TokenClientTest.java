package dev.connectorruntime.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static dev.connectorruntime.auth.TokenEndpoint.PATH;
import static dev.connectorruntime.auth.TokenEndpoint.SALESFORCE_SUCCESS;
import static dev.connectorruntime.auth.TokenEndpoint.SALESFORCE_TOKEN;
import static dev.connectorruntime.auth.TokenEndpoint.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.http.CallContext;
import dev.connectorruntime.http.TestServers;
import dev.connectorruntime.model.OAuth2;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The token request on the wire and the token response read back (RFC 6749 §4.3, §5; SPEC §2, §6). */
class TokenClientTest {

    @RegisterExtension
    static final WireMockExtension server = TestServers.loopback();

    private final TokenEndpoint endpoint = new TokenEndpoint(server);

    @AfterEach
    void tearDown() {
        endpoint.close();
    }

    @Test
    void passwordGrantSendsExactlyTheFormFieldsEachFormEncoded() {
        server.stubFor(post(PATH).willReturn(okJson(SALESFORCE_SUCCESS)));

        endpoint.authenticator(endpoint.salesforce()).credentials(CallContext.NONE);

        LoggedRequest request = endpoint.requests().get(0);
        assertThat(request.getBodyAsString()).isEqualTo("grant_type=password"
                + "&username=test%2Buser%40example.com"
                + "&password=p%26ss+w%2BrdTOK%3DEN"
                + "&client_id=3MVG9.client"
                + "&client_secret=1955279925675241571");
        assertThat(TokenEndpoint.form(request)).containsExactly(
                entry("grant_type", "password"),
                entry("username", "test+user@example.com"),
                entry("password", "p&ss w+rdTOK=EN"),
                entry("client_id", "3MVG9.client"),
                entry("client_secret", "1955279925675241571"));
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.containsHeader("Authorization")).isFalse();
    }

    @Test
    void tokenRequestSaysTheRuntimesOwnUserAgentAsApiRequestsDo() {
        server.stubFor(post(PATH).willReturn(okJson(SALESFORCE_SUCCESS)));

        endpoint.authenticator(endpoint.salesforce()).credentials(CallContext.NONE);

        assertThat(endpoint.requests().get(0).getHeader("User-Agent")).isEqualTo("connector-runtime/dev");
    }

    @Test
    void passwordGrantWhenSecurityTokenIsEmptyThenThePasswordIsSentAlone() {
        server.stubFor(post(PATH).willReturn(okJson(SALESFORCE_SUCCESS)));
        Map<String, String> secrets = new HashMap<>(TokenEndpoint.SALESFORCE_SECRETS);
        secrets.put("salesforce_security_token", "");

        endpoint.authenticator(endpoint.salesforce(), secrets).credentials(CallContext.NONE);

        assertThat(TokenEndpoint.form(endpoint.requests().get(0))).containsEntry("password", "p&ss w+rd");
    }

    @Test
    void clientAuthBasicSendsIdAndSecretFormEncodedBeforeBase64AndNotInTheBody() {
        server.stubFor(post(PATH).willReturn(okJson(SALESFORCE_SUCCESS)));
        Map<String, String> secrets = new HashMap<>(TokenEndpoint.SALESFORCE_SECRETS);
        secrets.put("salesforce_consumer_key", "3MVG9.client id");
        secrets.put("salesforce_consumer_secret", "s3cr+t/=:%z");

        endpoint.authenticator(TokenEndpoint.password(endpoint.client(OAuth2.ClientAuth.BASIC, "instance_url", null)),
                secrets).credentials(CallContext.NONE);

        LoggedRequest request = endpoint.requests().get(0);
        // RFC 6749 §2.3.1: "3MVG9.client+id:s3cr%2Bt%2F%3D%3A%25z", then base64
        assertThat(request.getHeader("Authorization"))
                .isEqualTo("Basic M01WRzkuY2xpZW50K2lkOnMzY3IlMkJ0JTJGJTNEJTNBJTI1eg==");
        assertThat(TokenEndpoint.form(request)).containsOnlyKeys("grant_type", "username", "password");
    }

    @Test
    void clientCredentialsSendsScopeAudienceAndTokenParamsAfterTheGrantFields() {
        server.stubFor(post(PATH).willReturn(okJson(TokenEndpoint.token("cc-token", ""))));
        OAuth2.ClientCredentials auth = new OAuth2.ClientCredentials(new OAuth2.Client(t(endpoint.tokenUrl()),
                t("<<salesforce_consumer_key>>"), t("<<salesforce_consumer_secret>>"), t("api refresh_token"),
                t("https://api.example.com"), OAuth2.ClientAuth.BODY, Map.of("resource", t("urn:x&y")), null, null,
                null));

        endpoint.authenticator(auth).credentials(CallContext.NONE);

        assertThat(endpoint.requests().get(0).getBodyAsString()).isEqualTo("grant_type=client_credentials"
                + "&scope=api+refresh_token&audience=https%3A%2F%2Fapi.example.com&resource=urn%3Ax%26y"
                + "&client_id=3MVG9.client&client_secret=1955279925675241571");
    }

    @Test
    void salesforceSuccessWithoutExpiresInThenBaseUrlFromInstanceUrlAndUnknownExpiry() {
        server.stubFor(post(PATH).willReturn(okJson(SALESFORCE_SUCCESS)));
        OAuth2Authenticator auth = (OAuth2Authenticator) endpoint.authenticator(endpoint.salesforce());

        Credentials credentials = auth.credentials(CallContext.NONE);

        assertThat(credentials.baseUrl()).isEqualTo("https://na1.salesforce.com");
        assertThat(TokenEndpoint.bearerToken(credentials)).isEqualTo("Bearer " + SALESFORCE_TOKEN);
        assertThat(credentials.query()).isEmpty();
        assertThat(auth.token().expiresAt()).isNull();
        assertThat(auth.token().issuedAt()).isEqualTo(TokenEndpoint.START);
        assertThat(auth.token().refreshToken()).isNull();
        assertThat(auth.describe()).isEqualTo("oauth2 password");
    }

    @Test
    void successWhenInstanceUrlEndsWithSlashThenTheSlashIsDropped() {
        server.stubFor(post(PATH).willReturn(okJson(
                SALESFORCE_SUCCESS.replace("https://na1.salesforce.com\"", "https://na1.salesforce.com/\""))));

        Credentials credentials = endpoint.authenticator(endpoint.salesforce()).credentials(CallContext.NONE);

        assertThat(credentials.baseUrl()).isEqualTo("https://na1.salesforce.com");
    }

    @Test
    void successWhenInstanceUrlIsLoopbackHttpThenAccepted() {
        server.stubFor(post(PATH).willReturn(okJson(
                SALESFORCE_SUCCESS.replace("https://na1.salesforce.com", "http://127.0.0.1:8080"))));

        assertThat(endpoint.authenticator(endpoint.salesforce()).credentials(CallContext.NONE).baseUrl())
                .isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void successWhenInstanceUrlIsPlainHttpOnAnotherHostThenFailureAuth() {
        server.stubFor(post(PATH).willReturn(okJson(
                SALESFORCE_SUCCESS.replace("https://na1.salesforce.com", "http://na1.salesforce.com"))));

        Failure failure = catchThrowableOfType(Failure.class,
                () -> endpoint.authenticator(endpoint.salesforce()).credentials(CallContext.NONE));

        assertThat(failure.kind()).isEqualTo(Kind.AUTH);
        assertThat(failure.getMessage()).isEqualTo("the token response's `instance_url` (http://na1.salesforce.com) "
                + "must use https (plain http is allowed only on a loopback address)");
    }

    @Test
    void successWhenInstanceUrlIsMissingThenFailureAuthNamingBaseUrlFrom() {
        server.stubFor(post(PATH).willReturn(okJson(TokenEndpoint.token("abc", ""))));

        Failure failure = catchThrowableOfType(Failure.class,
                () -> endpoint.authenticator(endpoint.salesforce()).credentials(CallContext.NONE));

        assertThat(failure.kind()).isEqualTo(Kind.AUTH);
        assertThat(failure.getMessage()).isEqualTo("the token response has no `instance_url` for `base_url_from`");
        assertThat(failure.hint())
                .isEqualTo("check `auth.base_url_from`: the field must be in the token endpoint's answer");
    }

    @Test
    void successWhenAccessTokenIsMissingThenFailureAuth() {
        server.stubFor(post(PATH).willReturn(okJson("{\"token_type\":\"Bearer\",\"instance_url\":\"https://x.example\"}")));

        Failure failure = catchThrowableOfType(Failure.class,
                () -> endpoint.authenticator(endpoint.salesforce()).credentials(CallContext.NONE));

        assertThat(failure.kind()).isEqualTo(Kind.AUTH);
        assertThat(failure.getMessage()).isEqualTo("the token endpoint's answer has no `access_token`");
        assertThat(failure.status()).isEqualTo(200);
    }

    @Test
    void successWhenAccessTokenCannotGoInAHeaderThenFailureAuthNotShowingIt() {
        server.stubFor(post(PATH).willReturn(okJson("{\"access_token\":\"t\u00f6ken-55555555\","
                + "\"token_type\":\"Bearer\",\"instance_url\":\"https://x.example\"}")));

        Failure failure = catchThrowableOfType(Failure.class,
                () -> endpoint.authenticator(endpoint.salesforce()).credentials(CallContext.NONE));

        assertThat(failure.kind()).isEqualTo(Kind.AUTH);
        assertThat(failure.code()).isEqualTo(Code.TOKEN_RESPONSE);
        assertThat(failure.getMessage()).isEqualTo("the token endpoint's `access_token` holds a character that is"
                + " not visible ASCII: it cannot be sent in a header");
        assertThat(failure.apiError()).isNull();
        assertThat(failure.status()).isEqualTo(200);
    }

    @Test
    void successWhenTokenTypeIsMacThenFailureAuth() {
        server.stubFor(post(PATH).willReturn(okJson(SALESFORCE_SUCCESS.replace("\"Bearer\"", "\"mac\""))));

        Failure failure = catchThrowableOfType(Failure.class,
                () -> endpoint.authenticator(endpoint.salesforce()).credentials(CallContext.NONE));

        assertThat(failure.kind()).isEqualTo(Kind.AUTH);
        assertThat(failure.getMessage())
                .isEqualTo("the token endpoint issued a `mac` token; only bearer tokens are supported");
    }

    @Test
    void successWhenTokenTypeIsLowerCaseBearerThenAccepted() {
        server.stubFor(post(PATH).willReturn(okJson(SALESFORCE_SUCCESS.replace("\"Bearer\"", "\"bearer\""))));

        assertThat(endpoint.authenticator(endpoint.salesforce()).credentials(CallContext.NONE).baseUrl()).isNotNull();
    }

    @Test
    void successWhenBodyIsNotJsonThenFailureAuth() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html>Login</html>")));

        Failure failure = catchThrowableOfType(Failure.class,
                () -> endpoint.authenticator(endpoint.salesforce()).credentials(CallContext.NONE));

        assertThat(failure.kind()).isEqualTo(Kind.AUTH);
        assertThat(failure.getMessage())
                .isEqualTo("the token endpoint answered 200 without a JSON object (18 bytes of text/html)");
        assertThat(failure.apiError()).as("the body may hold a token the runtime could not recognise").isNull();
    }

    @Test
    void successWhenBodyIsFormEncodedThenItsTokenIsShownNowhere() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-www-form-urlencoded")
                .withBody("access_token=gho_16C7e42F292c6912E7710c838347Ae178B4a&token_type=bearer")));

        Failure failure = catchThrowableOfType(Failure.class,
                () -> endpoint.authenticator(endpoint.salesforce()).credentials(CallContext.NONE));

        assertThat(failure.getMessage() + failure.hint() + failure.apiError()).doesNotContain("gho_16C7e42F");
        assertThat(failure.getCause()).isNull();
    }

    @Test
    void invalidGrantIsFinalAuthFailureSentExactlyOnce() {
        server.stubFor(post(PATH).willReturn(salesforceError(400, "invalid_grant", "authentication failure")));

        Failure failure = catchThrowableOfType(Failure.class,
                () -> endpoint.authenticator(endpoint.salesforce()).credentials(CallContext.NONE));

        assertThat(failure.kind()).isEqualTo(Kind.AUTH);
        assertThat(failure.getMessage())
                .isEqualTo("the token endpoint answered 400: invalid_grant (authentication failure)");
        assertThat(failure.hint()).isEqualTo("check the credentials (for Salesforce: the username, and the password "
                + "immediately followed by the security token; orgs created since Summer '23 must also allow OAuth "
                + "username-password flows)");
        assertThat(failure.status()).isEqualTo(400);
        assertThat(failure.apiError())
                .isEqualTo("{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}");
        assertThat(endpoint.requests()).hasSize(1);
        assertThat(endpoint.sleeper.waits()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "400 | invalid_client_id | client identifier invalid",
        "400 | invalid_client    | invalid client credentials",
        "401 | invalid_client    | invalid client credentials",
        "403 | unauthorized_client | client not allowed",
    })
    void clientErrorsAreFinalAndNameTheClientSettings(int status, String error, String description) {
        server.stubFor(post(PATH).willReturn(salesforceError(status, error, description)));

        Failure failure = catchThrowableOfType(Failure.class,
                () -> endpoint.authenticator(endpoint.salesforce()).credentials(CallContext.NONE));

        assertThat(failure.kind()).isEqualTo(Kind.AUTH);
        assertThat(failure.getMessage())
                .isEqualTo("the token endpoint answered " + status + ": " + error + " (" + description + ")");
        assertThat(failure.hint()).isEqualTo(
                "check `client_id` and `client_secret` (Salesforce: the connected app's consumer key and secret)");
        assertThat(endpoint.requests()).hasSize(1);
    }

    @Test
    void unsupportedGrantTypeIsFinal() {
        server.stubFor(post(PATH).willReturn(salesforceError(400, "unsupported_grant_type", "grant type not supported")));

        Failure failure = catchThrowableOfType(Failure.class,
                () -> endpoint.authenticator(endpoint.salesforce()).credentials(CallContext.NONE));

        assertThat(failure.getMessage())
                .isEqualTo("the token endpoint answered 400: unsupported_grant_type (grant type not supported)");
        assertThat(failure.hint()).isEqualTo("the server does not support this `grant_type`");
        assertThat(endpoint.requests()).hasSize(1);
    }

    @Test
    void errorWithoutRfc6749BodyThenStatusOnlyAndTokenUrlHint() {
        server.stubFor(post(PATH).willReturn(status(404).withBody("Not Found")));

        Failure failure = catchThrowableOfType(Failure.class,
                () -> endpoint.authenticator(endpoint.salesforce()).credentials(CallContext.NONE));

        assertThat(failure.getMessage()).isEqualTo("the token endpoint answered 404");
        assertThat(failure.hint()).isEqualTo("check the connector's `token_url`");
        assertThat(endpoint.requests()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"503", "502", "504", "429"})
    void transientErrorThenSuccessIsRetried(int status) {
        TestServers.answerInTurn(server, () -> post(PATH), status(status), okJson(SALESFORCE_SUCCESS));

        Credentials credentials = endpoint.authenticator(endpoint.salesforce()).credentials(CallContext.NONE);

        assertThat(TokenEndpoint.bearerToken(credentials)).isEqualTo("Bearer " + SALESFORCE_TOKEN);
        assertThat(endpoint.requests()).hasSize(2);
        assertThat(endpoint.sleeper.waits()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void busyEveryTimeThenFailureAuthAfterThreeAttempts() {
        server.stubFor(post(PATH).willReturn(status(503)));

        Failure failure = catchThrowableOfType(Failure.class,
                () -> endpoint.authenticator(endpoint.salesforce()).credentials(CallContext.NONE));

        assertThat(failure.kind()).isEqualTo(Kind.AUTH);
        assertThat(failure.getMessage()).isEqualTo("the token endpoint answered 503 (after 3 attempts)");
        assertThat(failure.hint()).isEqualTo("the token endpoint is busy or down: try again later");
        assertThat(endpoint.requests()).hasSize(3);
    }

    @Test
    void refreshTokenRequestAnswered503IsSentOnce() {
        server.stubFor(post(PATH).willReturn(status(503).withHeader("Retry-After", "1")));
        OAuth2.RefreshToken auth = new OAuth2.RefreshToken(endpoint.client(OAuth2.ClientAuth.BODY, null, null),
                t("5Aep861refresh"));

        Failure failure = catchThrowableOfType(Failure.class,
                () -> endpoint.authenticator(auth).credentials(CallContext.NONE));

        assertThat(failure.kind()).isEqualTo(Kind.AUTH);
        assertThat(failure.getMessage()).isEqualTo("the token endpoint answered 503");
        assertThat(endpoint.requests()).hasSize(1);
        assertThat(TokenEndpoint.form(endpoint.requests().get(0)))
                .containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", "5Aep861refresh");
    }

    @Test
    void refreshTokenExpiredThenHintSaysObtainANewOne() {
        server.stubFor(post(PATH).willReturn(salesforceError(400, "invalid_grant", "expired access/refresh token")));
        OAuth2.RefreshToken auth = new OAuth2.RefreshToken(endpoint.client(OAuth2.ClientAuth.BODY, null, null),
                t("5Aep861refresh"));

        Failure failure = catchThrowableOfType(Failure.class,
                () -> endpoint.authenticator(auth).credentials(CallContext.NONE));

        assertThat(failure.getMessage())
                .isEqualTo("the token endpoint answered 400: invalid_grant (expired access/refresh token)");
        assertThat(failure.hint()).isEqualTo("the refresh token is expired or revoked: obtain a new one");
    }

    @Test
    void tokenEndpointRefusingConnectionsThenFailureNetworkAfterThreeAttempts() {
        int port = TestServers.closedPort();
        OAuth2.Password auth = TokenEndpoint.password(new OAuth2.Client(t("http://127.0.0.1:" + port + PATH),
                t("<<salesforce_consumer_key>>"), t("<<salesforce_consumer_secret>>"), null, null,
                OAuth2.ClientAuth.BODY, Map.of(), null, null, null));

        Failure failure = catchThrowableOfType(Failure.class,
                () -> endpoint.authenticator(auth).credentials(CallContext.NONE));

        assertThat(failure.kind()).isEqualTo(Kind.NETWORK);
        assertThat(failure.getMessage()).isEqualTo("connection refused by 127.0.0.1:" + port + " (after 3 attempts)");
    }

    @Test
    void tokenUrlOnPlainHttpOfAnotherHostIsRefusedBeforeAnyRequest() {
        OAuth2.Password auth = TokenEndpoint.password(new OAuth2.Client(t("http://login.salesforce.com" + PATH),
                t("<<salesforce_consumer_key>>"), t("<<salesforce_consumer_secret>>"), null, null,
                OAuth2.ClientAuth.BODY, Map.of(), null, null, null));

        Failure failure = catchThrowableOfType(Failure.class, () -> endpoint.authenticator(auth));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID);
        assertThat(failure.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Code.BAD_URL);
            assertThat(p.message())
                    .isEqualTo("`token_url` must use https (plain http is allowed only on a loopback address)");
            assertThat(p.location().toString()).isEqualTo("connectors/salesforce.yaml:5:3");
        });
    }

    @Test
    void expiresInAsAStringIsRead() {
        server.stubFor(post(PATH).willReturn(okJson(TokenEndpoint.token("abc", ",\"expires_in\":\"3600\""))));
        OAuth2Authenticator auth = (OAuth2Authenticator) endpoint.authenticator(
                TokenEndpoint.password(endpoint.client(OAuth2.ClientAuth.BODY, null, null)));

        auth.credentials(CallContext.NONE);

        assertThat(auth.token().expiresAt()).isEqualTo(TokenEndpoint.START.plusSeconds(3600));
    }

    @Test
    void noExpiresInButExpiresInDefaultThenThatLifetime() {
        server.stubFor(post(PATH).willReturn(okJson(SALESFORCE_SUCCESS)));
        OAuth2Authenticator auth = (OAuth2Authenticator) endpoint.authenticator(
                TokenEndpoint.password(endpoint.client(OAuth2.ClientAuth.BODY, "instance_url", Duration.ofHours(2))));

        auth.credentials(CallContext.NONE);

        assertThat(auth.token().expiresAt()).isEqualTo(TokenEndpoint.START.plus(Duration.ofHours(2)));
    }

    static ResponseDefinitionBuilder salesforceError(int status, String error, String description) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Cache-Control", "no-store")
                .withBody("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
    }
}
