package dev.connectorruntime.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC §7 {@code run -v}: each request and answer on stderr, token requests and retries too, masked. */
class VerboseTest extends SalesforceServers {

    @BeforeEach
    void start() {
        login.stubFor(post("/services/oauth2/token").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + RunSalesforceTest.ACCESS_TOKEN + "\",\"instance_url\":\""
                        + instance.baseUrl() + "\",\"token_type\":\"Bearer\"}")));
    }

    @Test
    void verboseShowsTheTokenRequestEachAttemptTheRetryAndTheAnswersMasked() {
        instance.stubFor(get(urlPathEqualTo(RunSalesforceTest.QUERY)).inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ready")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")));
        instance.stubFor(get(urlPathEqualTo(RunSalesforceTest.QUERY)).inScenario("busy")
                .whenScenarioStateIs("ready").willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withHeader("Set-Cookie", "sid=abc123; Secure")
                        .withBody(RunSalesforceTest.page(null, "Ada Lovelace"))));

        Cli.Result r = Cli.run(dir, env, "run", "list-contacts", "-v");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("[\"Ada Lovelace\"]\n");
        // the whole token URL holds <<salesforce_login_host>>, a value from the environment: masked like any secret
        assertThat(normalized(r.err())).isEqualTo(""
                + "> POST ****\n"
                + "> Accept: application/json\n"
                + "> User-Agent: connector-runtime/dev\n"
                + "> Content-Type: application/x-www-form-urlencoded\n"
                + "> (body: 148 bytes)\n"
                + "< 200 in N ms, 155 bytes\n"
                + "< content-type: application/json\n"
                + "< matched-stub-id: ID\n"
                + "< transfer-encoding: chunked\n"
                + "> GET http://localhost:PORT/services/data/v58.0/query?q=SELECT%20Name%20FROM%20Contact%20LIMIT%2010\n"
                + "> Accept: application/json\n"
                + "> User-Agent: connector-runtime/dev\n"
                + "> Authorization: Bearer ****\n"
                + "< 503 in N ms, 0 bytes\n"
                + "< matched-stub-id: ID\n"
                + "< retry-after: 2\n"
                + "< transfer-encoding: chunked\n"
                + "* retrying in 2s (attempt 2 of 3)\n"
                + "> GET http://localhost:PORT/services/data/v58.0/query?q=SELECT%20Name%20FROM%20Contact%20LIMIT%2010"
                + " (attempt 2 of 3)\n"
                + "> Accept: application/json\n"
                + "> User-Agent: connector-runtime/dev\n"
                + "> Authorization: Bearer ****\n"
                + "< 200 in N ms, 145 bytes\n"
                + "< content-type: application/json\n"
                + "< matched-stub-id: ID\n"
                + "< set-cookie: ****\n"
                + "< transfer-encoding: chunked\n");
        assertThat(r.err()).doesNotContain(RunSalesforceTest.ACCESS_TOKEN, SalesforceWorkspace.PASSWORD,
                SalesforceWorkspace.CONSUMER_SECRET, "abc123");
    }

    private String normalized(String err) {
        return err.replaceAll("in \\d+ ms", "in N ms").replaceAll("matched-stub-id: \\S+", "matched-stub-id: ID")
                .replace("localhost:" + instance.port(), "localhost:PORT");
    }

    @Test
    void verboseShowsEachFaultAndWaitBeforeTheError() {
        Map<String, String> closed = SalesforceWorkspace.env(dev.connectorruntime.http.TestServers.closedPort());
        closed.remove("SALESFORCE_LOGIN_HOST");
        TestWorkspace.write(dir, "connectors/salesforce.yaml", "name: salesforce\nbase_url: http://127.0.0.1:"
                + dev.connectorruntime.http.TestServers.closedPort() + "\nauth:\n  type: bearer\n  token: <<sf_token>>\n");

        Cli.Result r = Cli.run(dir, Map.of("SF_TOKEN", "t0ken-value"), "run", "list-contacts", "-v");

        assertThat(r.exitCode()).isEqualTo(6);
        assertThat(r.err().replaceAll("after \\d+ ms", "after N ms").replaceAll("127\\.0\\.0\\.1:\\d+", "HOST")
                .replaceAll("in \\d+ms", "in Nms")).isEqualTo(""
                + "> GET http://HOST/services/data/v58.0/query?q=SELECT%20Name%20FROM%20Contact%20LIMIT%2010\n"
                + "> User-Agent: connector-runtime/dev\n"
                + "> Authorization: Bearer ****\n"
                + "* failed after N ms: connection refused by HOST\n"
                + "* retrying in 0s (attempt 2 of 3)\n"
                + "> GET http://HOST/services/data/v58.0/query?q=SELECT%20Name%20FROM%20Contact%20LIMIT%2010"
                + " (attempt 2 of 3)\n"
                + "> User-Agent: connector-runtime/dev\n"
                + "> Authorization: Bearer ****\n"
                + "* failed after N ms: connection refused by HOST\n"
                + "* retrying in 0s (attempt 3 of 3)\n"
                + "> GET http://HOST/services/data/v58.0/query?q=SELECT%20Name%20FROM%20Contact%20LIMIT%2010"
                + " (attempt 3 of 3)\n"
                + "> User-Agent: connector-runtime/dev\n"
                + "> Authorization: Bearer ****\n"
                + "* failed after N ms: connection refused by HOST\n"
                + "error: connection refused by HOST (after 3 attempts)\n"
                + "  hint: is the server up, and is the URL's port right?\n");
    }

    @Test
    void verboseEscapesControlCharactersTheServerSendsInHeaders() {
        // the JDK refuses C0 controls in a header (a reset); obs-text such as the C1 CSI (0x9B) gets through
        instance.stubFor(get(urlPathEqualTo(RunSalesforceTest.QUERY)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-Note", "a\u009b2Jb")
                .withBody(RunSalesforceTest.page(null))));

        Cli.Result r = Cli.run(dir, env, "run", "list-contacts", "-v");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("< x-note: a\\u009b2Jb\n").doesNotContain("\u009b");
    }

    @Test
    void verboseMasksAnApiKeyInTheQuery() {
        TestWorkspace.write(dir, "connectors/salesforce.yaml", "name: salesforce\nbase_url: " + instance.baseUrl()
                + "\nauth:\n  type: api_key\n  in: query\n  name: key\n  value: <<sf_key>>\n");
        instance.stubFor(get(urlPathEqualTo(RunSalesforceTest.QUERY)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(RunSalesforceTest.page(null))));

        Cli.Result r = Cli.run(dir, Map.of("SF_KEY", "k3y/with+plus"), "run", "list-contacts", "-v");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("> GET " + instance.baseUrl() + RunSalesforceTest.QUERY
                + "?q=SELECT%20Name%20FROM%20Contact%20LIMIT%2010&key=****\n").doesNotContain("k3y");
    }
}
