package dev.connectorruntime.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.load.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run skips the full check of files that passed it unchanged, and checks again on any change. */
class ValidationStampsTest {

    @TempDir
    Path dir;

    Path workspace() throws Exception {
        Path ws = dir.resolve("ws");
        Files.createDirectories(ws.resolve("connectors"));
        Files.createDirectories(ws.resolve("actions"));
        Files.copy(Path.of("connectors/salesforce.yaml"), ws.resolve("connectors/salesforce.yaml"));
        Files.copy(Path.of("actions/list-contacts.yaml"), ws.resolve("actions/list-contacts.yaml"));
        return ws;
    }

    @Test
    void forRunWhenTheFilesPassedThenStampsAreRecordedPrivately() throws Exception {
        Path ws = workspace();
        Path stamps = dir.resolve("cache/validated");

        Definitions.forRun(new Workspace(ws), "list-contacts", new ValidationStamps(stamps));

        try (var files = Files.list(stamps)) {
            assertThat(files.toList()).hasSize(2).allSatisfy(f -> {
                assertThat(Files.size(f)).isZero();
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
            });
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stamps))).isEqualTo("rwx------");
    }

    @Test
    void passedOnlyForTheSameBytesAtTheSamePath() throws Exception {
        Path ws = workspace();
        ValidationStamps stamps = new ValidationStamps(dir.resolve("cache/validated"));
        Path action = ws.resolve("actions/list-contacts.yaml");
        byte[] content = Files.readAllBytes(action);

        assertThat(stamps.passed(action, content)).isFalse();
        Definitions.forRun(new Workspace(ws), "list-contacts", stamps);

        assertThat(stamps.passed(action, content)).isTrue();
        assertThat(stamps.passed(action, (new String(content) + "\n# edited\n").getBytes())).isFalse();
        assertThat(stamps.passed(ws.resolve("actions/other.yaml"), content)).isFalse();
    }

    @Test
    void aFileWithErrorsIsNeverStamped() throws Exception {
        Path ws = workspace();
        Path action = ws.resolve("actions/list-contacts.yaml");
        Files.writeString(action, Files.readString(action).replace("method: GET", "method: GTE"));
        ValidationStamps stamps = new ValidationStamps(dir.resolve("cache/validated"));

        Validator.Checked<?> checked = Validator.action(action, stamps);

        assertThat(checked.hasErrors()).isTrue();
        assertThat(stamps.passed(action, Files.readAllBytes(action))).isFalse();
    }

    @Test
    void anUnusableFolderMeansAFullCheckNotAnError() throws Exception {
        Path ws = workspace();
        Path blocked = dir.resolve("file-not-folder");
        Files.writeString(blocked, "x");
        ValidationStamps stamps = new ValidationStamps(blocked.resolve("validated"));

        Definitions.Pair pair = Definitions.forRun(new Workspace(ws), "list-contacts", stamps);

        assertThat(pair.action().name()).isEqualTo("list-contacts");
    }
}
