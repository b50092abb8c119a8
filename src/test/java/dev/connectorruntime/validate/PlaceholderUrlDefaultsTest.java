package dev.connectorruntime.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.error.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §2: a URL with placeholders whose defaults make it plain http off loopback is refused, as written out. */
class PlaceholderUrlDefaultsTest {

    @TempDir
    Path dir;

    private java.util.List<String> problems(String yaml) throws Exception {
        Path file = Files.createDirectories(dir.resolve("connectors")).resolve("a.yaml");
        Files.writeString(file, "name: a\n" + yaml);
        return Validator.connector(file).problems().stream().map(p -> p.location().line() + ": " + p.message()
                + " / " + p.hint()).toList();
    }

    @Test
    void baseUrlWhoseDefaultIsPlainHttpOffLoopbackIsAnError() throws Exception {
        assertThat(problems("base_url: \"<<x:-http://api.example.com>>\"\n")).containsExactly(
                "2: `<<x:-http://api.example.com>>` with its defaults is `http://api.example.com`, which must use"
                        + " https (plain http is allowed only on a loopback address) / use https://");
    }

    @Test
    void tokenUrlWhoseDefaultBringsPlainHttpIsAnError() throws Exception {
        assertThat(problems("base_url: https://api.example.com\nauth: {type: oauth2, grant_type: client_credentials,"
                + " token_url: \"<<login:-http://login.example.com>>/token\", client_id: c, client_secret: \"<<s>>\"}\n"))
                .hasSize(1).first().asString().startsWith("3: `<<login:-http://login.example.com>>/token` with its"
                        + " defaults is `http://login.example.com/token`");
    }

    @Test
    void aPlainHttpSchemeWrittenOutBeforeAHostPlaceholderWaitsForRun() throws Exception {
        // tests point such a host at a loopback stand-in: the resolved URL is checked on run
        assertThat(problems("base_url: \"http://<<host:-api.example.com>>\"\n")).isEmpty();
    }

    @Test
    void loopbackDefaultsHttpsDefaultsAndHostsWithoutDefaultPass() throws Exception {
        assertThat(problems("base_url: \"<<x:-http://127.0.0.1:8080>>/v1\"\n")).isEmpty();
        assertThat(problems("base_url: \"<<x:-https://api.example.com>>\"\n")).isEmpty();
        assertThat(problems("base_url: \"http://<<host>>:8080\"\n")).isEmpty();
        assertThat(problems("base_url: \"<<base>>\"\n")).isEmpty();
    }
}
