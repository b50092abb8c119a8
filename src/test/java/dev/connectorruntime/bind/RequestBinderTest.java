package dev.connectorruntime.bind;

import static dev.connectorruntime.bind.Binding.action;
import static dev.connectorruntime.bind.Binding.actionProblem;
import static dev.connectorruntime.bind.Binding.actionProblems;
import static dev.connectorruntime.bind.Binding.describe;
import static dev.connectorruntime.bind.Binding.describeAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.model.Body;
import dev.connectorruntime.model.Request;
import dev.connectorruntime.model.TemplateText;
import org.junit.jupiter.api.Test;

/** SPEC §4: {@code request:}, its method, path, query, headers and at most one body. */
class RequestBinderTest {

    private static final String HEAD = "name: demo\nconnector: api\nrequest:\n";

    private static Request request(String body) {
        return action(HEAD + body).request();
    }

    @Test
    void bindWhenQueryAndHeadersThenTemplatesInOrderAsWritten() {
        Request r = request("""
                  method: DELETE
                  path: /things/{{id}}
                  query:
                    b: "{{x}}"
                    a: 100
                  headers:
                    X-Version: 2.10
                    X-Flag: yes
                """);
        assertThat(r.method()).isEqualTo(Request.Method.DELETE);
        assertThat(r.path().source()).isEqualTo("/things/{{id}}");
        assertThat(r.query()).containsOnlyKeys("b", "a");
        assertThat(r.query().keySet()).containsExactly("b", "a");
        assertThat(r.query().get("a").source()).isEqualTo("100");
        assertThat(r.headers().get("X-Version").source()).isEqualTo("2.10");
        assertThat(r.headers().get("X-Flag").source()).isEqualTo("yes");
        assertThat(r.body()).isNull();
    }

    @Test
    void bindWhenMethodLowerCaseOrUnknownThenOneOfWithDidYouMean() {
        assertThat(describe(actionProblem(HEAD + "  method: get\n  path: /things\n")))
                .isEqualTo("bad-value @ 4:11: `method` must be one of GET, POST, PUT, PATCH, DELETE, HEAD, "
                        + "not `get` [did you mean `GET`?]");
        assertThat(describe(actionProblem(HEAD + "  method: OPTIONS\n  path: /things\n")))
                .isEqualTo("bad-value @ 4:11: `method` must be one of GET, POST, PUT, PATCH, DELETE, HEAD, "
                        + "not `OPTIONS`");
    }

    @Test
    void bindWhenMethodAndPathMissingThenRequestNeedsEach() {
        assertThat(describeAll(actionProblems(HEAD + "  query: {a: b}\n"))).containsExactly(
                "missing-key @ 4:3: `request` needs `method`",
                "missing-key @ 4:3: `request` needs `path`");
    }

    @Test
    void bindWhenPathWithoutLeadingSlashThenBadPathWithTheFix() {
        assertThat(describe(actionProblem(HEAD + "  method: GET\n  path: things/{{id}}\n")))
                .isEqualTo("bad-path @ 5:9: `path` must start with `/` "
                        + "[write `/things/{{id}}`; the connector's base URL goes in front of it]");
    }

    @Test
    void bindWhenPathHoldsAQueryOrFragmentThenBadPath() {
        assertThat(describe(actionProblem(HEAD + "  method: GET\n  path: /things?limit=5\n")))
                .isEqualTo("bad-path @ 5:9: `path` may not hold a query string or fragment "
                        + "[put query parameters under `query:`]");
        assertThat(describe(actionProblem(HEAD + "  method: GET\n  path: \"/things#top\"\n")))
                .isEqualTo("bad-path @ 5:9: `path` may not hold a query string or fragment "
                        + "[put query parameters under `query:`]");
    }

    @Test
    void bindWhenPathHasASectionThenItsHashIsNoFragment() {
        assertThat(request("  method: GET\n  path: /users/{{id}}{{#as_json}}.json{{/as_json}}{{^x}}-{{/x}}\n")
                .path().source()).isEqualTo("/users/{{id}}{{#as_json}}.json{{/as_json}}{{^x}}-{{/x}}");
        assertThat(describe(actionProblem(HEAD + "  method: GET\n  path: /users/{{id}}?{{#x}}a{{/x}}\n")))
                .isEqualTo("bad-path @ 5:9: `path` may not hold a query string or fragment "
                        + "[put query parameters under `query:`]");
    }

    @Test
    void bindWhenPathIsAListThenWrongType() {
        assertThat(describe(actionProblem(HEAD + "  method: GET\n  path: [/a, /b]\n")))
                .isEqualTo("wrong-type @ 5:9: `path` must be a single value, not a list");
    }

    @Test
    void bindWhenActionSetsAReservedHeaderThenRefusedWhateverItsCase() {
        assertThat(describeAll(actionProblems(HEAD + """
                  method: GET
                  path: /things
                  headers:
                    authorization: Bearer {{token}}
                    Host: evil.example.com
                    Content-Length: 0
                    CONNECTION: close
                    Expect: 100-continue
                    Upgrade: h2c
                    Accept: application/json
                """))).extracting(s -> s.substring(0, s.indexOf(" ["))).containsExactly(
                "reserved-header @ 7:20: an action may not set the `authorization` header",
                "reserved-header @ 8:11: an action may not set the `Host` header",
                "reserved-header @ 9:21: an action may not set the `Content-Length` header",
                "reserved-header @ 10:17: an action may not set the `CONNECTION` header",
                "reserved-header @ 11:13: an action may not set the `Expect` header",
                "reserved-header @ 12:14: an action may not set the `Upgrade` header");
    }

