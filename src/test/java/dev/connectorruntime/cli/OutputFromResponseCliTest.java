package dev.connectorruntime.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.connectorruntime.http.TestServers;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, point 5: {@code output_from: response}. A {@code 201 Created} whose id is only in {@code Location}
 * (Keycloak's create user) is read through {@code output: headers.location} instead of printing {@code null}.
 */
class OutputFromResponseCliTest {

    @RegisterExtension
    static final WireMockExtension server = TestServers.loopback();

    /** WireMock names the stub that answered in a {@code Matched-Stub-Id} header: fixed, to pin the output. */
    static final UUID STUB = UUID.fromString("00000000-0000-0000-0000-000000000201");

    @TempDir
    Path dir;

    @BeforeEach
    void workspace() {
        TestWorkspace.plainConnector(dir, TestServers.origin(server), "");
        server.stubFor(post("/base/users").willReturn(aResponse().withStatus(201).withHeader("Location", "/users/1234")));
    }

    void createUser(String extra) {
        TestWorkspace.write(dir, "actions/create-user.yaml", """
                name: create-user
                connector: api
                request:
                  method: POST
                  path: /users
                  json: { username: ada }
                output_from: response
                """ + extra);
    }

    @Test
    void runWhenTheIdIsOnlyInLocationThenTheOutputReadsTheHeaderByItsLowerCaseName() {
        createUser("output: headers.location\n");

        assertThat(Cli.run(dir, Map.of(), "run", "create-user")).isEqualTo(new Cli.Result(0, "\"/users/1234\"\n", ""));
    }

    @Test
    void runWhenTheOutputReadsTheStatusThenPrintsItAsANumber() {
        createUser("output: status\n");

        assertThat(Cli.run(dir, Map.of(), "run", "create-user")).isEqualTo(new Cli.Result(0, "201\n", ""));
    }

    @Test
    void runWithoutOutputThenPrintsStatusHeadersAndBodyWithRepeatedValuesJoinedAndSetCookieLeftOut() {
        server.stubFor(post("/base/users").withId(STUB).willReturn(aResponse().withStatus(201).withHeaders(new HttpHeaders(
                new HttpHeader("Content-Type", "application/json"),
                new HttpHeader("Location", "/users/1234"),
                new HttpHeader("Set-Cookie", "KEYCLOAK_SESSION=abc123; Path=/", "AUTH_SESSION_ID=def456; Path=/"),
                new HttpHeader("Vary", "Origin", "Accept-Encoding"),
                new HttpHeader("X-Request-ID", "r-1")))
                .withBody("{\"id\":1234,\"username\":\"ada\"}")));
        createUser("");

        Cli.Result r = Cli.run(dir, Map.of(), "run", "create-user");

        assertThat(r).isEqualTo(new Cli.Result(0, "{\"status\":201,\"headers\":{\"content-type\":\"application/json\","
                + "\"location\":\"/users/1234\",\"matched-stub-id\":\"" + STUB + "\",\"transfer-encoding\":\"chunked\","
                + "\"vary\":\"Origin, Accept-Encoding\",\"x-request-id\":\"r-1\"},"
                + "\"body\":{\"id\":1234,\"username\":\"ada\"}}\n", ""));
    }

    @Test
    void runWhenTheBodyIsTextThenTheOutputReadsItAsAString() {
        server.stubFor(post("/base/users").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain; charset=utf-8").withBody("created ada\n")));
        createUser("output: \"[status, body]\"\n");

        assertThat(Cli.run(dir, Map.of(), "run", "create-user"))
                .isEqualTo(new Cli.Result(0, "[200,\"created ada\\n\"]\n", ""));
    }
}
