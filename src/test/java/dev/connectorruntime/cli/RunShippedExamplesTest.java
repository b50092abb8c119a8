package dev.connectorruntime.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The other shipped connectors and actions, their hosts pointed at a loopback server. */
class RunShippedExamplesTest {

    @TempDir
    Path dir;

    WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    void copy(String kind, String name, Map<String, String> replacements) throws IOException {
        Files.createDirectories(dir.resolve(kind));
        String text = Files.readString(Path.of(kind, name + ".yaml"));
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            assertThat(text).contains(r.getKey());
            text = text.replace(r.getKey(), r.getValue());
        }
        Files.writeString(dir.resolve(kind).resolve(name + ".yaml"), text);
    }

    @Test
    void listIssuesFollowsGithubsLinkHeaderAndSendsTheBearerToken() throws IOException {
        copy("connectors", "github", Map.of("https://api.github.com", server.baseUrl()));
        copy("actions", "list-issues", Map.of());
        String next = server.baseUrl() + "/repositories/1296269/issues?state=open&per_page=100&page=2";
        server.stubFor(get(urlPathEqualTo("/repos/octo%20cat/hello%2Fworld/issues")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("Link", "<" + next + ">; rel=\"next\", <" + next.replace("page=2", "page=2")
                        + ">; rel=\"last\"")
                .withBody("[{\"number\":1347,\"title\":\"Found a bug\",\"user\":{\"login\":\"octocat\"}}]")));
        server.stubFor(get(urlEqualTo("/repositories/1296269/issues?state=open&per_page=100&page=2")).willReturn(
                aResponse().withHeader("Content-Type", "application/json")
                        .withBody("[{\"number\":1348,\"title\":\"Ünïcode title\",\"user\":{\"login\":\"hubot\"}}]")));

        Cli.Result r = Cli.run(dir, Map.of("GITHUB_TOKEN", "ghp_16C7e42F292c6912E7710c838347Ae178B4a"),
                "run", "list-issues", "-i", "owner=octo cat", "-i", "repo=hello/world");

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("[{\"number\":1347,\"title\":\"Found a bug\",\"author\":\"octocat\"},"
                + "{\"number\":1348,\"title\":\"Ünïcode title\",\"author\":\"hubot\"}]\n");
        server.verify(getRequestedFor(urlPathEqualTo("/repos/octo%20cat/hello%2Fworld/issues"))
                .withQueryParam("state", equalTo("open"))
                .withQueryParam("per_page", equalTo("100"))
                .withoutQueryParam("labels")
                .withHeader("Authorization", equalTo("Bearer ghp_16C7e42F292c6912E7710c838347Ae178B4a"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
                .withHeader("Accept", equalTo("application/vnd.github+json")));
    }

    @Test
    void listIssuesWhenTheTokenIsRefusedThenExits4AtOnceWithoutRenewal() throws IOException {
        copy("connectors", "github", Map.of("https://api.github.com", server.baseUrl()));
        copy("actions", "list-issues", Map.of());
        server.stubFor(get(urlPathEqualTo("/repos/octocat/hello/issues")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}")));

        Cli.Result r = Cli.run(dir, Map.of("GITHUB_TOKEN", "ghp_expired0000000000000000000000000000"),
                "run", "list-issues", "-i", "owner=octocat", "-i", "repo=hello");

        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).isEqualTo("error: the API answered 401: Bad credentials\n"
                + "  response: {\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}\n"
                + "  hint: the connector's credentials were refused: check them (bearer)\n");
        server.verify(1, getRequestedFor(urlPathEqualTo("/repos/octocat/hello/issues")));
    }

    @Test
    void searchArtistsGetsAClientCredentialsTokenWithBasicClientAuthAndKeepsTheBasePathPrefix() throws IOException {
        copy("connectors", "spotify", Map.of(
                "https://api.spotify.com/v1", server.baseUrl() + "/v1",
                "https://accounts.spotify.com/api/token", server.baseUrl() + "/api/token"));
        copy("actions", "search-artists", Map.of());
        server.stubFor(post("/api/token").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"BQDj0bSpotifyAccessToken42\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        server.stubFor(get(urlPathEqualTo("/v1/search")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"artists\":{\"items\":[{\"name\":\"Nina Simone\",\"followers\":{\"total\":3300000},"
                        + "\"genres\":[\"jazz\",\"soul\"]}]}}")));

        Cli.Result r = Cli.run(dir, Map.of("SPOTIFY_CLIENT_ID", "client id", "SPOTIFY_CLIENT_SECRET", "s3cr+t/=:%z"),
                "run", "search-artists", "-i", "query=Nina Simone & Co", "-i", "limit=1");

        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("[{\"name\":\"Nina Simone\",\"followers\":3300000,\"genres\":[\"jazz\",\"soul\"]}]\n");
        server.verify(postRequestedFor(urlEqualTo("/api/token"))
                .withHeader("Authorization", equalTo("Basic Y2xpZW50K2lkOnMzY3IlMkJ0JTJGJTNEJTNBJTI1eg=="))
                .withRequestBody(equalTo("grant_type=client_credentials")));
        server.verify(getRequestedFor(urlEqualTo("/v1/search?q=Nina%20Simone%20%26%20Co&type=artist&limit=1"))
                .withHeader("Authorization", equalTo("Bearer BQDj0bSpotifyAccessToken42")));
    }
}
