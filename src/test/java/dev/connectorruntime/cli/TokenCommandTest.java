package dev.connectorruntime.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code token CONNECTOR} (SPEC §7): obtains or reuses a token and shows it masked; --show; --clear. */
class TokenCommandTest {

    static final String ACCESS_TOKEN = RunSalesforceTest.ACCESS_TOKEN;
    static final String TOKEN_PATH = "/services/oauth2/token";

    @TempDir
    Path dir;

    WireMockServer login;
    Map<String, String> env;
    Path tokens;

    @BeforeEach
    void start() {
        login = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        login.start();
        SalesforceWorkspace.create(dir);
        env = new HashMap<>(SalesforceWorkspace.env(login.port()));
        env.put("CONNECTOR_RUNTIME_CACHE_DIR", dir.resolve("cache").toString());
        tokens = dir.resolve("cache").resolve("tokens");
    }

    @AfterEach
    void stop() {
        login.stop();
    }

    void tokenIssued(String extra) {
        login.stubFor(post(TOKEN_PATH).willReturn(okJson("{\"access_token\":\"" + ACCESS_TOKEN + "\","
                + "\"instance_url\":\"https://na1.salesforce.com\",\"token_type\":\"Bearer\","
                + "\"issued_at\":\"1296509381665\"" + extra + "}")));
    }

