package dev.connectorruntime.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.http.HttpExecutor;
import dev.connectorruntime.http.PercentEncoding;
import dev.connectorruntime.http.RecordingSleeper;
import dev.connectorruntime.http.Retrier;
import dev.connectorruntime.http.TestServers;
import dev.connectorruntime.model.OAuth2;
import dev.connectorruntime.model.SecretTemplate;
import dev.connectorruntime.secret.Redactor;
import dev.connectorruntime.secret.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The pieces of an OAuth2 connector under test: the seed's Salesforce connector (SPEC §2) pointed at a WireMock
 * token endpoint, its secrets, and the real token client over the real executor (waits recorded, not slept).
 */
final class TokenEndpoint implements AutoCloseable {

    static final String PATH = "/services/oauth2/token";
    static final Location AT = new Location(Path.of("connectors/salesforce.yaml"), 5, 3);
    static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

    /** Salesforce's success shape: no expires_in, no refresh_token, issued_at in ms, instance_url. */
    static final String SALESFORCE_TOKEN = "00D50000000IZ3Z!AQgAQH0Yd9M51BU_rayzAdmZ6NmT3pXZBgzkc3JTwDOGBl8BP2AREOiZzL"
            + "_A2zg7etH81kTuuQPljJVsX4CPt3naL7qustlb";
    static final String SALESFORCE_SUCCESS = "{\"access_token\":\"" + SALESFORCE_TOKEN + "\","
            + "\"instance_url\":\"https://na1.salesforce.com\","
            + "\"id\":\"https://login.salesforce.com/id/00D50000000IZ3ZEAW/00550000001fg5OAAQ\","
            + "\"token_type\":\"Bearer\",\"issued_at\":\"1296509381665\","
            + "\"signature\":\"+Nbl5EOl/DlsvUZ4NbGDno6vn935XsWGVbwoKyXHayo=\"}";

    /** The seed's secrets, chosen so that form encoding shows: {@code +}, {@code @}, {@code &}, space, {@code =}. */
    static final Map<String, String> SALESFORCE_SECRETS = Map.of(
            "salesforce_consumer_key", "3MVG9.client",
            "salesforce_consumer_secret", "1955279925675241571",
            "salesforce_username", "test+user@example.com",
            "salesforce_password", "p&ss w+rd",
            "salesforce_security_token", "TOK=EN");

    private static final Pattern PLACEHOLDER = Pattern.compile("<<([a-z][a-z0-9_]*)>>");

    final WireMockExtension server;
    final MutableClock clock = new MutableClock(START);
    final RecordingSleeper sleeper = new RecordingSleeper();
    final HttpExecutor executor = new HttpExecutor(null);
    /** Learns the secrets the token client and the authenticators derive, as the engine's redactor would. */
    final Redactor redactor = new Redactor();
    final TokenClient tokens;

    TokenEndpoint(WireMockExtension server) {
        this.server = server;
        this.tokens = new TokenClient(new Retrier(executor, sleeper, bound -> bound, clock), clock,
                Duration.ofSeconds(5), redactor);
    }

    String tokenUrl() {
        return TestServers.origin(server) + PATH;
    }

    static SecretTemplate t(String source) {
        return new SecretTemplate(source, AT);
    }

    /** The client block of the seed connector, with its token URL on WireMock. */
    OAuth2.Client client(OAuth2.ClientAuth clientAuth, String baseUrlFrom, Duration expiresInDefault) {
        return new OAuth2.Client(t(tokenUrl()), t("<<salesforce_consumer_key>>"), t("<<salesforce_consumer_secret>>"),
                null, null, clientAuth, Map.of(), baseUrlFrom, expiresInDefault, null);
    }

    /** The seed connector: {@code grant_type: password}, {@code base_url_from: instance_url}. */
    OAuth2.Password salesforce() {
        return password(client(OAuth2.ClientAuth.BODY, "instance_url", null));
    }

    static OAuth2.Password password(OAuth2.Client client) {
        return new OAuth2.Password(client, t("<<salesforce_username>>"),
                t("<<salesforce_password>><<salesforce_security_token>>"));
    }

    /** Builds the authenticator as the runner does, resolving placeholders from {@code secrets}. */
    Authenticator authenticator(OAuth2 auth, Map<String, String> secrets) {
        return Authenticators.create(auth, resolver(secrets), tokens, clock);
    }

    /** As the runner builds it with the disk cache: the entry is named after the seed connector. */
    Authenticator authenticator(OAuth2 auth, Map<String, String> secrets, TokenStore store) {
        return Authenticators.create("salesforce", auth, resolver(secrets), tokens, clock, store);
    }

    /** As another run (another engine) builds it: the same endpoint and cache, but a redactor of its own. */
    Authenticator anotherRun(OAuth2 auth, TokenStore store, Redactor itsRedactor) {
        TokenClient client = new TokenClient(new Retrier(executor, sleeper, bound -> bound, clock), clock,
                Duration.ofSeconds(5), itsRedactor);
        return Authenticators.create("salesforce", auth, resolver(SALESFORCE_SECRETS), client, clock, store);
    }

    Authenticator authenticator(OAuth2 auth) {
        return authenticator(auth, SALESFORCE_SECRETS);
    }

    /** Resolves {@code <<name>>} placeholders from a map, as the secret resolver would (without registering). */
    static Function<SecretTemplate, Secret> resolver(Map<String, String> secrets) {
        return template -> {
            Matcher m = PLACEHOLDER.matcher(template.source());
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(secrets.get(m.group(1))));
            }
            m.appendTail(out);
            return Secret.of(out.toString());
        };
    }

    /** The token requests received, oldest first. */
    List<LoggedRequest> requests() {
        return server.findAll(postRequestedFor(urlEqualTo(PATH)));
    }

    /** One form body as decoded name → value pairs, in order. */
    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            fields.put(PercentEncoding.decodeForm(pair.substring(0, eq)), PercentEncoding.decodeForm(pair.substring(eq + 1)));
        }
        return fields;
    }

    /** The {@code grant_type} of each request received, oldest first. */
    List<String> grantTypes() {
        return requests().stream().map(r -> form(r).get("grant_type")).collect(Collectors.toList());
    }

    static String bearerToken(Credentials c) {
        return c.headers().get("Authorization").reveal();
    }

    static String token(String accessToken, String extra) {
        return "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\"" + extra + "}";
    }

    @Override
    public void close() {
        executor.close();
    }
}
