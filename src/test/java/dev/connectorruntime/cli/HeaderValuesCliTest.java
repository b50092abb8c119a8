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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 9110 §5.5: a header value is visible ASCII, spaces and tabs. Anything else is refused before any traffic:
 * from an input with exit 2, the dry run alike; from the connector's own definition or its secrets with exit 3,
 * never showing the secret.
 */
class HeaderValuesCliTest {

    @RegisterExtension
    static final WireMockExtension server = TestServers.loopback();

    @TempDir
    Path dir;

    @BeforeEach
    void workspace() {
        TestWorkspace.plainConnector(dir, TestServers.origin(server), "");
        TestWorkspace.write(dir, "actions/greet.yaml", """
                name: greet
                connector: api
                inputs:
                  name: {type: string, required: true}
                request:
                  method: GET
                  path: /hello
                  headers:
                    X-Name: "{{name}}"
                """);
        server.stubFor(get("/base/hello").willReturn(aResponse().withStatus(200).withBody("hi")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"café", "東京", "bell\u0007", "del\u007f"})
    void anInputThatPutsAnythingButVisibleAsciiInAHeaderIsExit2BeforeAnyRequest(String value) {
        Cli.Result r = Cli.run(dir, Map.of(), "run", "greet", "-i", "name=" + value);

        assertThat(r).isEqualTo(new Cli.Result(2, "", """
                error: header `X-Name` of `greet` would hold a character that is not visible ASCII (U+%04X)
                  hint: header values are visible ASCII, spaces and tabs (RFC 9110): percent-encode `name` \
                before passing it, or send it in the body
                """.formatted((int) value.chars().filter(c -> c < ' ' || c > '~').findFirst().orElseThrow())));
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void theDryRunRefusesSuchAValueTheSameWay() {
        Cli.Result r = Cli.run(dir, Map.of(), "run", "greet", "-i", "name=café", "--dry-run");

        assertThat(r).isEqualTo(new Cli.Result(2, "", """
                error: header `X-Name` of `greet` would hold a character that is not visible ASCII (U+00E9)
                  hint: header values are visible ASCII, spaces and tabs (RFC 9110): percent-encode `name` \
                before passing it, or send it in the body
                """));
    }

    @Test
    void spacesTabsAndVisibleAsciiGoOutAsGiven() {
        Cli.Result r = Cli.run(dir, Map.of(), "run", "greet", "-i", "name=Ada\tLovelace ~!\"#");

        assertThat(r).isEqualTo(new Cli.Result(0, "hi\n", ""));
        assertThat(server.getAllServeEvents().get(0).getRequest().getHeader("X-Name"))
                .isEqualTo("Ada\tLovelace ~!\"#");
    }

    @Test
    void aConnectorHeaderWhoseSecretHoldsSuchACharacterIsExit3NamingThePlaceholderNotTheValue() {
        TestWorkspace.plainConnector(dir, TestServers.origin(server), "headers:\n  X-Team: <<team_name>>\n");

        Cli.Result r = Cli.run(dir, Map.of("TEAM_NAME", "équipe-secrète"), "run", "greet", "-i", "name=ada");

        assertThat(r).isEqualTo(new Cli.Result(3, "", """
                connectors/api.yaml:7:11: error: header `X-Team` would hold a character that is not visible ASCII \
                once its placeholders are resolved
                 7 |   X-Team: <<team_name>>
                   |           ^
                  hint: header values are visible ASCII, spaces and tabs (RFC 9110): check what <<team_name>> is \
                set to
                1 error
                """));
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void theDryRunRefusesSuchASecretTheSameWayThoughItShowsSecretsOnlyAsVariables() {
        TestWorkspace.plainConnector(dir, TestServers.origin(server), "headers:\n  X-Team: <<team_name>>\n");

        Cli.Result r = Cli.run(dir, Map.of("TEAM_NAME", "équipe-secrète"), "run", "greet", "-i", "name=ada",
                "--dry-run");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).startsWith("connectors/api.yaml:7:11: error: header `X-Team` would hold a character that"
                + " is not visible ASCII once its placeholders are resolved\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anActionHeaderWrittenWithSuchACharacterIsAnErrorOfTheDefinition() {
        TestWorkspace.write(dir, "actions/greet.yaml", """
                name: greet
                connector: api
                request:
                  method: GET
                  path: /hello
                  headers:
                    X-Name: "Zoë {{! a comment: ü }}"
                """);

        Cli.Result r = Cli.run(dir, Map.of(), "validate");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).isEqualTo("""
                actions/greet.yaml:7:13: error: header `X-Name` holds a character that is not visible ASCII (U+00EB)
                 7 |     X-Name: "Zoë {{! a comment: ü }}"
                   |             ^
                  hint: header values are visible ASCII, spaces and tabs (RFC 9110): encode the text as the API \
                expects (percent-encoding, most often)
                """);
    }

    @Test
    void aConnectorHeaderWrittenWithSuchACharacterIsExit3ShowingTheCharacter() {
        TestWorkspace.plainConnector(dir, TestServers.origin(server), "headers:\n  X-Team: Équipe\n");

        Cli.Result r = Cli.run(dir, Map.of(), "run", "greet", "-i", "name=ada");

        assertThat(r).isEqualTo(new Cli.Result(3, "", """
                connectors/api.yaml:7:11: error: header `X-Team` holds a character that is not visible ASCII \
                (U+00C9)
                 7 |   X-Team: Équipe
                   |           ^
                  hint: header values are visible ASCII, spaces and tabs (RFC 9110): encode the text as the API \
                expects (percent-encoding, most often)
                1 error
                """));
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void aBearerTokenThatHoldsSuchACharacterIsExit3Too() {
        TestWorkspace.write(dir, "connectors/api.yaml", "name: api\nbase_url: " + TestServers.origin(server)
                + "/base\nauth:\n  type: bearer\n  token: <<api_token>>\n");

        Cli.Result r = Cli.run(dir, Map.of("API_TOKEN", "tök-55555555"), "run", "greet", "-i", "name=ada");

        assertThat(r).isEqualTo(new Cli.Result(3, "", """
                connectors/api.yaml:5:10: error: the bearer token would hold a character that is not visible ASCII \
                once its placeholders are resolved
                 5 |   token: <<api_token>>
                   |          ^
                  hint: header values are visible ASCII, spaces and tabs (RFC 9110): check what <<api_token>> is \
                set to
                1 error
                """));
        assertThat(server.getAllServeEvents()).isEmpty();
    }
}
