package dev.connectorruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code import postman} through the real CLI (SPEC §12). Each collection's files, stdout and report are pinned in
 * {@code import/postman/golden/<collection>/}: a hand-written v2.1 collection with an environment, one in v2.0's
 * shapes, and one made by openapi-to-postmanv2 6.3.3 (see that folder's README).
 */
class ImportPostmanCliTest {

    private static final Path DIR = Path.of("src/test/resources/import/postman").toAbsolutePath();
    /** Literal credentials of the collections, which no written file may hold. */
    private static final List<String> LITERALS = List.of("s3cr3t-value-123", "lk-123456789", "admin-pass-xyz",
            "tenant-literal-987", "literal-bearer-token-555", "shop-client", "staff-app");

    @TempDir
    Path ws;

    private Cli.Result importPostman(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "import";
        all[1] = "postman";
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.run(ws, Map.of("SHOP_ADMIN_PASSWORD", "admin-pass-xyz"), all);
    }

    private static String[] argsFor(String collection) {
        String file = DIR.resolve(collection + ".postman_collection.json").toString();
        return collection.equals("shop")
                ? new String[] {file, "--environment", DIR.resolve("shop.postman_environment.json").toString()}
                : new String[] {file};
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop", "shop-v2.0", "petstore"})
    void importPostmanWritesThePinnedFilesAndReport(String collection) throws Exception {
        Path golden = DIR.resolve("golden/" + collection);

        Cli.Result r = importPostman(argsFor(collection));

        for (String f : ImportGolden.assertWritten(golden, ws, r)) {
            assertThat(Files.readString(ws.resolve(f))).as(f).doesNotContain(LITERALS);
        }
        assertThat(Cli.run(ws, Map.of(), "validate").exitCode()).isEqualTo(0);
    }

    @Test
    void theGeneratedCollectionsSavedResponsesPassAsExamplesInTheSandbox() {
        importPostman(argsFor("petstore"));

        Cli.Result r = Cli.run(ws, Map.of(), "test");

        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).contains("4 passed, 0 failed");
    }

    @Test
    void folderImportsOnlyTheRequestsUnderIt() {
        Cli.Result r = importPostman(DIR.resolve("shop.postman_collection.json").toString(), "--folder", "Public");

        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).isEqualTo("""
                wrote connectors/shop-example.yaml
                wrote actions/health.yaml
                wrote actions/subscribe.yaml
                wrote actions/upload-avatar.yaml
                """);
    }

    @Test
    void anUnknownFolderExits2NamingTheFolders() {
        Cli.Result r = importPostman(DIR.resolve("shop.postman_collection.json").toString(), "--folder", "Nope");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: the collection has no folder named `Nope`\n"
                + "  hint: its folders: Orders, Public, Admin\n");
    }

    @Test
    void aFileThatIsNotACollectionExits2() throws Exception {
        Path other = Files.writeString(ws.resolve("x.json"), "{\"openapi\": \"3.1.0\"}");

        Cli.Result r = importPostman(other.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: x.json is not a Postman collection v2.0 or v2.1\n"
                + "  hint: export the collection from Postman as Collection v2.1\n");
    }

    @Test
    void strictExits3WhenTheCollectionLosesSomething() {
        Cli.Result r = importPostman(argsFor("shop")[0], "--strict");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(ws.resolve("actions")).doesNotExist();
    }
}
