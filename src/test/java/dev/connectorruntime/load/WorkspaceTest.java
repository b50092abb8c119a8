package dev.connectorruntime.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §1: connectors/<name>.yaml and actions/<name>.yaml under the workspace folder. */
class WorkspaceTest {

    @TempDir
    Path dir;

    private void touch(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "name: x\n");
    }

    @Test
    void filesWhenNamedThenResolvedUnderTheirFolders() {
        Workspace workspace = new Workspace(dir);

        assertThat(workspace.dir()).isEqualTo(dir);
        assertThat(workspace.actionFile("list-contacts")).isEqualTo(dir.resolve("actions/list-contacts.yaml"));
        assertThat(workspace.connectorFile("salesforce")).isEqualTo(dir.resolve("connectors/salesforce.yaml"));
    }

    @Test
    void actionFilesWhenSeveralThenOnlyYamlFilesSortedByName() throws IOException {
        touch("actions/list-contacts.yaml");
        touch("actions/create-contact.yaml");
        touch("actions/get-contact.yml");
        touch("actions/notes.txt");
        Files.createDirectories(dir.resolve("actions/folder.yaml"));
        touch("connectors/salesforce.yaml");

        Workspace workspace = new Workspace(dir);

        assertThat(workspace.actionFiles()).containsExactly(
                dir.resolve("actions/create-contact.yaml"), dir.resolve("actions/list-contacts.yaml"));
        assertThat(workspace.actionNames()).containsExactly("create-contact", "list-contacts");
        assertThat(workspace.connectorFiles()).containsExactly(dir.resolve("connectors/salesforce.yaml"));
        assertThat(workspace.connectorNames()).containsExactly("salesforce");
    }

    @Test
    void actionFilesWhenFolderIsMissingThenEmpty() {
        Workspace workspace = new Workspace(dir.resolve("nowhere"));

        assertThat(workspace.actionFiles()).isEmpty();
        assertThat(workspace.connectorFiles()).isEmpty();
        assertThat(workspace.actionNames()).isEmpty();
    }

    @Test
    void actionFilesWhenActionsIsAFileThenEmpty() throws IOException {
        Files.writeString(dir.resolve("actions"), "not a folder");

        assertThat(new Workspace(dir).actionFiles()).isEmpty();
    }
}
