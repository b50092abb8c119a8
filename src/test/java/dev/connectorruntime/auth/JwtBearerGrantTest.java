package dev.connectorruntime.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.connectorruntime.auth.TokenEndpoint.PATH;
import static dev.connectorruntime.auth.TokenEndpoint.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.http.CallContext;
import dev.connectorruntime.http.TestServers;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.model.OAuth2;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code grant_type: jwt_bearer} (RFC 7523, SPEC §2): keys as PEM PKCS#8 and PKCS#1, the signed assertion. */
class JwtBearerGrantTest {

    @RegisterExtension
    static final WireMockExtension server = TestServers.loopback();

    private static final String CLIENT_ID = "3MVG9.jwt-client";
    private static final String SUBJECT = "integration@example.com";
    private static final String AUDIENCE = "https://login.salesforce.com";

    private static KeyPair rsa;

    private final TokenEndpoint endpoint = new TokenEndpoint(server);

    @BeforeAll
    static void generateKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        rsa = g.generateKeyPair();
    }

    @AfterEach
    void tearDown() {
        endpoint.close();
    }

    @Test
    void tokenRequestWhenKeyIsPkcs8ThenCarriesAnRs256AssertionThatVerifies() throws Exception {
        server.stubFor(post(PATH).willReturn(okJson(TokenEndpoint.token("jwt-token", ""))));

        endpoint.authenticator(jwtBearer(), secrets(pem("PRIVATE KEY", rsa.getPrivate().getEncoded())))
                .credentials(CallContext.NONE);

        assertAssertionIsSignedAndNamesTheClient();
    }

    @Test
    void tokenRequestWhenKeyIsPkcs1ThenTheSameAssertion() throws Exception {
        server.stubFor(post(PATH).willReturn(okJson(TokenEndpoint.token("jwt-token", ""))));

        endpoint.authenticator(jwtBearer(), secrets(pem("RSA PRIVATE KEY", pkcs1(rsa.getPrivate().getEncoded()))))
                .credentials(CallContext.NONE);

        assertAssertionIsSignedAndNamesTheClient();
    }

    @Test
    void tokenRequestWhenPemLinesAreJoinedWithEscapedNewlinesThenStillRead() throws Exception {
        server.stubFor(post(PATH).willReturn(okJson(TokenEndpoint.token("jwt-token", ""))));
        String oneLine = pem("PRIVATE KEY", rsa.getPrivate().getEncoded()).replace("\n", "\\n");

        endpoint.authenticator(jwtBearer(), secrets(oneLine)).credentials(CallContext.NONE);

        assertAssertionIsSignedAndNamesTheClient();
    }

    @Test
    void tokenRequestSendsOnlyTheGrantTypeAndTheAssertionAndRegistersTheAssertion() {
        server.stubFor(post(PATH).willReturn(okJson(TokenEndpoint.token("jwt-token", ""))));

        endpoint.authenticator(jwtBearer(), secrets(pem("PRIVATE KEY", rsa.getPrivate().getEncoded())))
                .credentials(CallContext.NONE);

        Map<String, String> form = TokenEndpoint.form(endpoint.requests().get(0));
        assertThat(form).containsOnlyKeys("grant_type", "assertion");
        assertThat(endpoint.requests().get(0).getBodyAsString())
                .startsWith("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=");
        assertThat(endpoint.requests().get(0).containsHeader("Authorization")).isFalse();
        assertThat(endpoint.redactor.redact("assertion=" + form.get("assertion"))).isEqualTo("assertion=****");
    }

    @Test
    void keyWhenEncryptedPkcs8ThenRefusedWithTheOpensslHint() {
        String encrypted = pem("ENCRYPTED PRIVATE KEY", rsa.getPrivate().getEncoded());

        Failure failure = catchThrowableOfType(Failure.class,
                () -> endpoint.authenticator(jwtBearer(), secrets(encrypted)));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID);
        assertThat(failure.getMessage()).isEqualTo("the private key is encrypted");
        assertThat(failure.hint())
                .isEqualTo("decrypt it once: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
        assertNoKeyMaterial(failure, encrypted);
        assertThat(endpoint.requests()).isEmpty();
    }

    @Test
    void keyWhenEncryptedTraditionalPemThenRefusedWithTheOpensslHint() {
        String body = pem("RSA PRIVATE KEY", pkcs1(rsa.getPrivate().getEncoded()));
        String encrypted = body.replace("-----\n", "-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,"
                + "3F17F5316E2BAC89\n\n");

        Failure failure = catchThrowableOfType(Failure.class,
                () -> endpoint.authenticator(jwtBearer(), secrets(encrypted)));

        assertThat(failure.getMessage()).isEqualTo("the private key is encrypted");
        assertThat(failure.hint()).contains("openssl pkcs8 -topk8 -nocrypt");
        assertNoKeyMaterial(failure, encrypted);
    }

    @Test
    void keyWhenNotRsaThenRefusedWithoutQuotingIt() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        String ecPem = pem("PRIVATE KEY", ec.generateKeyPair().getPrivate().getEncoded());

        Failure failure = catchThrowableOfType(Failure.class, () -> endpoint.authenticator(jwtBearer(), secrets(ecPem)));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID);
        assertThat(failure.getMessage()).isEqualTo("`private_key` is not an RSA private key");
        assertThat(failure.hint()).isEqualTo("the JWT bearer grant signs with RS256: use an RSA key");
        assertNoKeyMaterial(failure, ecPem);
    }

    @Test
    void keyWhenNotPemThenRefusedWithoutQuotingIt() {
        String der = Base64.getEncoder().encodeToString(rsa.getPrivate().getEncoded());

        Failure failure = catchThrowableOfType(Failure.class, () -> endpoint.authenticator(jwtBearer(), secrets(der)));

        assertThat(failure.getMessage()).isEqualTo("`private_key` is not a PEM private key");
        assertThat(failure.hint()).isEqualTo(
                "give the whole PEM text, from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----");
        assertNoKeyMaterial(failure, der);
    }

    @Test
    void keyWhenPemBodyIsNotBase64ThenRefusedWithoutQuotingIt() {
        String broken = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0B!!!AQEFAASCBKcwggSjAgEAAoIBAQC7\n"
                + "-----END PRIVATE KEY-----\n";

        Failure failure = catchThrowableOfType(Failure.class, () -> endpoint.authenticator(jwtBearer(), secrets(broken)));

        assertThat(failure.getMessage()).isEqualTo("`private_key` holds invalid base64");
        assertNoKeyMaterial(failure, broken);
    }

    private void assertAssertionIsSignedAndNamesTheClient() throws Exception {
        Map<String, String> form = TokenEndpoint.form(endpoint.requests().get(0));
        assertThat(form.get("grant_type")).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
        String[] parts = form.get("assertion").split("\\.");
        assertThat(parts).hasSize(3);
        Base64.Decoder b64 = Base64.getUrlDecoder();

        JsonNode header = Json.parse(new String(b64.decode(parts[0]), StandardCharsets.UTF_8));
        assertThat(header.get("alg").asText()).isEqualTo("RS256");

        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(rsa.getPublic());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(b64.decode(parts[2]))).as("RS256 signature").isTrue();

        JsonNode claims = Json.parse(new String(b64.decode(parts[1]), StandardCharsets.UTF_8));
        long now = TokenEndpoint.START.getEpochSecond();
        assertThat(claims.get("iss").asText()).isEqualTo(CLIENT_ID);
        assertThat(claims.get("sub").asText()).isEqualTo(SUBJECT);
        assertThat(claims.get("aud").asText()).isEqualTo(AUDIENCE);
        assertThat(claims.get("exp").isIntegralNumber()).isTrue();
        assertThat(claims.get("exp").asLong()).as("a few minutes ahead, in seconds").isBetween(now + 60, now + 300);
    }

    private OAuth2.JwtBearer jwtBearer() {
        return new OAuth2.JwtBearer(new OAuth2.Client(t(endpoint.tokenUrl()), t("<<sf_client_id>>"), null, null,
                t("<<sf_audience>>"), OAuth2.ClientAuth.BODY, Map.of(), null, null, null),
                t("<<sf_private_key>>"), t("<<sf_subject>>"));
    }

    private static Map<String, String> secrets(String privateKey) {
        return Map.of("sf_client_id", CLIENT_ID, "sf_audience", AUDIENCE, "sf_private_key", privateKey,
                "sf_subject", SUBJECT);
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /** PrivateKeyInfo ::= SEQUENCE { INTEGER, AlgorithmIdentifier, OCTET STRING RSAPrivateKey }: the last, bare. */
    private static byte[] pkcs1(byte[] pkcs8) {
        int[] at = {0};
        expect(pkcs8, at, 0x30);
        length(pkcs8, at);
        expect(pkcs8, at, 0x02);
        skip(pkcs8, at);
        expect(pkcs8, at, 0x30);
        skip(pkcs8, at);
        expect(pkcs8, at, 0x04);
        int n = length(pkcs8, at);
        return Arrays.copyOfRange(pkcs8, at[0], at[0] + n);
    }

    private static void expect(byte[] der, int[] at, int tag) {
        assertThat(der[at[0]++] & 0xff).isEqualTo(tag);
    }

    private static void skip(byte[] der, int[] at) {
        int n = length(der, at);
        at[0] += n;
    }

    private static int length(byte[] der, int[] at) {
        int first = der[at[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int n = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            n = n << 8 | der[at[0]++] & 0xff;
        }
        return n;
    }

    /** Neither the message nor the hint quotes any run of 12 characters of the key's text. */
    private static void assertNoKeyMaterial(Failure failure, String keyText) {
        String shown = failure.getMessage() + "\n" + failure.hint() + "\n" + failure;
        String material = keyText.replaceAll("-----[A-Z ]+-----|Proc-Type:.*|DEK-Info:.*|\\s", "");
        for (int i = 0; i + 12 <= material.length(); i += 4) {
            assertThat(shown).doesNotContain(material.substring(i, i + 12));
        }
    }
}
