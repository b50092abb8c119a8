package dev.connectorruntime.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.connectorruntime.http.TestServers;
import dev.connectorruntime.model.Json;
import java.io.IOException;
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
    }

    /** Keycloak's answer to a create user: {@code 201}, the new user's URL in {@code Location}, no body. */
    static ResponseDefinitionBuilder created() {
        return aResponse().withStatus(201).withHeader("Location", "/users/1234");
    }

    /** {@code run create-user} with {@code extra} in its file ({@code output: …}), the API giving {@code answer}. */
    Cli.Result runCreateUser(ResponseDefinitionBuilder answer, String extra) {
        server.stubFor(post("/base/users").withId(STUB).willReturn(answer));
        createUser(extra);
        return Cli.run(dir, Map.of(), "run", "create-user");
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
        assertThat(runCreateUser(created(), "output: headers.location\n"))
                .isEqualTo(new Cli.Result(0, "\"/users/1234\"\n", ""));
    }

    @Test
    void runWhenTheOutputReadsTheStatusThenPrintsItAsANumber() {
        assertThat(runCreateUser(created(), "output: status\n")).isEqualTo(new Cli.Result(0, "201\n", ""));
    }

    @Test
    void runWithoutOutputThenPrintsStatusHeadersAndBodyWithRepeatedValuesJoinedAndSetCookieLeftOut() {
        Cli.Result r = runCreateUser(aResponse().withStatus(201).withHeaders(new HttpHeaders(
                new HttpHeader("Content-Type", "application/json"),
                new HttpHeader("Location", "/users/1234"),
                new HttpHeader("Set-Cookie", "KEYCLOAK_SESSION=abc123; Path=/", "AUTH_SESSION_ID=def456; Path=/"),
                new HttpHeader("Vary", "Origin", "Accept-Encoding"),
                new HttpHeader("X-Request-ID", "r-1")))
                .withBody("{\"id\":1234,\"username\":\"ada\"}"), "");

        assertThat(r).isEqualTo(new Cli.Result(0, "{\"status\":201,\"headers\":{\"content-type\":\"application/json\","
                + "\"location\":\"/users/1234\",\"matched-stub-id\":\"" + STUB + "\",\"transfer-encoding\":\"chunked\","
                + "\"vary\":\"Origin, Accept-Encoding\",\"x-request-id\":\"r-1\"},"
                + "\"body\":{\"id\":1234,\"username\":\"ada\"}}\n", ""));
    }

    @Test
    void runWhenAHeaderNameHasADashThenTheExpressionQuotesIt() {
        assertThat(runCreateUser(aResponse().withStatus(201).withHeader("X-Request-ID", "r-1")
                        .withHeader("Content-Type", "application/json").withBody("{\"id\":7}"),
                "output: \"{request: headers.\\\"x-request-id\\\", id: body.id}\"\n"))
                .isEqualTo(new Cli.Result(0, "{\"request\":\"r-1\",\"id\":7}\n", ""));
    }

    @Test
    void runWhenTheBodyIsTextThenTheOutputReadsItAsAString() {
        assertThat(runCreateUser(aResponse().withStatus(200)
                        .withHeader("Content-Type", "text/plain; charset=utf-8").withBody("created ada\n"),
                "output: \"[status, body]\"\n"))
                .isEqualTo(new Cli.Result(0, "[200,\"created ada\\n\"]\n", ""));
    }

    @Test
    void validateWhenOutputFromIsMisspelledThenBadValueWithDidYouMeanAtItsLine() {
        TestWorkspace.write(dir, "actions/create-user.yaml", "name: create-user\nconnector: api\nrequest:\n"
                + "  method: POST\n  path: /users\noutput_from: respons\n");

        assertThat(Cli.run(dir, Map.of(), "validate")).isEqualTo(new Cli.Result(3, """
                actions/create-user.yaml:6:14: error: `output_from` must be one of body, response, not `respons`
                 6 | output_from: respons
                   |              ^
                  hint: did you mean `response`?
                """, "checked 2 files: 1 error, 0 warnings\n"));
    }

    @Test
    void validateWhenAPaginatedActionReadsTheWholeResponseThenRefusedAtOutputFrom() {
        TestWorkspace.write(dir, "actions/list-users.yaml", "name: list-users\nconnector: api\nrequest:\n"
                + "  method: GET\n  path: /users\npaginate: { items: \"\", link: true }\noutput_from: response\n");

        assertThat(Cli.run(dir, Map.of(), "validate")).isEqualTo(new Cli.Result(3, """
                actions/list-users.yaml:7:14: error: `output_from` must be `body` for a paginated action: its output \
                is the pages' items
                 7 | output_from: response
                   |              ^
                  hint: remove `output_from: response`, or `paginate` to read one answer whole
                """, "checked 2 files: 1 error, 0 warnings\n"));
    }

    @Test
    void describeShowsWhatTheOutputReadsInTextAndJson() throws IOException {
        createUser("output: headers.location\n");
        TestWorkspace.write(dir, "actions/whole.yaml", "name: whole\nconnector: api\nrequest:\n  method: GET\n"
                + "  path: /users\noutput_from: response\n");
        TestWorkspace.write(dir, "actions/body.yaml", "name: body\nconnector: api\nrequest:\n  method: GET\n"
                + "  path: /users\n");

        Cli.Result text = Cli.run(dir, Map.of(), "describe", "create-user");
        Cli.Result whole = Cli.run(dir, Map.of(), "describe", "whole");

        assertThat(text.out()).contains("""
                Request:   POST /users
                  body     json {"username":"ada"}
                Output:    headers.location
                  from     the response: {status, headers, body}

                """);
        assertThat(whole.out()).contains("Request:   GET /users\nOutput:    the response: {status, headers, body}\n\n");
        JsonNode json = Json.parse(Cli.run(dir, Map.of(), "describe", "create-user", "--format", "json").out());
        assertThat(json.get("output").asText() + " " + json.get("output_from").asText())
                .isEqualTo("headers.location response");
        assertThat(Json.parse(Cli.run(dir, Map.of(), "describe", "body", "--format", "json").out())
                .get("output_from").asText()).isEqualTo("body");
    }

    /** Keycloak's admin API: a client-credentials token, then {@code 201} with the user's URL in {@code Location}. */
    void keycloak() {
        TestWorkspace.write(dir, "connectors/keycloak.yaml", """
                name: keycloak
                base_url: https://keycloak.example.com/admin/realms/demo
                auth:
                  type: oauth2
                  grant_type: client_credentials
                  token_url: https://keycloak.example.com/realms/demo/protocol/openid-connect/token
                  client_id: <<keycloak_client_id>>
                  client_secret: <<keycloak_client_secret>>
                """);
        TestWorkspace.write(dir, "actions/create-user.yaml", """
                name: create-user
                connector: keycloak
                inputs:
                  username: { type: string, required: true }
                request:
                  method: POST
                  path: /users
                  json: { username: "{{username}}", enabled: true }
                output_from: response
                output: headers.location
                examples:
                  - name: created
                    inputs: { username: ada }
                    request: { method: POST, path: /admin/realms/demo/users, body: { username: ada, enabled: true } }
                    response:
                      status: 201
                      headers: { Location: "USER" }
                    output: USER
                """.replace("USER", USER));
        TestWorkspace.write(dir, "actions/get-user.yaml", """
                name: get-user
                connector: keycloak
                inputs:
                  username: { type: string, required: true }
                request:
                  method: GET
                  path: /users/by-name/{{username}}
                output_from: response
                output: "[status, body.id]"
                examples:
                  - name: moved
                    inputs: { username: ada }
                    responses:
                      - status: 302
                        headers: { Location: "USER" }
                      - status: 200
                        body: { id: 8f3c2a8e-5d1b-4c36-9a0e-2f1d7c5b9e41, username: ada }
                    output: [ 200, 8f3c2a8e-5d1b-4c36-9a0e-2f1d7c5b9e41 ]
                """.replace("USER", USER));
    }

    static final String USER = "https://keycloak.example.com/admin/realms/demo/users/8f3c2a8e-5d1b-4c36-9a0e-2f1d7c5b9e41";

    @Test
    void testWhenAnExampleAnswersLocationThenItsOutputIsCheckedWithTheHeaderAsWritten() {
        keycloak();

        assertThat(Cli.run(dir, Map.of(), "test")).isEqualTo(new Cli.Result(0, """
                ok   create-user › created
                ok   get-user › moved
                2 passed, 0 failed
                """, ""));
    }

    @Test
    void runInTheSandboxPrintsTheExamplesLocationAsWritten() {
        keycloak();

        assertThat(Cli.run(dir, Map.of(), "run", "create-user", "--sandbox"))
                .isEqualTo(new Cli.Result(0, "\"" + USER + "\"\n", ""));
    }
}