    int tokenRequests() {
        return login.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))).size();
    }

    static String withoutTimes(String text) {
        return text.replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", "<time>");
    }

    @Test
    void tokenWhenNothingIsCachedThenAsksAndShowsTheTokenMasked() {
        tokenIssued("");

        Cli.Result r = Cli.run(dir, env, "token", "salesforce");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(withoutTimes(r.out())).isEqualTo(""
                + "  connector  salesforce\n"
                + "  type       oauth2 password\n"
                + "  source     new (just issued by the token endpoint)\n"
                + "  token      **** (" + ACCESS_TOKEN.length() + " characters; --show prints it)\n"
                + "  issued     <time>\n"
                + "  expires    unknown, renewed on 401\n"
                + "  scope      not stated by the token endpoint\n"
                + "  base URL   https://na1.salesforce.com\n");
        assertThat(r.out()).doesNotContain(ACCESS_TOKEN.substring(0, 15)).doesNotContain(SalesforceWorkspace.PASSWORD);
        assertThat(tokenRequests()).isEqualTo(1);
    }

    @Test
    void tokenVerboseThenTracesTheTokenRequestMaskedAndDebugIsAccepted() {
        tokenIssued("");

        Cli.Result r = Cli.run(dir, env, "token", "salesforce", "-v", "--debug");

        assertThat(r.exitCode()).as(r.err()).isZero();
        // the token URL's host came from SALESFORCE_LOGIN_HOST: the whole URL is masked (docs/secrets.md)
        assertThat(r.err()).startsWith("> POST ****\n> Accept: application/json\n").contains("< 200 in ")
                .doesNotContain(ACCESS_TOKEN);
        assertThat(r.out()).contains("  token      **** (");
    }

    @Test
    void tokenWhenAnEarlierRunCachedItThenReusesItWithoutATokenRequest() {
        tokenIssued("");
        Cli.run(dir, env, "token", "salesforce");

        Cli.Result r = Cli.run(dir, env, "token", "salesforce");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("  source     cache (issued to an earlier run)\n");
        assertThat(tokenRequests()).isEqualTo(1);
    }

    @Test
    void tokenWhenTheResponseHasExpiresInAndScopeThenShowsThem() {
        tokenIssued(",\"expires_in\":3600,\"scope\":\"api refresh_token\"");

        Cli.Result r = Cli.run(dir, env, "token", "salesforce");

        assertThat(withoutTimes(r.out())).contains("  expires    <time> (in 60 min)\n")
                .contains("  scope      api refresh_token\n");
    }

    @Test
    void tokenShowPrintsOnlyTheRawTokenForPiping() {
        tokenIssued("");

        Cli.Result r = Cli.run(dir, env, "token", "salesforce", "--show");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(ACCESS_TOKEN + "\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void tokenWithNoTokenCacheThenAsksAndWritesNothing() {
        tokenIssued("");
        Cli.run(dir, env, "token", "salesforce");

        Cli.Result r = Cli.run(dir, env, "token", "salesforce", "--no-token-cache");

        assertThat(r.out()).contains("  source     new (just issued by the token endpoint)\n");
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void tokenClearDropsTheConnectorsCachedTokensAndSaysHowMany() throws IOException {
        tokenIssued("");
        Cli.run(dir, env, "token", "salesforce");
        Files.writeString(tokens.resolve("salesforce-00000000000000000000000000000000"), "another credential set");
        Files.writeString(tokens.resolve("spotify-00000000000000000000000000000000"), "another connector");

        Cli.Result r = Cli.run(dir, env, "token", "salesforce", "--clear");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("dropped 2 cached tokens of `salesforce` in " + tokens + "\n");
        assertThat(Cli.run(dir, env, "token", "salesforce", "--clear").out())
                .isEqualTo("no cached token of `salesforce` in " + tokens + "\n");
        assertThat(entries()).containsExactly("spotify-00000000000000000000000000000000");
        assertThat(tokenRequests()).isEqualTo(1);
    }

    @Test
    void tokenClearWithoutAConnectorDropsEveryCachedToken() throws IOException {
        tokenIssued("");
        Cli.run(dir, env, "token", "salesforce");
        Files.writeString(tokens.resolve("spotify-00000000000000000000000000000000"), "another connector");

        Cli.Result r = Cli.run(dir, env, "token", "--clear");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("dropped 2 cached tokens in " + tokens + "\n");
        assertThat(entries()).isEmpty();
        assertThat(Cli.run(dir, env, "token", "--clear").out()).isEqualTo("no cached token in " + tokens + "\n");
    }

    @Test
    void tokenWhenTheConnectorIsUnknownThenExits2WithASuggestion() {
        Cli.Result r = Cli.run(dir, env, "token", "salesforc");
        Cli.Result clear = Cli.run(dir, env, "token", "salesforc", "--clear");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: unknown connector `salesforc`\n  hint: did you mean `salesforce`?\n");
        assertThat(clear.exitCode()).isEqualTo(2);
        assertThat(clear.err()).isEqualTo(r.err());
        assertThat(tokenRequests()).isZero();
    }

    @Test
    void tokenWithoutAConnectorThenExits2() {
        Cli.Result r = Cli.run(dir, env, "token");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: missing CONNECTOR\n  hint: `token CONNECTOR` shows a connector's token;"
                + " `token --clear` drops every cached token\n");
    }

    @Test
    void tokenWhenTheTokenEndpointRefusesThenExits4WithTheOAuthError() {
        login.stubFor(post(TOKEN_PATH).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}")));

        Cli.Result r = Cli.run(dir, env, "token", "salesforce");

        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).startsWith("error: the token endpoint answered 400: invalid_grant (authentication failure)\n");
        assertThat(r.out()).isEmpty();
        assertThat(tokenRequests()).isEqualTo(1);
    }

    @Test
    void tokenWhenASecretIsMissingThenExits3BeforeAnyRequest() {
        env.remove("SALESFORCE_PASSWORD");

        Cli.Result r = Cli.run(dir, env, "token", "salesforce");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("secret `<<salesforce_password>>` is not set");
        assertThat(tokenRequests()).isZero();
    }

    @Test
    void tokenWhenTheCacheFileIsReadableByOthersThenWarnsOnceAsksAgainAndRewritesItOwnerOnly() throws IOException {
        tokenIssued("");
        Cli.run(dir, env, "token", "salesforce");
        Path file = tokens.resolve(entries().get(0));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        Cli.Result r = Cli.run(dir, env, "token", "salesforce");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEqualTo("warning: ignoring the token cache file " + file + ": its mode is rw-r--r--,"
                + " so other users may read it (expected rw-------); a new token will replace it\n");
        assertThat(r.out()).contains("  source     new (just issued by the token endpoint)\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void tokenWhenAuthIsBearerThenThereIsNothingToObtainAndNothingToShow() throws IOException {
        Files.copy(Path.of("connectors/github.yaml"), dir.resolve("connectors/github.yaml"));
        env.put("GITHUB_TOKEN", "ghp_16C7e42F292c6912E7710c838347Ae178B4a");

        Cli.Result r = Cli.run(dir, env, "token", "github");
        Cli.Result show = Cli.run(dir, env, "token", "github", "--show");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(""
                + "  connector  github\n"
                + "  type       bearer\n"
                + "  source     the connector's own credentials: nothing to obtain, nothing cached\n"
                + "  base URL   https://api.github.com\n");
        assertThat(show.exitCode()).isEqualTo(2);
        assertThat(show.err()).isEqualTo("error: connector `github` uses bearer auth: there is no token to show\n"
                + "  hint: --show is for OAuth2 connectors\n");
        assertThat(show.out()).isEmpty();
    }

    @Test
    void tokenShowAndClearTogetherThenExits2() {
        Cli.Result r = Cli.run(dir, env, "token", "salesforce", "--show", "--clear");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: --show and --clear cannot be combined\n");
    }

    List<String> entries() throws IOException {
        try (Stream<Path> files = Files.list(tokens)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lock")).sorted().toList();
        }
    }
}
