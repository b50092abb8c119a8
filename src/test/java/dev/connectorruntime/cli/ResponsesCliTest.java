package dev.connectorruntime.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.connectorruntime.http.TestServers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §6 Output and Redirects through the CLI: what each kind of answer becomes on stdout, and each fault a
 * server can produce as one clear error with its exit code, never a stack trace.
 */
class ResponsesCliTest {

    @RegisterExtension
    static final WireMockExtension server = TestServers.loopback();

    @RegisterExtension
    static final WireMockExtension elsewhere = TestServers.loopback();

    static final Map<String, String> ENV = Map.of("API_TOKEN", "tok-55555555");

    @TempDir
    Path dir;

    String host;

    @BeforeEach
    void workspace() {
        host = "127.0.0.1:" + server.getPort();
        TestWorkspace.write(dir, "connectors/api.yaml", "name: api\nbase_url: " + TestServers.origin(server)
                + "\nauth:\n  type: bearer\n  token: <<api_token>>\ntimeout: 500ms\n");
        TestWorkspace.write(dir, "actions/fetch.yaml", "name: fetch\nconnector: api\nrequest:\n  method: GET\n"
                + "  path: /thing\n");
        TestWorkspace.write(dir, "actions/create.yaml", "name: create\nconnector: api\nrequest:\n  method: POST\n"
                + "  path: /things\n  json: { name: x }\n");
    }

    Cli.Result fetch() {
        return Cli.run(dir, ENV, "run", "fetch");
    }

    @Test
    void noContentPrintsNull() {
        server.stubFor(get("/thing").willReturn(aResponse().withStatus(204)));

        assertThat(fetch()).isEqualTo(new Cli.Result(0, "null\n", ""));
    }

