package dev.connectorruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §5: a section in `path` is refused with one clear `bad-path` problem, not three about its pieces. */
class PathSectionsCliTest {

    @TempDir
    Path dir;

    @Test
    void sectionWithinOneSegmentThenValidAndRendered() {
        TestWorkspace.write(dir, "connectors/api.yaml", "name: api\nbase_url: https://api.example.com\n");
        TestWorkspace.write(dir, "actions/get.yaml", "name: get\nconnector: api\ninputs:\n"
                + "  as_json: { type: boolean, default: false }\nrequest:\n  method: GET\n"
                + "  path: /things{{#as_json}}.json{{/as_json}}\n");

        assertThat(Cli.run(dir, Map.of(), "validate").err()).isEqualTo("checked 2 files: no problems\n");
        assertThat(Cli.run(dir, Map.of(), "run", "get", "-i", "as_json=true", "--dry-run").out())
                .contains("https://api.example.com/things.json");
    }

    @Test
    void sectionSpanningASlashThenOneBadPathProblemWithAHint() {
        TestWorkspace.write(dir, "connectors/api.yaml", "name: api\nbase_url: https://api.example.com\n");
        TestWorkspace.write(dir, "actions/get.yaml", "name: get\nconnector: api\ninputs:\n  id: { type: string }\n"
                + "request:\n  method: GET\n  path: /things{{#id}}/{{id}}{{/id}}\n");

        Cli.Result validate = Cli.run(dir, Map.of(), "validate");
        Cli.Result run = Cli.run(dir, Map.of(), "run", "get", "-i", "id=5");

        String expected = """
                actions/get.yaml:7:9: error: a section in `path` (`{{#x}}`…`{{/x}}`, `{{^x}}`…`{{/x}}`) may not span \
                a `/`: the path is rendered segment by segment
                 7 |   path: /things{{#id}}/{{id}}{{/id}}
                   |         ^
                  hint: keep each section within one segment (`/things{{#as_json}}.json{{/as_json}}`), make the input \
                required or give it a default, or move the optional part under `query:`
                """;
        assertThat(validate).isEqualTo(new Cli.Result(3, expected, "checked 2 files: 1 error, 0 warnings\n"));
        assertThat(run).isEqualTo(new Cli.Result(3, "", expected + "1 error\n"));
    }
}
