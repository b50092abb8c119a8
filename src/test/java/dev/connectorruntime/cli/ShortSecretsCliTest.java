package dev.connectorruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §8: a credential so short that masking it would hide ordinary words is a `validate` warning. */
class ShortSecretsCliTest {

    @TempDir
    Path dir;

    @BeforeEach
    void workspace() {
        TestWorkspace.write(dir, "connectors/api.yaml", "name: api\nbase_url: https://api.example.com\n"
                + "auth:\n  type: basic\n  username: <<api_user:-ops>>\n  password: <<api_password>>\n");
    }

    @Test
    void validateWhenASecretIsShortThenWarnsWithoutShowingIt() {
        Cli.Result r = Cli.run(dir, Map.of("API_PASSWORD", "pin4"), "validate");

        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).isEqualTo("""
                connectors/api.yaml:6:13: warning: the value of `<<api_password>>` is 4 characters long: a secret \
                that short is masked only where it stands alone
                 6 |   password: <<api_password>>
                   |             ^
                  hint: in JSON output only as a whole string value, in text only as a whole word: use a longer \
                credential (see docs/secrets.md, What is masked)
                """);
        assertThat(r.out()).doesNotContain("pin4");
        assertThat(r.err()).isEqualTo("checked 1 file: 0 errors, 1 warning\n");
    }

    @Test
    void validateWhenSecretsAreLongUnsetOrOnlyDefaultsThenNoWarning() {
        assertThat(Cli.run(dir, Map.of("API_PASSWORD", "a-long-password"), "validate").err())
                .isEqualTo("checked 1 file: no problems\n");
        assertThat(Cli.run(dir, Map.of(), "validate").err()).isEqualTo("checked 1 file: no problems\n");
    }

    @Test
    void validateStrictWhenASecretIsShortThenFails() {
        Cli.Result r = Cli.run(dir, Map.of("API_PASSWORD", "pin4"), "validate", "--strict");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).contains("error: the value of `<<api_password>>` is 4 characters long");
    }
}
