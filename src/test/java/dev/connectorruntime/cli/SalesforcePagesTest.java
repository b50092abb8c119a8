package dev.connectorruntime.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The "done": a paginated Salesforce query returns all its records, every page through auth, retries and
 * 401 renewal (the session may expire between pages; an instance may answer 503 for a moment).
 */
class SalesforcePagesTest extends SalesforceServers {

    static final String SECOND = "/services/data/v58.0/query/01gRO0000016PIAYA2-2000";
    static final String THIRD = "/services/data/v58.0/query/01gRO0000016PIAYA2-4000";

    @BeforeEach
    void start() {
        login.stubFor(post("/services/oauth2/token").inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("second").willReturn(token("first-session-token-0001")));
        login.stubFor(post("/services/oauth2/token").inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(token("second-session-token-0002")));
    }

    private com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder token(String access) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + access + "\",\"instance_url\":\"" + instance.baseUrl()
                        + "\",\"token_type\":\"Bearer\",\"issued_at\":\"1296509381665\"}");
    }

    @Test
    void runListContactsOverThreePagesRenewsAnExpiredSessionAndRetriesA503() {
        instance.stubFor(get(urlPathEqualTo(RunSalesforceTest.QUERY)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(RunSalesforceTest.page(SECOND, "Ada Lovelace", "Alan Turing"))));
        instance.stubFor(get(urlEqualTo(SECOND)).withHeader("Authorization", equalTo("Bearer first-session-token-0001"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")));
        instance.stubFor(get(urlEqualTo(SECOND)).withHeader("Authorization", equalTo("Bearer second-session-token-0002"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(RunSalesforceTest.page(THIRD, "Grace Hopper"))));
        instance.stubFor(get(urlEqualTo(THIRD)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("ready").willReturn(aResponse().withStatus(503)));
        instance.stubFor(get(urlEqualTo(THIRD)).inScenario("busy").whenScenarioStateIs("ready")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(RunSalesforceTest.page(null, "Katherine Johnson"))));

        Cli.Result r = Cli.run(dir, env, "run", "list-contacts");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("[\"Ada Lovelace\",\"Alan Turing\",\"Grace Hopper\",\"Katherine Johnson\"]\n");
        assertThat(login.findAll(postRequestedFor(urlPathEqualTo("/services/oauth2/token")))).hasSize(2);
        assertThat(instance.findAll(getRequestedFor(urlEqualTo(SECOND)))).hasSize(2);
        assertThat(instance.findAll(getRequestedFor(urlEqualTo(THIRD)))).hasSize(2);
        instance.verify(getRequestedFor(urlEqualTo(THIRD)).withHeader("Authorization",
                equalTo("Bearer second-session-token-0002")));
    }
}
