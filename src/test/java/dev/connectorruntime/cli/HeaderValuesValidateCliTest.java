package dev.connectorruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 9110 §5.5: `validate` refuses a connector header written with what `run` would refuse (issue 12). */
class HeaderValuesValidateCliTest {

    @TempDir
    Path dir;

    @Test
    void connectorHeaderWrittenWithANonAsciiCharacterThenValidateReportsItAsRunWould() {
        TestWorkspace.write(dir, "connectors/api.yaml", "name: api\nbase_url: https://api.example.com\n"
                + "headers:\n  X-Team: café\n");

        Cli.Result r = Cli.run(dir, Map.of(), "validate");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).startsWith("connectors/api.yaml:4:11: error: header `X-Team` holds a character that is"
                + " not visible ASCII (U+00E9)\n");
        assertThat(r.err()).isEqualTo("checked 1 file: 1 error, 0 warnings\n");
    }
}
