package dev.connectorruntime.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.connectorruntime.http.TestServers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §8: JSON the runtime writes is masked as JSON, string values only: a secret that spells a key, a number or
 * a literal never corrupts the answer; a short secret is masked only where it is a whole string value.
 */
class JsonMaskingCliTest {

    @RegisterExtension
    static final WireMockExtension server = TestServers.loopback();

    @TempDir
    Path dir;

    @BeforeEach
    void workspace() {
        TestWorkspace.write(dir, "connectors/api.yaml", "name: api\nbase_url: " + TestServers.origin(server)
                + "\nauth:\n  type: basic\n  username: <<api_user>>\n  password: <<api_password>>\n");
        TestWorkspace.write(dir, "actions/fetch.yaml", "name: fetch\nconnector: api\nrequest:\n  method: GET\n"
                + "  path: /thing\n");
    }

    @Test
    void shortSecretsThatSpellKeysLiteralsAndNumbersThenTheAnswerIsUnchanged() {
        server.stubFor(get("/thing").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"authenticated\":true,\"user\":{\"id\":4,\"name\":\"Ada\"},\"note\":\"true user\"}")));

        Cli.Result r = Cli.run(dir, Map.of("API_USER", "user", "API_PASSWORD", "true"), "run", "fetch");

        assertThat(r).isEqualTo(new Cli.Result(0,
                "{\"authenticated\":true,\"user\":{\"id\":4,\"name\":\"Ada\"},\"note\":\"true user\"}\n", ""));
    }

    @Test
    void shortSecretAsAWholeStringValueThenMaskedThereOnly() {
        server.stubFor(get("/thing").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"login\":\"user\",\"user\":\"a user\",\"pin\":\"true\"}")));

        Cli.Result r = Cli.run(dir, Map.of("API_USER", "user", "API_PASSWORD", "true"), "run", "fetch");

        assertThat(r.out()).isEqualTo("{\"login\":\"****\",\"user\":\"a user\",\"pin\":\"****\"}\n");
    }

    @Test
    void longSecretInsideAStringValueThenMaskedWhereverItStands() {
        server.stubFor(get("/thing").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"echo\":\"you sent s3cret-passw0rd!\",\"s3cret-passw0rd\":1}")));

        Cli.Result r = Cli.runShowingSecrets(dir, Map.of("API_USER", "ada", "API_PASSWORD", "s3cret-passw0rd"), "run",
                "fetch");

        assertThat(r.out()).isEqualTo("{\"echo\":\"you sent ****!\",\"s3cret-passw0rd\":1}\n");
    }

    @Test
    void jsonErrorsWithASecretThatSpellsTheExitCodeThenTheLineStaysValidAndTheApiErrorIsMaskedAsJson() {
        server.stubFor(get("/thing").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"attempts\":4,\"password\":\"4\",\"message\":\"4 is not a password\"}")));

        Cli.Result r = Cli.run(dir, Map.of("API_USER", "user-0001", "API_PASSWORD", "4"), "run", "fetch",
                "--json-errors");

        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("{\"exit_code\":4,\"kind\":\"auth\",\"code\":\"unauthorized\",\"status\":401,"
                + "\"api_error\":{\"attempts\":4,\"password\":\"****\",\"message\":\"4 is not a password\"},");
    }
}
