package dev.connectorruntime.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static dev.connectorruntime.auth.TokenEndpoint.PATH;
import static dev.connectorruntime.auth.TokenEndpoint.SALESFORCE_SUCCESS;
import static dev.connectorruntime.auth.TokenEndpoint.SALESFORCE_TOKEN;
import static dev.connectorruntime.auth.TokenEndpoint.t;
import static dev.connectorruntime.auth.TokenClientTest.salesforceError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.http.CallContext;
import dev.connectorruntime.http.TestServers;
import dev.connectorruntime.model.OAuth2;
import dev.connectorruntime.secret.Redactor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC §3, §8: no secret in a message or a {@code toString()}; derived secrets registered with the redactor. */
class SecretsNeverLeakTest {

    @RegisterExtension
    static final WireMockExtension server = TestServers.loopback();

    private static final String CLIENT_SECRET = "s3cr+t/=:%z-1955279925675241571";
    private static final String PASSWORD = "p&ss w+rd-Hunter2";
    private static final String SECURITY_TOKEN = "TOK=EN-9aZ";

    private final TokenEndpoint endpoint = new TokenEndpoint(server);

    @AfterEach
    void tearDown() {
        endpoint.close();
    }

    static Stream<Arguments> failingAnswers() {
        return Stream.of(
                Arguments.of("invalid_grant", salesforceError(400, "invalid_grant", "authentication failure")),
                Arguments.of("invalid_client", salesforceError(401, "invalid_client", "invalid client credentials")),
                Arguments.of("busy", status(503)),
                Arguments.of("not json", status(200).withBody("<html>Login</html>")),
                Arguments.of("mac token", okJson(SALESFORCE_SUCCESS.replace("\"Bearer\"", "\"mac\""))),
                Arguments.of("plain http instance_url",
                        okJson(SALESFORCE_SUCCESS.replace("https://na1.salesforce.com", "http://na1.salesforce.com"))),
                Arguments.of("reset", status(200).withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failingAnswers")
    void failureWhenTokenRequestFailsThenNoSecretInWhatItShows(String name, ResponseDefinitionBuilder answer) {
        server.stubFor(post(PATH).willReturn(answer));
        Authenticator auth = endpoint.authenticator(basicSalesforce(), secrets());

        Failure failure = catchThrowableOfType(Failure.class, () -> auth.credentials(CallContext.NONE));

        assertNoSecretIn(shown(failure));
    }

    @Test
    void failureWhenTokenEndpointRefusesConnectionsThenNoSecretInWhatItShows() {
        OAuth2.Password auth = TokenEndpoint.password(new OAuth2.Client(
                t("http://127.0.0.1:" + TestServers.closedPort() + PATH), t("<<salesforce_consumer_key>>"),
                t("<<salesforce_consumer_secret>>"), null, null, OAuth2.ClientAuth.BODY, Map.of(), null, null, null));

        Failure failure = catchThrowableOfType(Failure.class,
                () -> endpoint.authenticator(auth, secrets()).credentials(CallContext.NONE));

        assertNoSecretIn(shown(failure));
    }

    @Test
    void successThenCredentialsAndTokenPrintNoSecret() {
        server.stubFor(post(PATH).willReturn(okJson(SALESFORCE_SUCCESS)));
        OAuth2Authenticator auth = (OAuth2Authenticator) endpoint.authenticator(basicSalesforce(), secrets());

        Credentials credentials = auth.credentials(CallContext.NONE);

        assertThat(credentials).hasToString("Credentials[Authorization][]");
        assertThat(credentials.headers().get("Authorization")).hasToString("****");
        assertThat(auth.token().toString()).isEqualTo("Token[****, expires unknown]");
        assertNoSecretIn(credentials + " " + auth.token() + " " + auth + " " + auth.describe());
    }

    @Test
    void successThenTheAccessTokenTheBearerHeaderTheFormAndTheBasicHeaderAreRedacted() {
        server.stubFor(post(PATH).willReturn(okJson(SALESFORCE_SUCCESS)));

        endpoint.authenticator(basicSalesforce(), secrets()).credentials(CallContext.NONE);

        LoggedRequest request = endpoint.requests().get(0);
        String form = request.getBodyAsString();
        String basic = request.getHeader("Authorization");
        Redactor redactor = endpoint.redactor;
        assertThat(redactor.redact("token " + SALESFORCE_TOKEN + " issued")).isEqualTo("token **** issued");
        assertThat(redactor.redact("Authorization: Bearer " + SALESFORCE_TOKEN)).isEqualTo("Authorization: ****");
        assertThat(redactor.redact("--data '" + form + "'")).isEqualTo("--data '****'");
        assertThat(redactor.redact("Authorization: " + basic)).isEqualTo("Authorization: ****");
        assertThat(redactor.redact("{\"access_token\":\"" + SALESFORCE_TOKEN + "\"}"))
                .isEqualTo("{\"access_token\":\"****\"}");
    }

    @Test
    void successWithClientSecretInTheBodyThenTheFormIsRedacted() {
        server.stubFor(post(PATH).willReturn(okJson(SALESFORCE_SUCCESS)));

        endpoint.authenticator(endpoint.salesforce(), secrets()).credentials(CallContext.NONE);

        String form = endpoint.requests().get(0).getBodyAsString();
        assertThat(form).contains("client_secret=");
        assertThat(endpoint.redactor.redact(form)).isEqualTo("****");
    }

    private OAuth2.Password basicSalesforce() {
        return TokenEndpoint.password(endpoint.client(OAuth2.ClientAuth.BASIC, "instance_url", null));
    }

    private static Map<String, String> secrets() {
        Map<String, String> s = new HashMap<>(TokenEndpoint.SALESFORCE_SECRETS);
        s.put("salesforce_consumer_secret", CLIENT_SECRET);
        s.put("salesforce_password", PASSWORD);
        s.put("salesforce_security_token", SECURITY_TOKEN);
        return s;
    }

    /** What a failure can show: message, hint, API error and toString of it and of every cause. */
    private static String shown(Failure failure) {
        StringBuilder out = new StringBuilder(failure.hint() + "\n" + failure.apiError() + "\n");
        for (Throwable t = failure; t != null; t = t.getCause()) {
            out.append(t).append('\n');
        }
        return out.toString();
    }

    private static void assertNoSecretIn(String text) {
        for (String secret : List.of(CLIENT_SECRET, PASSWORD, SECURITY_TOKEN, SALESFORCE_TOKEN,
                "s3cr%2Bt", "p%26ss", "Hunter2", "1955279925675241571", "M01WRzk")) {
            assertThat(text).doesNotContain(secret);
        }
    }
}
