package dev.connectorruntime.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.connectorruntime.http.PercentEncoding;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's whole path, `run list-contacts`, against a login server and an instance on two loopback ports,
 * answering as Salesforce does (salesforce-wire.md): no expires_in, instance_url, errors as a JSON array.
 */
class RunSalesforceTest extends SalesforceServers {

    static final String ACCESS_TOKEN = "00D50000000IZ3Z!AQgAQH0Yd9M51BU_rayzAdmZ6NmT3pXZBgzkc3JTwDOGBl8BP2AREOiZzL";
    static final String QUERY = "/services/data/v58.0/query";


    void tokenIssued() {
        login.stubFor(post("/services/oauth2/token").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"instance_url\":\"" + instance.baseUrl() + "\","
                        + "\"id\":\"https://login.salesforce.com/id/00D50000000IZ3ZEAW/00550000001fg5OAAQ\","
                        + "\"token_type\":\"Bearer\",\"issued_at\":\"1296509381665\","
                        + "\"signature\":\"+Nbl5EOl/DlsvUZ4NbGDno6vn935XsWGVbwoKyXHayo=\"}")));
    }

    static String page(String nextRecordsUrl, String... names) {
        StringBuilder records = new StringBuilder();
        for (String n : names) {
            records.append(records.length() == 0 ? "" : ",")
                    .append("{\"attributes\":{\"type\":\"Contact\",\"url\":\"/services/data/v58.0/sobjects/Contact/003\"},")
                    .append("\"Name\":\"").append(n).append("\"}");
        }
        return "{\"totalSize\":3,\"done\":" + (nextRecordsUrl == null) + ","
                + (nextRecordsUrl == null ? "" : "\"nextRecordsUrl\":\"" + nextRecordsUrl + "\",")
                + "\"records\":[" + records + "]}";
    }

    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            fields.put(PercentEncoding.decodeForm(pair.substring(0, eq)), PercentEncoding.decodeForm(pair.substring(eq + 1)));
        }
        return fields;
    }

    @Test
    void runListContactsWhenCredentialsAreValidThenPrintsEveryPagesNames() {
        tokenIssued();
        instance.stubFor(get(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withHeader("Sforce-Limit-Info", "api-usage=18/5000")
                .withBody(page("/services/data/v58.0/query/01gRO0000016PIAYA2-2000", "Ada Lovelace", "José Müller"))));
        instance.stubFor(get("/services/data/v58.0/query/01gRO0000016PIAYA2-2000").willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(page(null, "Grace Hopper"))));

        Cli.Result r = Cli.run(dir, env, "run", "list-contacts");

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("[\"Ada Lovelace\",\"José Müller\",\"Grace Hopper\"]\n");

        List<LoggedRequest> tokenRequests = login.findAll(postRequestedFor(urlPathEqualTo("/services/oauth2/token")));
        assertThat(tokenRequests).hasSize(1);
        assertThat(tokenRequests.get(0).getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(form(tokenRequests.get(0))).containsExactly(
                Map.entry("grant_type", "password"),
                Map.entry("username", "ada@example.com"),
                Map.entry("password", SalesforceWorkspace.PASSWORD + SalesforceWorkspace.SECURITY_TOKEN),
                Map.entry("client_id", "3MVG9.consumer-key"),
                Map.entry("client_secret", SalesforceWorkspace.CONSUMER_SECRET));
        assertThat(tokenRequests.get(0).getBodyAsString()).contains("username=ada%40example.com");
        assertThat(tokenRequests.get(0).containsHeader("Authorization")).isFalse();
        assertThat(tokenRequests.get(0).containsHeader("Accept-Encoding")).isFalse();

        List<LoggedRequest> queries = instance.findAll(getRequestedFor(urlPathEqualTo(QUERY)));
        assertThat(queries).hasSize(1);
        assertThat(queries.get(0).getUrl()).isEqualTo(QUERY + "?q=SELECT%20Name%20FROM%20Contact%20LIMIT%2010");
        assertThat(queries.get(0).getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
        assertThat(queries.get(0).getHeader("Accept")).isEqualTo("application/json");
        instance.verify(getRequestedFor(urlPathEqualTo("/services/data/v58.0/query/01gRO0000016PIAYA2-2000"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
    }

    @Test
    void runWhenLimitIsGivenThenItIsParsedAsAnIntegerAndRenderedIntoTheQuery() {
        tokenIssued();
        instance.stubFor(get(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(page(null, "Ada Lovelace", "Alan Turing"))));

        Cli.Result r = Cli.run(dir, env, "run", "list-contacts", "-i", "limit=2");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("[\"Ada Lovelace\",\"Alan Turing\"]\n");
        instance.verify(getRequestedFor(urlPathEqualTo(QUERY))
                .withQueryParam("q", equalTo("SELECT Name FROM Contact LIMIT 2")));
    }

    @Test
    void runWhenSecretsAreInTheDotEnvFileThenTheyAreUsed() throws Exception {
        tokenIssued();
        instance.stubFor(get(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(page(null, "Ada Lovelace"))));
        Map<String, String> partial = new LinkedHashMap<>(env);
        partial.remove("SALESFORCE_PASSWORD");
        partial.put("SALESFORCE_SECURITY_TOKEN", "");
        Files.writeString(dir.resolve(".env"), "# local secrets\nexport SALESFORCE_PASSWORD='pa$$ word'\n");

        Cli.Result r = Cli.run(dir, partial, "run", "list-contacts");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(form(login.findAll(postRequestedFor(urlPathEqualTo("/services/oauth2/token"))).get(0)))
                .containsEntry("password", "pa$$ word");
    }

    @Test
    void runWhenASecretIsMissingThenExits3NamingItsPlaceholderAndLineBeforeAnyRequest() {
        Map<String, String> partial = new LinkedHashMap<>(env);
        partial.remove("SALESFORCE_USERNAME");

        Cli.Result r = Cli.run(dir, partial, "run", "list-contacts");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(""
                + "connectors/salesforce.yaml:10:13: error: secret `<<salesforce_username>>` is not set\n"
                + " 10 |   username: <<salesforce_username>>\n"
                + "    |             ^\n"
                + "  hint: set the environment variable SALESFORCE_USERNAME, or add SALESFORCE_USERNAME=... to "
                + dir.resolve(".env") + "\n"
                + "1 error\n");
        assertThat(login.getAllServeEvents()).isEmpty();
        assertThat(instance.getAllServeEvents()).isEmpty();
    }

    @Test
    void runWhenTheTokenEndpointRefusesThenExits4WithTheOAuthErrorAndNeverRetries() {
        login.stubFor(post("/services/oauth2/token").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withHeader("Cache-Control", "no-store")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}")));

        Cli.Result r = Cli.run(dir, env, "run", "list-contacts");

        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).isEqualTo(""
                + "error: the token endpoint answered 400: invalid_grant (authentication failure)\n"
                + "  response: {\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}\n"
                + "  hint: check the credentials (for Salesforce: the username, and the password immediately followed"
                + " by the security token; orgs created since Summer '23 must also allow OAuth username-password"
                + " flows)\n");
        assertThat(login.findAll(postRequestedFor(urlPathEqualTo("/services/oauth2/token")))).hasSize(1);
        assertThat(instance.getAllServeEvents()).isEmpty();
        assertThat(r.err()).doesNotContain(SalesforceWorkspace.PASSWORD, SalesforceWorkspace.SECURITY_TOKEN,
                SalesforceWorkspace.CONSUMER_SECRET);
    }

    @Test
    void runWhenTheTokenEndpointAsksToWaitLongerThanMaxDelayThenExits4AtOnce() {
        login.stubFor(post("/services/oauth2/token").willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "3600").withBody("Too many logins")));

        Cli.Result r = Cli.run(dir, env, "run", "list-contacts");

        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).isEqualTo("error: the server answered 429 and asked to wait 1h before trying again,"
                + " more than `max_delay` (30s)\n"
                + "  response: Too many logins\n"
                + "  hint: try again later, or raise `retry.max_delay`\n");
        assertThat(login.findAll(postRequestedFor(urlPathEqualTo("/services/oauth2/token")))).hasSize(1);
    }

    @Test
    void runWhenTheSessionIsRejectedTwiceThenRenewsOnceAndExits4WithTheApiError() {
        tokenIssued();
        instance.stubFor(get(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")));

        Cli.Result r = Cli.run(dir, env, "run", "list-contacts");

        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).startsWith("error: the API answered 401 again after the token was renewed:"
                + " INVALID_SESSION_ID: Session expired or invalid\n"
                + "  response: [{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]\n");
        assertThat(login.findAll(postRequestedFor(urlPathEqualTo("/services/oauth2/token")))).hasSize(2);
        assertThat(instance.findAll(getRequestedFor(urlPathEqualTo(QUERY)))).hasSize(2);
        assertThat(r.err()).doesNotContain(ACCESS_TOKEN);
    }

    @Test
    void runWhenTheSessionExpiredThenRenewsAndSendsOnceMore() {
        tokenIssued();
        instance.stubFor(get(urlPathEqualTo(QUERY)).inScenario("session").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]"))
                .willSetStateTo("renewed"));
        instance.stubFor(get(urlPathEqualTo(QUERY)).inScenario("session").whenScenarioStateIs("renewed")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(page(null, "Ada Lovelace"))));

        Cli.Result r = Cli.run(dir, env, "run", "list-contacts");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("[\"Ada Lovelace\"]\n");
        assertThat(login.findAll(postRequestedFor(urlPathEqualTo("/services/oauth2/token")))).hasSize(2);
    }

    @Test
    void runWhenTheQueryIsMalformedThenExits5WithTheStatusAndSalesforcesErrorBody() {
        tokenIssued();
        instance.stubFor(get(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"message\":\"unexpected token: FORM\",\"errorCode\":\"MALFORMED_QUERY\"}]")));

        Cli.Result r = Cli.run(dir, env, "run", "list-contacts");

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).isEqualTo(""
                + "error: the API answered 400: MALFORMED_QUERY: unexpected token: FORM\n"
                + "  response: [{\"message\":\"unexpected token: FORM\",\"errorCode\":\"MALFORMED_QUERY\"}]\n");
        assertThat(instance.findAll(getRequestedFor(urlPathEqualTo(QUERY)))).hasSize(1);
    }

    @Test
    void runWhenTheJsonErrorsFlagIsGivenThenTheFailureIsOneJsonObject() {
        tokenIssued();
        instance.stubFor(get(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]")));

        Cli.Result r = Cli.run(dir, env, "run", "list-contacts", "--json-errors");

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).isEqualTo("{\"exit_code\":5,\"kind\":\"api\",\"code\":\"api-error\",\"status\":403,"
                + "\"api_error\":[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":"
                + "\"REQUEST_LIMIT_EXCEEDED\"}],"
                + "\"message\":\"the API answered 403: REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.\","
                + "\"hint\":\"the credentials are valid but lack permission for this request (or an API limit is"
                + " reached)\"}\n");
        assertThat(instance.findAll(getRequestedFor(urlPathEqualTo(QUERY)))).hasSize(1);
    }

    @Test
    void runWhenTheLoginHostRefusesConnectionsThenExits6() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        env.put("SALESFORCE_LOGIN_HOST", "127.0.0.1:" + closed);

        Cli.Result r = Cli.run(dir, env, "run", "list-contacts");

        assertThat(r.exitCode()).isEqualTo(6);
        // the host came from the environment (<<salesforce_login_host>>), so it is a secret value: masked
        assertThat(r.err()).isEqualTo("error: connection refused by **** (after 3 attempts)\n"
                + "  hint: is the server up, and is the URL's port right?\n");
    }

    @Test
    void runWhenTheApiIsSlowerThanTheTimeoutThenExits6() throws Exception {
        Path connector = dir.resolve("connectors/salesforce.yaml");
        Files.writeString(connector, Files.readString(connector).replace("timeout: 30s", "timeout: 300ms"));
        tokenIssued();
        instance.stubFor(get(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(200).withFixedDelay(3000)
                .withHeader("Content-Type", "application/json").withBody(page(null, "Ada Lovelace"))));

        Cli.Result r = Cli.run(dir, env, "run", "list-contacts");

        assertThat(r.exitCode()).isEqualTo(6);
        assertThat(r.err()).isEqualTo("error: no answer from localhost:" + instance.port()
                + " within 300ms (after 3 attempts)\n"
                + "  hint: the server may be slow or unreachable: try again, or raise the connector's `timeout`\n");
    }

    @Test
    void runWhenAnInputIsNotAnIntegerThenExits2BeforeAnyRequest() {
        Cli.Result r = Cli.run(dir, env, "run", "list-contacts", "-i", "limit=ten");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: input `limit` must be an integer, not `ten`\n"
                + "  hint: limit: How many contacts to return\n");
        assertThat(login.getAllServeEvents()).isEmpty();
    }

    @Test
    void runWhenAnInputIsOutOfRangeThenExits2() {
        Cli.Result r = Cli.run(dir, env, "run", "list-contacts", "-i", "limit=5000");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: input `limit` must be at most 2000, not 5000\n");
    }

    @Test
    void runWhenTheInputIsUnknownThenExits2WithASuggestion() {
        Cli.Result r = Cli.run(dir, env, "run", "list-contacts", "-i", "limt=5");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: `list-contacts` has no input `limt`\n  hint: did you mean `limit`?\n");
    }

    @Test
    void runWhenTheActionIsUnknownThenExits2WithASuggestion() {
        Cli.Result r = Cli.run(dir, env, "run", "list-contact");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: unknown action `list-contact`\n  hint: did you mean `list-contacts`?\n");
    }

    @Test
    void runWhenTheInstanceUrlIsPlainHttpOnAnotherHostThenRefusesToSendTheToken() {
        login.stubFor(post("/services/oauth2/token").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"instance_url\":\"http://na1.salesforce.com\","
                        + "\"token_type\":\"Bearer\"}")));

        Cli.Result r = Cli.run(dir, env, "run", "list-contacts");

        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).isEqualTo("error: the token response's `instance_url` (http://na1.salesforce.com) must use"
                + " https (plain http is allowed only on a loopback address)\n");
    }

    @Test
    void runWhenTheWorkspaceIsGivenWithDirThenItIsUsed(@TempDir Path elsewhere) {
        tokenIssued();
        instance.stubFor(get(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(page(null, "Ada Lovelace"))));

        Cli.Result r = Cli.run(elsewhere, env, "run", "list-contacts", "--dir", dir.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("[\"Ada Lovelace\"]\n");
    }
}
