package dev.connectorruntime.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * `run` with the disk cache (SPEC §6): a thousand runs from the shell ask the token endpoint once per token
 * lifetime, a session that ends mid-way costs one extra request, and nothing readable is left on disk.
 */
class RunTokenCacheTest extends SalesforceServers {

    static final String QUERY = RunSalesforceTest.QUERY;
    static final String TOKEN_PATH = "/services/oauth2/token";
    static final String SESSION_EXPIRED =
            "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]";

    @BeforeEach
    void start() {
        env.put("CONNECTOR_RUNTIME_CACHE_DIR", dir.resolve("cache").toString());
    }

    String tokenBody(String accessToken) {
        return "{\"access_token\":\"" + accessToken + "\",\"instance_url\":\"" + instance.baseUrl() + "\","
                + "\"token_type\":\"Bearer\",\"issued_at\":\"1296509381665\"}";
    }

    void contactsFor(String accessToken) {
        instance.stubFor(get(urlPathEqualTo(QUERY)).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(okJson(RunSalesforceTest.page(null, "Ada Lovelace"))));
    }

    List<LoggedRequest> tokenRequests() {
        return login.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void runFiveTimesOnOneCacheThenOneTokenRequest() {
        login.stubFor(post(TOKEN_PATH).willReturn(okJson(tokenBody("00Dfirst!session-token-value"))));
        contactsFor("00Dfirst!session-token-value");

        for (int i = 0; i < 5; i++) {
            Cli.Result r = Cli.run(dir, env, "run", "list-contacts");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).isEqualTo("[\"Ada Lovelace\"]\n");
            assertThat(r.err()).isEmpty();
        }

        assertThat(tokenRequests()).hasSize(1);
        assertThat(instance.findAll(getRequestedFor(urlPathEqualTo(QUERY)))).hasSize(5);
    }

