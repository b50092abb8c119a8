package dev.connectorruntime.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.connectorruntime.http.TestServers;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §6 Pagination through the CLI: each style over 3 pages, with auth on every page; loops, max_pages and
 * foreign next URLs as errors (exit 5), never endless.
 */
class PaginationCliTest {

    @RegisterExtension
    static final WireMockExtension server = TestServers.loopback();

    @RegisterExtension
    static final WireMockExtension elsewhere = TestServers.loopback();

    static final Map<String, String> ENV = Map.of("API_TOKEN", "tok-987654321");

    @TempDir
    Path dir;

    String base;

    @BeforeEach
    void connector() {
        base = TestServers.origin(server) + "/base";
        TestWorkspace.write(dir, "connectors/api.yaml", "name: api\nbase_url: " + base + "\nauth:\n  type: bearer\n"
                + "  token: <<api_token>>\n");
    }

    void action(String paginate) {
        TestWorkspace.write(dir, "actions/list.yaml", """
                name: list
                connector: api
                inputs:
                  q: { type: string, default: "a b" }
                request:
                  method: GET
                  path: /items
                  query:
                    q: "{{q}}"
                paginate:
                """ + paginate.indent(2) + "output: \"[].id\"\n");
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    List<LoggedRequest> sent() {
        List<LoggedRequest> all = server.findAll(getRequestedFor(urlPathEqualTo("/base/items")));
        all.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return all;
    }

    void assertEveryPageAuthenticated() {
        assertThat(server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl())))
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer tok-987654321"));
    }

    @Test
    void nextUrlFollowsRelativeAndAbsoluteUrlsOverThreePages() {
        action("items: /records\nnext_url: /next\n");
        server.stubFor(get(urlEqualTo("/base/items?q=a%20b")).willReturn(json(
                "{\"records\":[{\"id\":1},{\"id\":2}],\"next\":\"items/2?cursor=x%2By\"}")));
        server.stubFor(get(urlEqualTo("/base/items/2?cursor=x%2By")).willReturn(json(
                "{\"records\":[{\"id\":3}],\"next\":\"" + base + "/items/3\"}")));
        server.stubFor(get(urlEqualTo("/base/items/3")).willReturn(json("{\"records\":[{\"id\":4}],\"next\":null}")));

        Cli.Result r = Cli.run(dir, ENV, "run", "list");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("[1,2,3,4]\n");
        assertEveryPageAuthenticated();
    }

    @Test
    void cursorPutsEachCursorIntoItsParameterOverThreePages() {
        action("items: /data\ncursor: { from: /meta/next, param: after }\n");
        server.stubFor(get(urlEqualTo("/base/items?q=a%20b")).willReturn(json(
                "{\"data\":[{\"id\":1}],\"meta\":{\"next\":\"c2&x=1\"}}")));
        server.stubFor(get(urlEqualTo("/base/items?q=a%20b&after=c2%26x%3D1")).willReturn(json(
                "{\"data\":[{\"id\":2}],\"meta\":{\"next\":\"c3\"}}")));
        server.stubFor(get(urlEqualTo("/base/items?q=a%20b&after=c3")).willReturn(json(
                "{\"data\":[{\"id\":3}],\"meta\":{}}")));

        Cli.Result r = Cli.run(dir, ENV, "run", "list");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("[1,2,3]\n");
        assertThat(sent()).hasSize(3);
        assertEveryPageAuthenticated();
    }

    @Test
    void linkFollowsRelNextAmongOtherRelationsOverThreePages() {
        action("items: \"\"\nlink: true\n");
        server.stubFor(get(urlEqualTo("/base/items?q=a%20b")).willReturn(json("[{\"id\":1}]").withHeader("Link",
                "<" + base + "/items?q=a%20b&page=2>; rel=\"next\", <" + base + "/items?q=a%20b&page=3>; rel=\"last\"")));
        server.stubFor(get(urlEqualTo("/base/items?q=a%20b&page=2")).willReturn(json("[{\"id\":2}]").withHeader("Link",
                "</base/items?q=a%20b&page=1>; rel=\"prev first\", </base/items?q=a%20b&page=3>; rel=\"next\"")));
        server.stubFor(get(urlEqualTo("/base/items?q=a%20b&page=3")).willReturn(json("[{\"id\":3}]").withHeader("Link",
                "</base/items?q=a%20b&page=1>; rel=\"first\"")));

        Cli.Result r = Cli.run(dir, ENV, "run", "list");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("[1,2,3]\n");
        assertEveryPageAuthenticated();
    }

    @Test
    void offsetStepsByThePageSizeUntilAShortPage() {
        action("items: /items\noffset: { param: offset, limit_param: limit, page_size: 2 }\n");
        server.stubFor(get(urlEqualTo("/base/items?q=a%20b&offset=0&limit=2")).willReturn(json(
                "{\"items\":[{\"id\":1},{\"id\":2}]}")));
        server.stubFor(get(urlEqualTo("/base/items?q=a%20b&limit=2&offset=2")).willReturn(json(
                "{\"items\":[{\"id\":3},{\"id\":4}]}")));
        server.stubFor(get(urlEqualTo("/base/items?q=a%20b&limit=2&offset=4")).willReturn(json(
                "{\"items\":[{\"id\":5}]}")));

        Cli.Result r = Cli.run(dir, ENV, "run", "list");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("[1,2,3,4,5]\n");
        assertThat(sent()).hasSize(3);
    }

    @Test
    void pageStepsByOneFromStartUntilAnEmptyPage() {
        action("items: /items\npage: { param: p, size_param: per_page, page_size: 2, start: 0 }\n");
        server.stubFor(get(urlEqualTo("/base/items?q=a%20b&p=0&per_page=2")).willReturn(json(
                "{\"items\":[{\"id\":1},{\"id\":2}]}")));
        server.stubFor(get(urlEqualTo("/base/items?q=a%20b&per_page=2&p=1")).willReturn(json(
                "{\"items\":[{\"id\":3},{\"id\":4}]}")));
        server.stubFor(get(urlEqualTo("/base/items?q=a%20b&per_page=2&p=2")).willReturn(json("{\"items\":[]}")));

        Cli.Result r = Cli.run(dir, ENV, "run", "list");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("[1,2,3,4]\n");
        assertThat(sent()).hasSize(3);
    }

    @Test
    void nextUrlPointingBackToAnEarlierPageIsALoopError() {
        action("items: /records\nnext_url: /next\n");
        server.stubFor(get(urlEqualTo("/base/items?q=a%20b")).willReturn(json(
                "{\"records\":[{\"id\":1}],\"next\":\"/base/items/2\"}")));
        server.stubFor(get(urlEqualTo("/base/items/2")).willReturn(json(
                "{\"records\":[{\"id\":2}],\"next\":\"/base/items?q=a%20b\"}")));

        Cli.Result r = Cli.run(dir, ENV, "run", "list");

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).isEqualTo("error: page 2 points back to a page already fetched (/base/items):"
                + " the API's pagination loops\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aRepeatedCursorIsALoopError() {
        action("items: /data\ncursor: { from: /next, param: after }\n");
        server.stubFor(get(urlEqualTo("/base/items?q=a%20b")).willReturn(json("{\"data\":[1],\"next\":\"c1\"}")));
        server.stubFor(get(urlEqualTo("/base/items?q=a%20b&after=c1")).willReturn(json("{\"data\":[2],\"next\":\"c1\"}")));

        Cli.Result r = Cli.run(dir, ENV, "run", "list");

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).startsWith("error: page 2 points back to a page already fetched");
        assertThat(sent()).hasSize(2);
    }

    @Test
    void moreThanMaxPagesIsAnErrorByDefault() {
        action("items: /data\npage: { param: page, page_size: 1 }\nmax_pages: 3\n");
        server.stubFor(get(urlPathEqualTo("/base/items")).willReturn(json("{\"data\":[{\"id\":0}]}")));

        Cli.Result r = Cli.run(dir, ENV, "run", "list");

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).isEqualTo("error: there are more than 3 pages\n"
                + "  hint: raise `paginate.max_pages`, or set `on_max_pages: truncate` to stop there\n");
        assertThat(sent()).hasSize(3);
    }

    @Test
    void moreThanMaxPagesWithTruncateStopsThereAndPrintsWhatItHas() {
        action("items: /data\npage: { param: page, page_size: 1 }\nmax_pages: 3\non_max_pages: truncate\n");
        server.stubFor(get(urlPathEqualTo("/base/items")).willReturn(json("{\"data\":[{\"id\":7}]}")));

        Cli.Result r = Cli.run(dir, ENV, "run", "list");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("[7,7,7]\n");
        assertThat(sent()).hasSize(3);
    }

    @Test
    void aNextUrlOnAnotherOriginIsRefusedBeforeTheTokenLeaves() {
        action("items: /records\nnext_url: /next\n");
        server.stubFor(get(urlEqualTo("/base/items?q=a%20b")).willReturn(json(
                "{\"records\":[1],\"next\":\"" + TestServers.origin(elsewhere) + "/steal\"}")));

        Cli.Result r = Cli.run(dir, ENV, "run", "list");

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).isEqualTo("error: refused a next page to " + TestServers.origin(elsewhere)
                + ": credentials for " + TestServers.origin(server) + " never leave their origin\n"
                + "  hint: the server pointed elsewhere; call that API through its own connector\n");
        assertThat(elsewhere.getAllServeEvents()).isEmpty();
    }

    @Test
    void aPageWithoutItsItemsIsAnError() {
        action("items: /records\nnext_url: /next\n");
        server.stubFor(get(urlEqualTo("/base/items?q=a%20b")).willReturn(json("{\"error\":\"gone\"}")));

        Cli.Result r = Cli.run(dir, ENV, "run", "list");

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).isEqualTo("error: page 1 has no list at `/records`\n"
                + "  hint: check `paginate.items` against the API's answer (see -v)\n");
    }

    @Test
    void aLaterPageAnswered401WithAFixedTokenIsExit4WithThatPagesError() {
        // a bearer token cannot be renewed (renewal on a later page: SalesforcePagesTest)
        action("items: /records\nnext_url: /next\n");
        server.stubFor(get(urlEqualTo("/base/items?q=a%20b")).willReturn(json("{\"records\":[1],\"next\":\"/base/p2\"}")));
        server.stubFor(get(urlEqualTo("/base/p2")).withHeader("Authorization", equalTo("Bearer tok-987654321"))
                .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Bad credentials\"}")));

        Cli.Result r = Cli.run(dir, ENV, "run", "list");

        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).startsWith("error: the API answered 401: Bad credentials\n");
    }
}
