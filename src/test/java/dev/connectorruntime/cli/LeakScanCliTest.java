package dev.connectorruntime.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.connectorruntime.http.TestServers;
import dev.connectorruntime.secret.Leaks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §8, through every stream and file of a run: faults whose answers echo the credentials and the token back,
 * re-encoded as servers do, with and without -v, --debug and --json-errors. No secret and no token, in any of the
 * encodings of {@link Leaks}, may reach stdout, stderr or the cache folder (which holds only ciphertext).
 */
class LeakScanCliTest {

    static final String SECRET = "cl!ent s3cret/42";
    static final String PASSWORD = "pa$$w0rd+summer";
    static final String TOKEN = "00Dxx0000001gEQ!AQ4AQFhjTOKEN";

    @RegisterExtension
    static final WireMockExtension server = TestServers.loopback();

    @TempDir
    Path dir;

    @TempDir
    Path cache;

    @BeforeEach
    void workspace() {
        TestWorkspace.write(dir, "connectors/api.yaml", "name: api\nbase_url: " + TestServers.origin(server)
                + "/api\nauth:\n  type: oauth2\n  grant_type: password\n  token_url: " + TestServers.origin(server)
                + "/token\n  client_id: app\n  client_secret: <<api_secret>>\n  username: ada\n"
                + "  password: <<api_password>>\n");
        TestWorkspace.write(dir, "actions/fetch.yaml", "name: fetch\nconnector: api\nrequest:\n  method: GET\n"
                + "  path: /thing\n");
    }

    static Stream<Arguments> faults() {
        String pair = Base64.getEncoder().encodeToString(("ada:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String tokenOk = "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\"}";
        return Stream.of(
                Arguments.of("a token endpoint answering 200 with a form-encoded token", "text/plain",
                        "access_token=" + TOKEN + "&token_type=bearer", 200, null, 0),
                Arguments.of("a token endpoint echoing the form, lower-case hex", "application/json",
                        "{\"error\":\"invalid_grant\",\"error_description\":\"bad password pa%24%24w0rd%2bsummer for"
                                + " client_secret=cl%21ent+s3cret%2f42\"}", 400, null, 0),
                Arguments.of("an API echoing the token with JSON escapes", "application/json", tokenOk, 200,
                        "{\"message\":\"bad session \\u0030\\u0030Dxx0000001gEQ\\u0021AQ4AQFhjTOKEN\"}", 401),
                Arguments.of("an API echoing credentials in base64 and the token in a query", "application/json",
                        tokenOk, 200, "{\"seen\":\"" + pair + "\",\"url\":\"/x?t=00Dxx0000001gEQ%21AQ4AQFhjTOKEN\"}",
                        500));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void faultThenNoSecretInAnyStreamOrFile(String what, String tokenType, String tokenBody, int tokenStatus,
                                            String apiBody, int apiStatus) throws IOException {
        server.stubFor(post("/token").willReturn(aResponse().withStatus(tokenStatus)
                .withHeader("Content-Type", tokenType).withBody(tokenBody)));
        if (apiBody != null) {
            server.stubFor(get("/api/thing").willReturn(aResponse().withStatus(apiStatus)
                    .withHeader("Content-Type", "application/json").withBody(apiBody)));
        }
        Map<String, String> env = new HashMap<>(Map.of("API_SECRET", SECRET, "API_PASSWORD", PASSWORD));
        env.put("CONNECTOR_RUNTIME_CACHE_DIR", cache.toString());
        for (List<String> flags : List.of(List.<String>of(), List.of("-v"), List.of("--debug"),
                List.of("--json-errors"))) {
            String[] args = Stream.concat(Stream.of("run", "fetch"), flags.stream()).toArray(String[]::new);

            Cli.Result r = Cli.run(dir, env, args);

            assertThat(r.exitCode()).as(what + " " + flags).isIn(4, 5);
            Leaks.assertNone("stdout of " + flags, r.out(), SECRET, PASSWORD, TOKEN);
            Leaks.assertNone("stderr of " + flags, r.err(), SECRET, PASSWORD, TOKEN);
        }
        try (Stream<Path> files = Files.walk(cache)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Leaks.assertNone(cache.relativize(f).toString(), read(f), SECRET, PASSWORD, TOKEN);
            }
        }
    }

    private static String read(Path f) {
        try {
            return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