    @Test
    void outputShapesJsonWithTheEverydayShapesAndWithTheLibrary() {
        server.stubFor(get("/thing").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"records\":[{\"Name\":\"Turing\"},{\"Name\":null},{\"Name\":\"Ada\"}]}")));
        TestWorkspace.write(dir, "actions/names.yaml", "name: names\nconnector: api\nrequest:\n  method: GET\n"
                + "  path: /thing\noutput: \"records[].Name\"\n");
        TestWorkspace.write(dir, "actions/sorted.yaml", "name: sorted\nconnector: api\nrequest:\n  method: GET\n"
                + "  path: /thing\noutput: \"records[?Name != null].Name | sort(@)\"\n");

        assertThat(Cli.run(dir, ENV, "run", "names")).isEqualTo(new Cli.Result(0, "[\"Turing\",\"Ada\"]\n", ""));
        assertThat(Cli.run(dir, ENV, "run", "sorted")).isEqualTo(new Cli.Result(0, "[\"Ada\",\"Turing\"]\n", ""));
    }

    @Test
    void anOutputThatDoesNotFitTheAnswerExits5NamingWhereItIsWritten() {
        server.stubFor(get("/thing").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[{\"Name\":\"Ada\"}]")));
        TestWorkspace.write(dir, "actions/sorted.yaml", "name: sorted\nconnector: api\nrequest:\n  method: GET\n"
                + "  path: /thing\noutput: \"sort(records[].Name)\"\n");

        assertThat(Cli.run(dir, ENV, "run", "sorted")).isEqualTo(new Cli.Result(5, "", """
                actions/sorted.yaml:6:9: error: `output` cannot be applied to the answer: Invalid argument type \
                calling "sort": expected array of number or string but was null
                 6 | output: "sort(records[].Name)"
                   |         ^
                  hint: the expression does not fit the shape of what the API returned
                1 error
                """));
    }

    @Test
    void aBaseUrlThatIsPlainHttpOnlyOnceItsPlaceholderIsResolvedIsRefusedAtItsLineBeforeAnyRequest() {
        TestWorkspace.write(dir, "connectors/api.yaml", "name: api\nbase_url: <<api_url>>\nauth:\n  type: none\n");

        Cli.Result r = Cli.run(dir, Map.of("API_URL", "http://api.example.com"), "run", "fetch");

        assertThat(r).isEqualTo(new Cli.Result(3, "", """
                connectors/api.yaml:2:11: error: `base_url` must use https (plain http is allowed only on a loopback \
                address)
                 2 | base_url: <<api_url>>
                   |           ^
                  hint: the value comes from its placeholders: check what they are set to
                1 error
                """));
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void textIsPrintedAsTheApiSentIt() {
        server.stubFor(get("/thing").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain; charset=utf-8").withBody("line one\nJosé\n")));

        assertThat(fetch()).isEqualTo(new Cli.Result(0, "line one\nJosé\n", ""));
    }

    @Test
    void jsonInTheCharsetTheServerDeclaresIsDecoded() {
        server.stubFor(get("/thing").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=ISO-8859-1")
                .withBody("{\"name\":\"José Müller\"}".getBytes(StandardCharsets.ISO_8859_1))));

        assertThat(fetch()).isEqualTo(new Cli.Result(0, "{\"name\":\"José Müller\"}\n", ""));
    }

    @Test
    void textInIso88591IsPrintedAsUtf8() {
        server.stubFor(get("/thing").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/csv; charset=iso-8859-1")
                .withBody("name\nJosé\n".getBytes(StandardCharsets.ISO_8859_1))));

        assertThat(fetch().out()).isEqualTo("name\nJosé\n");
    }

    @Test
    void textThatIsNotValidUtf8IsPrintedWithAWarningSayingHowManyBytesWereReplaced() {
        server.stubFor(get("/thing").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain; charset=utf-8")
                .withBody(bytes("café \ufffd ok ", "\u00ff\u00fe", " done"))));

        assertThat(fetch()).isEqualTo(new Cli.Result(0, "café \ufffd ok \ufffd\ufffd done\n",
                "warning: the answer is not valid UTF-8: 2 bytes replaced by U+FFFD\n"));
    }

    @Test
    void anAnswerWithoutContentTypeThatIsNotValidUtf8IsNotTakenForJson() {
        server.stubFor(get("/thing").willReturn(aResponse().withStatus(200)
                .withBody(bytes("{\"name\":\"Jos", "\u00e9", "\"}"))));

        assertThat(fetch()).isEqualTo(new Cli.Result(0, "{\"name\":\"Jos\ufffd\"}\n",
                "warning: the answer is not valid UTF-8: 1 byte replaced by U+FFFD\n"));
    }

    @Test
    void jsonThatIsNotValidUtf8IsExit5SayingSo() {
        server.stubFor(get("/thing").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(bytes("{\"name\":\"Jos", "\u00e9", "\"}"))));

        assertThat(fetch()).isEqualTo(new Cli.Result(5, "", """
                error: the API's answer from 127.0.0.1 says it is JSON but is not valid UTF-8 (15 bytes)
                  response: {"name":"Jos\ufffd"}
                  hint: the server may have sent another charset than it declares: see -v
                """));
    }

    @Test
    void jsonThatIsNotValidInTheCharsetItDeclaresIsExit5Too() {
        server.stubFor(get("/thing").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=Shift_JIS")
                .withBody(new byte[] {'"', (byte) 0x81, ' ', '"'})));

        Cli.Result r = fetch();

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).startsWith("error: the API's answer from 127.0.0.1 says it is JSON but is not valid"
                + " Shift_JIS (4 bytes)\n");
        assertThat(r.err()).endsWith("  hint: the server may have sent another charset than it declares: see -v\n");
    }

    /** {@code before} and {@code after} in UTF-8, {@code latin1} in ISO-8859-1 between them: not UTF-8. */
    private static byte[] bytes(String before, String latin1, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(latin1.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void malformedJsonWhereJsonWasDeclaredIsExit5() {
        server.stubFor(get("/thing").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("<html>Maintenance</html>")));

        Cli.Result r = fetch();

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).isEqualTo("error: the API's answer from 127.0.0.1 says it is JSON but is not valid"
                + " JSON (24 bytes)\n"
                + "  response: <html>Maintenance</html>\n"
                + "  hint: the server may have sent an error page or a truncated body: see -v\n");
    }

    @Test
    void aConnectionResetIsExit6AfterTheRetriesAGetMayHave() {
        server.stubFor(get("/thing").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Cli.Result r = fetch();

        assertThat(r.exitCode()).isEqualTo(6);
        assertThat(r.err()).isEqualTo("error: the connection to " + host + " closed before the answer was complete"
                + " (after 3 attempts)\n"
                + "  hint: the server or a proxy dropped the connection: try again\n");
    }

    @Test
    void anEmptyReplyIsExit6() {
        server.stubFor(get("/thing").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        Cli.Result r = fetch();

        assertThat(r.exitCode()).isEqualTo(6);
        assertThat(r.err()).startsWith("error: the connection to " + host + " closed before the answer was complete");
    }

    @Test
    void garbageInsteadOfHttpIsExit6() {
        server.stubFor(get("/thing").willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));

        Cli.Result r = fetch();

        assertThat(r.exitCode()).isEqualTo(6);
        assertThat(r.err()).startsWith("error: the connection to " + host + " closed before the answer was complete")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void aBodyDribblingPastTheTimeoutIsExit6ThoughTheHeadersCameAtOnce() {
        server.stubFor(get("/thing").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"items\":[1,2,3,4,5,6,7,8,9]}").withChunkedDribbleDelay(10, 2000)));

        Cli.Result r = fetch();

        assertThat(r.exitCode()).isEqualTo(6);
        assertThat(r.err()).isEqualTo("error: no answer from " + host + " within 500ms (after 3 attempts)\n"
                + "  hint: the server may be slow or unreachable: try again, or raise the connector's `timeout`\n");
    }

    @Test
    void aChunkedBodyPastTheCapIsExit5NamingTheCap() {
        server.stubFor(get("/thing").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("[" + "\"xxxxxxxx\",".repeat(400) + "1]")));

        Cli.Result r = Cli.run(() -> Cli.engines().get().maxBody(1024), dir, ENV, "run", "fetch");

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).isEqualTo("error: the response from " + host + " is larger than the 1 KB cap\n"
                + "  hint: ask for less: a smaller page or a filter\n");
        server.verify(1, getRequestedFor(urlEqualTo("/thing")));
    }

    @Test
    void aSameOriginRedirectOfAGetIsFollowedWithTheCredentials() {
        server.stubFor(get("/thing").willReturn(aResponse().withStatus(301).withHeader("Location", "/v2/thing?x=1")));
        server.stubFor(get("/v2/thing?x=1").withHeader("Authorization", equalTo("Bearer tok-55555555"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"moved\":true}")));

        assertThat(fetch()).isEqualTo(new Cli.Result(0, "{\"moved\":true}\n", ""));
    }

    @Test
    void aRedirectToAnotherOriginIsRefusedWithExit5AndTheOtherOriginSeesNothing() {
        server.stubFor(get("/thing").willReturn(aResponse().withStatus(302)
                .withHeader("Location", TestServers.origin(elsewhere) + "/collect")));

        Cli.Result r = fetch();

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).isEqualTo("error: refused a redirect to " + TestServers.origin(elsewhere)
                + ": credentials for " + TestServers.origin(server) + " never leave their origin\n"
                + "  hint: the server pointed elsewhere; call that API through its own connector\n");
        assertThat(elsewhere.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRedirectOfAPostIsNotFollowed() {
        server.stubFor(post("/things").willReturn(aResponse().withStatus(307).withHeader("Location", "/v2/things")));

        Cli.Result r = Cli.run(dir, ENV, "run", "create");

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).isEqualTo("error: the API answered 307\n"
                + "  hint: the API redirects to /v2/things: the runtime follows redirects only for GET and HEAD,"
                + " on the same origin; point the action's path there\n");
        server.verify(1, postRequestedFor(urlEqualTo("/things")));
        server.verify(0, postRequestedFor(urlEqualTo("/v2/things")));
    }

    @Test
    void moreThanFiveRedirectsIsExit5() {
        for (int i = 0; i < 7; i++) {
            server.stubFor(get(i == 0 ? "/thing" : "/r" + i).willReturn(aResponse().withStatus(302)
                    .withHeader("Location", "/r" + (i + 1))));
        }

        Cli.Result r = fetch();

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).isEqualTo("error: more than 5 redirects from " + TestServers.origin(server) + "\n");
    }

    @Test
    void jsonErrorsWhenTheApiAnsweredTextThenApiErrorIsAJsonString() {
        server.stubFor(get("/thing").willReturn(aResponse().withStatus(418).withBody("I'm a \"teapot\"")));

        Cli.Result r = Cli.run(dir, ENV, "run", "fetch", "--json-errors");

        assertThat(r.err()).isEqualTo("{\"exit_code\":5,\"kind\":\"api\",\"code\":\"api-error\",\"status\":418,"
                + "\"api_error\":\"I'm a \\\"teapot\\\"\",\"message\":\"the API answered 418\",\"hint\":null}\n");
    }

    @Test
    void jsonErrorsWhenTheApiAnsweredWithoutABodyThenApiErrorIsNull() {
        server.stubFor(get("/thing").willReturn(aResponse().withStatus(404)));

        Cli.Result r = Cli.run(dir, ENV, "run", "fetch", "--json-errors");

        assertThat(r.err()).startsWith("{\"exit_code\":5,\"kind\":\"api\",\"code\":\"api-error\",\"status\":404,"
                + "\"api_error\":null,\"message\":\"the API answered 404\",");
    }

    @Test
    void jsonErrorsWhenTheApiAnsweredJsonThenApiErrorIsThatJsonWithItsControlCharactersEscaped() {
        server.stubFor(get("/thing").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"bad\u009b\",\"n\":[1,2]}")));

        Cli.Result r = Cli.run(dir, ENV, "run", "fetch", "--json-errors");

        assertThat(r.err()).isEqualTo("{\"exit_code\":5,\"kind\":\"api\",\"code\":\"api-error\",\"status\":400,"
                + "\"api_error\":{\"message\":\"bad\\u009b\",\"n\":[1,2]},"
                + "\"message\":\"the API answered 400: bad\\\\u009b\",\"hint\":null}\n");
    }
}
