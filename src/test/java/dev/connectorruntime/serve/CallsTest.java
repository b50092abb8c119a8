package dev.connectorruntime.serve;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.auth.TokenStore;
import dev.connectorruntime.engine.ConnectorRuntime;
import dev.connectorruntime.engine.SecretSource;
import dev.connectorruntime.http.Cancellation;
import dev.connectorruntime.http.Deadline;
import dev.connectorruntime.http.HttpListener;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.secret.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One call as every front end of serve makes it: outcomes, masking, the queue (SPEC §11). */
class CallsTest {

    @TempDir
    Path dir;

    McpFixture fixture;
    ConnectorRuntime engine;
    Lanes lanes;
    final Redactor redactor = new Redactor();

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
        if (lanes != null) {
            lanes.close();
        }
        fixture.close();
    }

    private Calls calls(Map<String, String> env, int concurrency, int queue) {
        engine = ConnectorRuntime.builder().workspace(dir).secrets(SecretSource.of(env)).environment(Map.of())
                .tokenStore(TokenStore.NONE).redactor(redactor).build();
        lanes = new Lanes(concurrency, queue);
        return new Calls(engine, redactor, lanes);
    }

    private Catalog.Entry entry() {
        return Catalog.of(engine, Catalog.Filter.ALL, w -> { }).get("list-contacts");
    }

    private CompletableFuture<Calls.Outcome> call(Calls calls, Duration timeout) {
        return calls.call(entry(), Json.object(), Deadline.forCall(timeout), new Cancellation(), HttpListener.NONE);
    }

    @Test
    void aMissingSecretIsAFailureThatNamesTheFileAndLineButNoAbsolutePath() throws Exception {
        fixture = new McpFixture(dir);
        Map<String, String> env = new HashMap<>(fixture.env());
        env.remove("SALESFORCE_PASSWORD");
        Calls calls = calls(env, 8, 8);

        Calls.Failed failed = (Calls.Failed) call(calls, Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS);

        JsonNode error = failed.json(redactor);
        assertThat(error.get("kind").asText()).isEqualTo("invalid");
        assertThat(error.get("problems")).hasSize(1);
        assertThat(error.get("problems").get(0).asText()).matches("connectors/salesforce\\.yaml:\\d+:\\d+: error:"
                + " secret `<<salesforce_password>>` is not set");
        assertThat(Problems.status(failed.failure())).isEqualTo(500);
    }

    @Test
    void aFullQueueIsAnOverloadedOutcome() throws Exception {
        fixture = new McpFixture(dir);
        fixture.instance.stubFor(get(urlPathEqualTo("/services/data/v58.0/query")).willReturn(aResponse()
                .withFixedDelay(1500).withHeader("Content-Type", "application/json").withBody(McpFixture.CONTACTS)));
        Calls calls = calls(fixture.env(), 1, 1);

        CompletableFuture<Calls.Outcome> running = call(calls, Duration.ofSeconds(10));
        Thread.sleep(100);
        CompletableFuture<Calls.Outcome> queued = call(calls, Duration.ofSeconds(10));
        Calls.Outcome refused = call(calls, Duration.ofSeconds(10)).get(5, TimeUnit.SECONDS);

        JsonNode error = ((Calls.Failed) refused).json(redactor);
        assertThat(error.get("kind").asText()).isEqualTo("overloaded");
        assertThat(error.get("code").asText()).isEqualTo("overloaded");
        assertThat(running.get(10, TimeUnit.SECONDS)).isInstanceOf(Calls.Done.class);
        assertThat(queued.get(10, TimeUnit.SECONDS)).isInstanceOf(Calls.Done.class);
        assertThat(Problems.status(((Calls.Failed) refused).failure())).isEqualTo(503);
    }

    @Test
    void theOutputIsMaskedJsonAware() throws Exception {
        fixture = new McpFixture(dir);
        fixture.contacts("{\"totalSize\":1,\"done\":true,\"records\":[{\"Name\":\"" + McpFixture.PASSWORD + "\"}]}");
        Calls calls = calls(fixture.env(), 8, 8);

        Calls.Done done = (Calls.Done) call(calls, Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS);

        assertThat(done.output().toString()).isEqualTo("[\"****\"]");
    }
}
