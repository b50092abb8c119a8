package dev.connectorruntime.http;

import dev.connectorruntime.model.Request.Method;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SPEC §2 (a base URL's path prefix is kept) and §5 rule 2 (a query value is percent-encoded). */
class UrlsTest {

    @RegisterExtension
    static final WireMockExtension server = TestServers.loopback();

    @Test
    void buildWhenQueryValuesHoldDelimitersThenEachIsEncoded() {
        URI uri = Urls.build("https://api.example.com", "/search", List.of(
                Map.entry("q", "x&admin=true"), Map.entry("plus", "a+b c"), Map.entry("frag", "#top"),
                Map.entry("name", "José"), Map.entry("pct", "100%")));

        assertThat(uri.toString()).isEqualTo("https://api.example.com/search"
                + "?q=x%26admin%3Dtrue&plus=a%2Bb%20c&frag=%23top&name=Jos%C3%A9&pct=100%25");
        assertThat(uri.getRawFragment()).isNull();
    }

    @Test
    void buildWhenSentThenTheServerSeesEachValueAsOneParameter() throws Exception {
        server.stubFor(get(anyUrl()).willReturn(ok()));
        URI uri = Urls.build(TestServers.origin(server), "/query", List.of(
                Map.entry("q", "x&admin=true"), Map.entry("plus", "a+b c"), Map.entry("frag", "#top"),
                Map.entry("name", "José Müller"), Map.entry("soql", "SELECT Name FROM Contact WHERE Name = 'O\\'Brien'")));

        try (HttpExecutor executor = new HttpExecutor(null)) {
            executor.send(HttpCall.builder(Method.GET, uri).build(), Duration.ofSeconds(5), 1024, CallContext.NONE);
        }

        LoggedRequest received = server.findAll(getRequestedFor(anyUrl())).get(0);
        Map<String, QueryParameter> params = received.getQueryParams();
        assertThat(params).containsOnlyKeys("q", "plus", "frag", "name", "soql");
        assertThat(params.get("q").values()).containsExactly("x&admin=true");
        assertThat(params.get("plus").values()).containsExactly("a+b c");
        assertThat(params.get("frag").values()).containsExactly("#top");
        assertThat(params.get("name").values()).containsExactly("José Müller");
        assertThat(params.get("soql").values()).containsExactly("SELECT Name FROM Contact WHERE Name = 'O\\'Brien'");
        assertThat(received.getUrl()).startsWith("/query?q=x%26admin%3Dtrue&");
    }

    @Test
    void buildWhenBaseUrlHasAPathPrefixThenThePathIsAppendedToIt() throws Exception {
        server.stubFor(get(anyUrl()).willReturn(ok()));
        URI uri = Urls.build(TestServers.origin(server) + "/api/v2", "/items/a%2Fb", List.of(Map.entry("limit", "10")));

        try (HttpExecutor executor = new HttpExecutor(null)) {
            executor.send(HttpCall.builder(Method.GET, uri).build(), Duration.ofSeconds(5), 1024, CallContext.NONE);
        }

        assertThat(server.findAll(getRequestedFor(anyUrl())).get(0).getUrl()).isEqualTo("/api/v2/items/a%2Fb?limit=10");
    }

    @Test
    void buildWhenBaseUrlEndsWithSlashesThenOneSlashJoinsThem() {
        assertThat(Urls.build("https://h.example/api/v2//", "/items", List.of()))
                .hasToString("https://h.example/api/v2/items");
    }

    @Test
    void buildWhenNoQueryThenNoQuestionMark() {
        assertThat(Urls.build("https://h.example", "/items", List.of()).getRawQuery()).isNull();
    }

    @Test
    void buildWhenAKeyRepeatsThenEachValueIsKept() {
        assertThat(Urls.build("https://h.example", "/items", List.of(Map.entry("id", "1"), Map.entry("id", "2"))))
                .hasToString("https://h.example/items?id=1&id=2");
    }

    @Test
    void withQueryWhenTheUriHasAQueryThenAppendsAndDropsTheFragment() {
        URI uri = URI.create("https://h.example/items?page=2#top");

        assertThat(Urls.withQuery(uri, List.of(Map.entry("api key", "k&v"))))
                .hasToString("https://h.example/items?page=2&api%20key=k%26v");
    }

    @Test
    void replaceParamWhenTheParamRepeatsThenEveryOccurrenceIsReplacedByOneAtTheEnd() {
        URI uri = URI.create("https://h.example/items?offset=0&q=a%20b%26c&offset=100&flag");

        assertThat(Urls.replaceParam(uri, "offset", "200"))
                .hasToString("https://h.example/items?q=a%20b%26c&flag=&offset=200");
    }

    @Test
    void replaceParamWhenAbsentThenAdded() {
        assertThat(Urls.replaceParam(URI.create("https://h.example/api/v2/items"), "after", "c/1=2"))
                .hasToString("https://h.example/api/v2/items?after=c%2F1%3D2");
    }
}