    @Test
    void runWhenTheTokenCameFromTheCacheThenItIsMaskedInWhatThisRunPrints() {
        login.stubFor(post(TOKEN_PATH).willReturn(okJson(tokenBody("00Dfirst!session-token-value"))));
        contactsFor("00Dfirst!session-token-value");
        Cli.run(dir, env, "run", "list-contacts");
        instance.resetAll();
        instance.stubFor(get(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(500)
                .withBody("{\"debug\":\"the token 00Dfirst!session-token-value\"}")));

        Cli.Result r = Cli.run(dir, env, "run", "list-contacts");

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).contains("the token ****").doesNotContain("session-token-value");
        assertThat(tokenRequests()).hasSize(1);
    }

    @Test
    void runWhenTheCacheFolderCannotBeCreatedThenWarnsAndStillRuns() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("cache-file"), "a file where the cache folder should be");
        env.put("CONNECTOR_RUNTIME_CACHE_DIR", notAFolder.toString());
        login.stubFor(post(TOKEN_PATH).willReturn(okJson(tokenBody("00Dfirst!session-token-value"))));
        contactsFor("00Dfirst!session-token-value");

        Cli.Result r = Cli.run(dir, env, "run", "list-contacts");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("[\"Ada Lovelace\"]\n");
        assertThat(r.err()).startsWith("warning: cannot create the token cache folder " + notAFolder.resolve("tokens")
                + " (").endsWith("); tokens are kept in memory only\n");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void runInTheSandboxNeverTouchesTheDiskTokenCache() {
        Cli.Result r = Cli.run(dir, env, "run", "list-contacts", "--sandbox");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(dir.resolve("cache").resolve("tokens")).doesNotExist();
        assertThat(tokenRequests()).isEmpty();
    }

    @Test
    void runWithNoTokenCacheThenEveryRunAsksAndNoTokenIsWritten() throws IOException {
        login.stubFor(post(TOKEN_PATH).willReturn(okJson(tokenBody("00Dfirst!session-token-value"))));
        contactsFor("00Dfirst!session-token-value");

        for (int i = 0; i < 3; i++) {
            assertThat(Cli.run(dir, env, "run", "list-contacts", "--no-token-cache").exitCode()).isZero();
        }

        assertThat(tokenRequests()).hasSize(3);
        assertThat(entries()).isEmpty();
    }

    @Test
    void runWhenTheCachedSessionEndedThenRenewsOnceCachesTheNewTokenAndTheNextRunAsksNothing() throws IOException {
        login.stubFor(post(TOKEN_PATH).inScenario("login").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(tokenBody("00Dfirst!session-token-value"))).willSetStateTo("second"));
        login.stubFor(post(TOKEN_PATH).inScenario("login").whenScenarioStateIs("second")
                .willReturn(okJson(tokenBody("00Dsecond!session-token-value"))));
        contactsFor("00Dfirst!session-token-value");
        assertThat(Cli.run(dir, env, "run", "list-contacts").exitCode()).isZero();
        instance.resetAll();
        instance.stubFor(get(urlPathEqualTo(QUERY)).withHeader("Authorization",
                equalTo("Bearer 00Dfirst!session-token-value")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(SESSION_EXPIRED)));
        contactsFor("00Dsecond!session-token-value");

        Cli.Result renewed = Cli.run(dir, env, "run", "list-contacts");
        Cli.Result next = Cli.run(dir, env, "run", "list-contacts");

        assertThat(renewed.exitCode()).as(renewed.err()).isZero();
        assertThat(renewed.out()).isEqualTo("[\"Ada Lovelace\"]\n");
        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(tokenRequests()).hasSize(2);
        assertThat(instance.findAll(getRequestedFor(urlPathEqualTo(QUERY)))).hasSize(3);
    }

    @Test
    void runWhenThePasswordChangedThenTheCacheMissesAndTheNewPasswordIsSent() {
        login.stubFor(post(TOKEN_PATH).willReturn(okJson(tokenBody("00Dfirst!session-token-value"))));
        contactsFor("00Dfirst!session-token-value");
        Cli.run(dir, env, "run", "list-contacts");
        env.put("SALESFORCE_PASSWORD", "n3w-Passw0rd");

        Cli.Result r = Cli.run(dir, env, "run", "list-contacts");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(tokenRequests()).hasSize(2);
        assertThat(tokenRequests().get(1).getBodyAsString())
                .contains("password=n3w-Passw0rd" + SalesforceWorkspace.SECURITY_TOKEN);
    }

    @Test
    void runWhenTheCacheFileIsDamagedOrTruncatedThenMissesSilently() throws IOException {
        login.stubFor(post(TOKEN_PATH).willReturn(okJson(tokenBody("00Dfirst!session-token-value"))));
        contactsFor("00Dfirst!session-token-value");
        Cli.run(dir, env, "run", "list-contacts");
        Path file = dir.resolve("cache/tokens").resolve(entries().get(0));
        byte[] good = Files.readAllBytes(file);

        Files.write(file, java.util.Arrays.copyOf(good, good.length / 2));
        Cli.Result truncated = Cli.run(dir, env, "run", "list-contacts");
        byte[] rewritten = Files.readAllBytes(file);
        rewritten[rewritten.length - 3] ^= 0x40;
        Files.write(file, rewritten);
        Cli.Result damaged = Cli.run(dir, env, "run", "list-contacts");

        assertThat(truncated.exitCode()).isZero();
        assertThat(damaged.exitCode()).isZero();
        assertThat(truncated.err() + damaged.err()).isEmpty();
        assertThat(tokenRequests()).hasSize(3);
    }

    @Test
    void runWhenTheRefreshTokenRotatesWithNoTokenCacheThenTheNextRunSpendsTheNewOne() throws IOException {
        Files.writeString(dir.resolve("connectors/crm.yaml"), ""
                + "name: crm\n"
                + "base_url: " + instance.baseUrl() + "\n"
                + "auth:\n"
                + "  type: oauth2\n"
                + "  grant_type: refresh_token\n"
                + "  token_url: " + login.baseUrl() + "/oauth/token\n"
                + "  client_id: <<crm_client_id>>\n"
                + "  refresh_token: <<crm_refresh_token>>\n");
        Files.writeString(dir.resolve("actions/crm-me.yaml"), ""
                + "name: crm-me\n"
                + "connector: crm\n"
                + "request:\n"
                + "  method: GET\n"
                + "  path: /me\n");
        env.put("CRM_CLIENT_ID", "crm-client");
        env.put("CRM_REFRESH_TOKEN", "R0-initial-refresh-token");
        login.stubFor(post("/oauth/token").inScenario("rotation").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"access_token\":\"crm-access-1\",\"token_type\":\"bearer\","
                        + "\"refresh_token\":\"R1-rotated-refresh-token\"}")).willSetStateTo("rotated"));
        login.stubFor(post("/oauth/token").inScenario("rotation").whenScenarioStateIs("rotated")
                .willReturn(okJson("{\"access_token\":\"crm-access-2\",\"token_type\":\"bearer\","
                        + "\"refresh_token\":\"R2-rotated-refresh-token\"}")));
        instance.stubFor(get("/me").willReturn(okJson("{\"name\":\"Ada\"}")));

        Cli.Result first = Cli.run(dir, env, "run", "crm-me", "--no-token-cache");
        Cli.Result second = Cli.run(dir, env, "run", "crm-me", "--no-token-cache");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(login.findAll(postRequestedFor(urlPathEqualTo("/oauth/token"))))
                .extracting(r -> r.getBodyAsString().replaceAll(".*refresh_token=([^&]*).*", "$1"))
                .containsExactly("R0-initial-refresh-token", "R1-rotated-refresh-token");
        List<String> files = entries();
        assertThat(files).hasSize(1).allMatch(n -> n.startsWith("crm-"));
        String onDisk = new String(Files.readAllBytes(dir.resolve("cache/tokens").resolve(files.get(0))),
                StandardCharsets.ISO_8859_1);
        assertThat(onDisk).doesNotContain("R2-rotated").doesNotContain("crm-access");
    }

    List<String> entries() throws IOException {
        Path tokens = dir.resolve("cache/tokens");
        if (!Files.isDirectory(tokens)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(tokens)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lock")).sorted().toList();
        }
    }
}
