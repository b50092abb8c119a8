package dev.connectorruntime.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.connectorruntime.http.TestServers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §6 Retries through the CLI, counting what the server received: a request that may have been applied is not
 * sent twice unless its method or the action says it may be.
 */
class RetriesCliTest {

    @RegisterExtension
    static final WireMockExtension server = TestServers.loopback();

    @TempDir
    Path dir;

    @BeforeEach
    void workspace() {
        TestWorkspace.plainConnector(dir, TestServers.origin(server), "");
        action("create", "POST", "");
        action("replace", "PUT", "");
        action("fetch", "GET", "");
    }

    void action(String name, String method, String extra) {
        TestWorkspace.write(dir, "actions/" + name + ".yaml", "name: " + name + "\nconnector: api\nrequest:\n"
                + "  method: " + method + "\n  path: /things\n" + (method.equals("GET") ? "" : "  json: { n: 1 }\n")
                + extra);
    }

    Cli.Result run(String action) {
        return Cli.run(dir, Map.of(), "run", action);
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 503, 504})
    void postAnsweredAGatewayErrorWithoutRetryAfterIsSentOnce(int status) {
        server.stubFor(post("/base/things").willReturn(aResponse().withStatus(status)));

        Cli.Result r = run("create");

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).startsWith("error: the API answered " + status + "\n");
        server.verify(1, postRequestedFor(urlEqualTo("/base/things")));
    }

    @Test
    void postThatTimesOutIsSentOnceAndIsExit6() {
        server.stubFor(post("/base/things").willReturn(aResponse().withStatus(201).withFixedDelay(3000)));

        Cli.Result r = run("create");

        assertThat(r.exitCode()).isEqualTo(6);
        assertThat(r.err()).isEqualTo("error: no answer from 127.0.0.1:" + server.getPort() + " within 2s\n"
                + "  hint: the server may be slow or unreachable: try again, or raise the connector's `timeout`\n");
        server.verify(1, postRequestedFor(urlEqualTo("/base/things")));
    }

    @Test
    void postAnswered503WithRetryAfterIsSentAgainSinceTheServerSaysItWasNotApplied() {
        TestServers.answerInTurn(server, () -> post("/base/things"),
                aResponse().withStatus(503).withHeader("Retry-After", "1"),
                aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"id\":7}"));

        Cli.Result r = run("create");

        assertThat(r).isEqualTo(new Cli.Result(0, "{\"id\":7}\n", ""));
        server.verify(2, postRequestedFor(urlEqualTo("/base/things")));
    }

    @Test
    void postAnswered429IsRetried() {
        server.stubFor(post("/base/things").willReturn(aResponse().withStatus(429).withBody("slow down")));

        Cli.Result r = run("create");

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).isEqualTo("error: the API answered 429 (after 3 attempts)\n"
                + "  response: slow down\n"
                + "  hint: the API's rate limit is reached: try again later\n");
        server.verify(3, postRequestedFor(urlEqualTo("/base/things")));
    }

    @Test
    void postOfAnIdempotentActionIsRetriedLikeAPut() {
        action("create", "POST", "idempotent: true\n");
        server.stubFor(post("/base/things").willReturn(aResponse().withStatus(502)));

        run("create");

        server.verify(3, postRequestedFor(urlEqualTo("/base/things")));
    }

    @Test
    void patchAnswered503IsSentOnce() {
        action("update", "PATCH", "");
        server.stubFor(patch(urlEqualTo("/base/things")).willReturn(aResponse().withStatus(503)));

        run("update");

        server.verify(1, patchRequestedFor(urlEqualTo("/base/things")));
    }

    @Test
    void putAnswered503ThreeTimesIsSentThreeTimesAndIsExit5() {
        server.stubFor(put("/base/things").willReturn(aResponse().withStatus(503).withHeader("Content-Type",
                "application/json").withBody("{\"message\":\"maintenance\"}")));

        Cli.Result r = run("replace");

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).isEqualTo("error: the API answered 503: maintenance (after 3 attempts)\n"
                + "  response: {\"message\":\"maintenance\"}\n"
                + "  hint: the API failed on its side: try again later\n");
        server.verify(3, putRequestedFor(urlEqualTo("/base/things")));
    }

    @Test
    void retryAfterBeyondMaxDelayFailsAtOnce() {
        server.stubFor(get("/base/things").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));

        Cli.Result r = run("fetch");

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).isEqualTo("error: the server answered 503 and asked to wait 2m before trying again,"
                + " more than `max_delay` (30s)\n"
                + "  hint: try again later, or raise `retry.max_delay`\n");
        server.verify(1, getRequestedFor(urlEqualTo("/base/things")));
    }

    @Test
    void theActionsRetryOverridesTheConnectors() {
        TestWorkspace.plainConnector(dir, TestServers.origin(server), "retry: { max_attempts: 5 }\n");
        server.stubFor(get("/base/things").willReturn(aResponse().withStatus(504)));

        run("fetch");
        server.verify(5, getRequestedFor(urlEqualTo("/base/things")));

        server.resetRequests();
        action("fetch", "GET", "retry: { max_attempts: 2, max_delay: 1s }\n");
        run("fetch");
        server.verify(2, getRequestedFor(urlEqualTo("/base/things")));
    }

    @Test
    void salesforcesDailyLimitIsNotRetried() {
        server.stubFor(get("/base/things").willReturn(aResponse().withStatus(403).withHeader("Content-Type",
                "application/json").withBody("[{\"message\":\"TotalRequests Limit exceeded.\","
                + "\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]")));

        Cli.Result r = run("fetch");

        assertThat(r.exitCode()).isEqualTo(5);
        server.verify(1, getRequestedFor(urlEqualTo("/base/things")));
    }
}
