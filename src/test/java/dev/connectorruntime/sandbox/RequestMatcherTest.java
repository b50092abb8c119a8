package dev.connectorruntime.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.model.Example;
import dev.connectorruntime.model.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §9: how an example's expected request is matched against the request the runtime sent. */
class RequestMatcherTest {

    static RecordedRequest sent(String method, String path, String query, Map<String, List<String>> headers,
                                String body) {
        return new RecordedRequest(method, path, query, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    static Example.ExpectedRequest expect(String method, String path, Map<String, List<String>> query,
                                          Map<String, String> headers, String json) throws Exception {
        return new Example.ExpectedRequest(method, path, query, headers, json == null ? null : Json.parse(json));
    }

    @Test
    void matchWhenMethodCaseDiffersAndPathIsWrittenDecodedThenNothingDiffers() throws Exception {
        var r = sent("GET", "/repos/octo%20cat/hello%2Fworld/issues", null, Map.of(), "");

        assertThat(RequestMatcher.differences(expect("get", "/repos/octo cat/hello%2Fworld/issues", Map.of(),
                Map.of(), null), r, null)).isEmpty();
    }

    @Test
    void matchWhenAnEncodedSlashIsExpectedAsASeparatorThenThePathDiffers() throws Exception {
        var r = sent("GET", "/repos/octocat/hello%2Fworld", null, Map.of(), "");

        assertThat(RequestMatcher.differences(expect(null, "/repos/octocat/hello/world", Map.of(), Map.of(), null),
                r, null)).containsExactly("path: expected /repos/octocat/hello/world, got /repos/octocat/hello%2Fworld");
    }

    @Test
    void matchQueryAsADecodedMultimapWhereAPlusIsAPlusAndTheApiKeyIsIgnored() throws Exception {
        var r = sent("GET", "/search", "q=a%2Bb%20c&tag=x&tag=y&key=sandbox-key", Map.of(), "");

        assertThat(RequestMatcher.differences(expect(null, null,
                Map.of("q", List.of("a+b c"), "tag", List.of("x", "y")), Map.of(), null), r, "key")).isEmpty();
        assertThat(RequestMatcher.differences(expect(null, null,
                Map.of("q", List.of("a b c"), "tag", List.of("y", "x")), Map.of(), null), r, "key")).containsExactlyInAnyOrder(
                "query q: expected `a b c`, got `a+b c`",
                "query tag: expected [`y`, `x`], got [`x`, `y`]");
    }

    @Test
    void matchHeadersAsACaseInsensitiveSubset() throws Exception {
        var r = sent("GET", "/", null, Map.of("Accept", List.of("application/json"), "X-Other", List.of("1")), "");

        assertThat(RequestMatcher.differences(expect(null, null, Map.of(), Map.of("accept", "application/json"), null),
                r, null)).isEmpty();
        assertThat(RequestMatcher.differences(expect(null, null, Map.of(), Map.of("X-Trace", "abc"), null), r, null))
                .containsExactly("header X-Trace: expected `abc`, missing");
    }

    @Test
    void matchAJsonBodyAsJsonWhateverItsSpacingOrderOrNumberForm() throws Exception {
        var r = sent("POST", "/", null, Map.of("Content-Type", List.of("application/json")),
                "{ \"b\": [1, 2.0], \"a\": \"x\" }");

        assertThat(RequestMatcher.differences(expect(null, null, Map.of(), Map.of(), "{\"a\":\"x\",\"b\":[1.0,2]}"),
                r, null)).isEmpty();
        assertThat(RequestMatcher.differences(expect(null, null, Map.of(), Map.of(), "{\"a\":\"y\",\"b\":[1,2]}"),
                r, null)).containsExactly("body a: expected \"y\", got \"x\"");
    }

    @Test
    void matchAFormBodyByItsDecodedFields() throws Exception {
        var r = sent("POST", "/", null, Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
                "LastName=O%27Brien&Age=3");

        assertThat(RequestMatcher.differences(expect(null, null, Map.of(), Map.of(), "{\"LastName\":\"O'Brien\",\"Age\":3}"),
                r, null)).isEmpty();
    }

    @Test
    void matchWhenABodyIsExpectedAndNoneWasSentThenSaysSo() throws Exception {
        var r = sent("POST", "/", null, Map.of(), "");

        assertThat(RequestMatcher.differences(expect("POST", null, Map.of(), Map.of(), "{\"a\":1}"), r, null))
                .containsExactly("body: expected {\"a\":1}, got none");
    }
}