    @Test
    void bindWhenActionSetsAHopByHopOrProxyHeaderThenRefusedAsWell() {
        assertThat(describeAll(actionProblems(HEAD + """
                  method: POST
                  path: /things
                  headers:
                    Transfer-Encoding: chunked
                    te: trailers
                    Trailer: X-Sum
                    Keep-Alive: timeout=5
                    Proxy-Authorization: Basic {{token}}
                    PROXY-CONNECTION: keep-alive
                    X-Proxy: fine
                  text: "{{token}}"
                """))).containsExactly(
                "reserved-header @ 7:24: an action may not set the `Transfer-Encoding` header [Authorization comes from"
                        + " the connector's `auth`; the HTTP client sets the others]",
                "reserved-header @ 8:9: an action may not set the `te` header [Authorization comes from the"
                        + " connector's `auth`; the HTTP client sets the others]",
                "reserved-header @ 9:14: an action may not set the `Trailer` header [Authorization comes from the"
                        + " connector's `auth`; the HTTP client sets the others]",
                "reserved-header @ 10:17: an action may not set the `Keep-Alive` header [Authorization comes from the"
                        + " connector's `auth`; the HTTP client sets the others]",
                "reserved-header @ 11:26: an action may not set the `Proxy-Authorization` header [`Proxy-*` headers"
                        + " are for a proxy, not the API: set HTTPS_PROXY or HTTP_PROXY]",
                "reserved-header @ 12:23: an action may not set the `PROXY-CONNECTION` header [`Proxy-*` headers are"
                        + " for a proxy, not the API: set HTTPS_PROXY or HTTP_PROXY]");
    }

    @Test
    void bindWhenReservedHeaderThenHintSaysWhereItComesFrom() {
        assertThat(actionProblem(HEAD + "  method: GET\n  path: /x\n  headers: {Authorization: x}\n").hint())
                .isEqualTo("Authorization comes from the connector's `auth`; the HTTP client sets the others");
    }

    @Test
    void bindWhenTwoBodiesThenSeveralBodiesAtTheSecondBody() {
        assertThat(describe(actionProblem(HEAD + """
                  method: POST
                  path: /things
                  json: {a: 1}
                  text: hello
                """))).isEqualTo("several-bodies @ 7:3: `request` may hold only one of `json`, `form` and `text`");
        assertThat(describe(actionProblem(HEAD + """
                  method: POST
                  path: /things
                  form: {a: 1}
                  json: [1]
                """))).isEqualTo("several-bodies @ 7:3: `request` may hold only one of `json`, `form` and `text`");
    }

    @Test
    void bindWhenJsonBodyThenTreeWithEveryLeafLocated() {
        Request r = request("""
                  method: POST
                  path: /things
                  json:
                    name: "{{name}}"
                    tags: ["{{tag}}", fixed]
                    count: 3
                """);
        assertThat(r.body()).isInstanceOfSatisfying(Body.Json.class, j -> {
            assertThat(j.tree().toString()).isEqualTo("{\"name\":\"{{name}}\",\"tags\":[\"{{tag}}\",\"fixed\"],"
                    + "\"count\":3}");
            assertThat(j.locations()).containsKeys("/name", "/tags/0", "/tags/1", "/count");
            assertThat(j.locations().get("/tags/0").line()).isEqualTo(8);
            assertThat(j.locations().get("/tags/0").column()).isEqualTo(12);
        });
    }

    @Test
    void bindWhenFormBodyThenFieldsAsTemplates() {
        Request r = request("""
                  method: POST
                  path: /things
                  form:
                    grant: "{{grant}}"
                    version: 2.10
                """);
        assertThat(r.body()).isInstanceOfSatisfying(Body.Form.class, f -> {
            assertThat(f.fields().keySet()).containsExactly("grant", "version");
            assertThat(f.fields().get("version").source()).isEqualTo("2.10");
        });
    }

    @Test
    void bindWhenFormIsAListOrAFieldIsAMappingThenWrongType() {
        assertThat(describe(actionProblem(HEAD + "  method: POST\n  path: /x\n  form: [a]\n")))
                .isEqualTo("wrong-type @ 6:9: `form` must be a mapping, not a list");
        assertThat(describe(actionProblem(HEAD + "  method: POST\n  path: /x\n  form: {a: {b: c}}\n")))
                .isEqualTo("wrong-type @ 6:13: `form.a` must be a single value, not a mapping "
                        + "[write it as a string; quote it if it starts with `{{` or `{`]");
    }

    @Test
    void bindWhenTextBodyThenOneTemplate() {
        Request r = request("""
                  method: PUT
                  path: /notes/1
                  text: |
                    Dear {{name}},
                    hello.
                """);
        assertThat(r.body()).isInstanceOfSatisfying(Body.Text.class, t ->
                assertThat(t.text().source()).isEqualTo("Dear {{name}},\nhello.\n"));
    }

    @Test
    void bindWhenUnknownKeyInRequestThenDidYouMean() {
        assertThat(describe(actionProblem(HEAD + "  method: GET\n  path: /x\n  header: {A: b}\n")))
                .isEqualTo("unknown-key @ 6:3: unknown key `header` in `request` [did you mean `headers`?]");
    }

    @Test
    void bindWhenPathBoundThenTemplateKeepsItsLocation() {
        TemplateText path = request("  method: GET\n  path: /a/{{b}}\n").path();
        assertThat(path.location().line()).isEqualTo(5);
        assertThat(path.location().column()).isEqualTo(9);
    }
}
