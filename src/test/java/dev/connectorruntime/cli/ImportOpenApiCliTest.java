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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code import openapi} through the real CLI (SPEC §12), on real documents: the corpus of
 * {@code @readme/oas-examples} 8.2.2 (MIT, see {@code import/openapi/README.md}) in 3.0 and 3.1, and a hand-written
 * document of edge cases. Some imports are pinned file by file in {@code import/openapi/golden/<case>/}; every one
 * is imported, validated and its examples played by {@code test} in the sandbox.
 */
class ImportOpenApiCliTest {

    private static final Path DIR = Path.of("src/test/resources/import/openapi").toAbsolutePath();

    @TempDir
    Path ws;

    private Cli.Result importOpenApi(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "import";
        all[1] = "openapi";
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.run(ws, Map.of(), all);
    }

    @ParameterizedTest
    @CsvSource({"edge, edge.yaml", "petstore-3.0, oas-examples/3.0/petstore.yaml",
        "train-travel-3.1, oas-examples/3.1/train-travel.yaml",
        "server-variables-3.0, oas-examples/3.0/server-variables.yaml",
        "security-multiple-3.0, oas-examples/3.0/security-multiple.yaml"})
    void importOpenApiWritesThePinnedFilesAndReport(String name, String document) throws Exception {
        Path golden = DIR.resolve("golden/" + name);

        Cli.Result r = importOpenApi(DIR.resolve(document).toString());

        ImportGolden.assertWritten(golden, ws, r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.0/petstore.yaml", "3.0/petstore.json", "3.0/security.yaml",
        "3.0/security-multiple.yaml", "3.0/server-variables.yaml", "3.0/circular.yaml", "3.0/parameters-style.yaml",
        "3.0/form-data.yaml", "3.0/request-examples.yaml", "3.1/petstore.yaml", "3.1/security.yaml",
        "3.1/parameters-style.yaml", "3.1/train-travel.yaml"})
    void everyCorpusDocumentImportsValidatesAndPassesItsExamplesInTheSandbox(String document) {
        Cli.Result r = importOpenApi(DIR.resolve("oas-examples/" + document).toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        assertThat(Cli.run(ws, Map.of(), "validate").exitCode()).isEqualTo(0);
        Cli.Result test = Cli.run(ws, Map.of(), "test");
        assertThat(test.exitCode()).as(test.out() + test.err()).isEqualTo(0);
        assertThat(test.out()).contains(" 0 failed");
    }

    @Test
    void theTrainTravelExamplesPassInTheSandbox() {
        importOpenApi(DIR.resolve("oas-examples/3.1/train-travel.yaml").toString());

        assertThat(Cli.run(ws, Map.of(), "test").out()).contains("7 passed, 0 failed");
    }

    @Test
    void examplesThatFailTheActionsOwnChecksAreDroppedAndReported() {
        Cli.Result r = importOpenApi(DIR.resolve("oas-examples/3.0/request-examples.yaml").toString());

        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.err()).contains("dropped: example \"An example of a cat\" of action"
                + " put-request-body-primitive-example (its inputs fail the action's checks: input `body` must be an"
                + " array, not `[ { \"name\": \"Fluffy\", \"petType\": \"Cat\" } ]`)\n");
        // 14, not 15: the example of the token request keeps no `client_secret` literal, so it is dropped too
        assertThat(Cli.run(ws, Map.of(), "test").out()).contains("14 passed, 0 failed");
    }

    @Test
    void yaml11BooleansAndOctalsStayTheTextTheDocumentHas() throws Exception {
        importOpenApi(DIR.resolve("edge.yaml").toString());

        assertThat(Files.readString(ws.resolve("actions/get-thing.yaml"))).contains("""
                    enum:
                      - "yes"
                      - "no"
                      - "on"
                      - "off"
                      - "010"
                """);
    }

    @Test
    void reimportingWithForceWritesByteIdenticalFiles() throws Exception {
        String doc = DIR.resolve("oas-examples/3.1/train-travel.yaml").toString();
        importOpenApi(doc);
        Map<String, String> first = contents(ws);

        Cli.Result again = importOpenApi(doc);
        Cli.Result forced = importOpenApi(doc, "--force");

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("error: import would overwrite ");
        assertThat(forced.exitCode()).isEqualTo(0);
        assertThat(contents(ws)).isEqualTo(first);
    }

    @Test
    void readOnlyTagAndOperationChooseTheOperations() {
        String doc = DIR.resolve("oas-examples/3.1/train-travel.yaml").toString();

        assertThat(importOpenApi(doc, "--read-only", "--dry-run").out()).contains("actions/get-trips.yaml")
                .doesNotContain("actions/create-booking.yaml");
        assertThat(importOpenApi(doc, "--tag", "Payments", "--dry-run").out())
                .contains("actions/create-booking-payment.yaml").doesNotContain("actions/get-trips.yaml");
        Cli.Result one = importOpenApi(doc, "--operation", "get-stations");
        assertThat(one.out()).isEqualTo("wrote connectors/example.yaml\nwrote actions/get-stations.yaml\n");
    }

    @Test
    void anUnknownOperationExits2WithTheNearestId() {
        Cli.Result r = importOpenApi(DIR.resolve("oas-examples/3.1/train-travel.yaml").toString(), "--operation",
                "get-trip");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: the document has no operation `get-trip`\n"
                + "  hint: did you mean `get-trips`?\n");
    }

    @Test
    void aTagNoOperationHasExits2ListingTheTags() {
        Cli.Result r = importOpenApi(DIR.resolve("edge.yaml").toString(), "--tag", "nope");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: no operation of edge.yaml is left to import\n"
                + "  hint: its tags: bulk, things\n");
    }

    @Test
    void swagger20IsRefusedWithExit2AndAHint() {
        Cli.Result r = importOpenApi(DIR.resolve("swagger2.yaml").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: swagger2.yaml is a Swagger 2.0 document; import openapi reads OpenAPI"
                + " 3.0 and 3.1\n  hint: convert it first, e.g. `npx swagger2openapi swagger2.yaml -o openapi.yaml`,"
                + " then import that\n");
    }

    @Test
    void aFileThatIsNotOpenApiExits2() throws Exception {
        Path other = Files.writeString(ws.resolve("x.yaml"), "name: not an api\n");

        Cli.Result r = importOpenApi(other.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: x.yaml is not an OpenAPI 3.0 or 3.1 document\n"
                + "  hint: give an OpenAPI 3.0 or 3.1 description, YAML or JSON\n");
    }

    @Test
    void aYamlDocumentOverSwaggerParsersThreeMegabyteLimitImports() throws Exception {
        StringBuilder doc = new StringBuilder("openapi: 3.1.0\ninfo: {title: Big, version: '1'}\n"
                + "servers: [{url: 'https://big.example'}]\npaths:\n");
        for (int i = 0; doc.length() < 4_000_000; i++) {
            doc.append("  /things/").append(i).append(":\n    get:\n      operationId: get").append(i)
                    .append("\n      description: ").append("x".repeat(2000)).append("\n      responses: {'200': {description: OK}}\n");
        }
        Path big = Files.writeString(ws.resolve("big.yaml"), doc);

        Cli.Result r = importOpenApi(big.toString(), "--operation", "get7", "--dry-run");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        assertThat(r.err()).endsWith("dry run, nothing written: 1 connector and 1 action: 0 carried, 0 approximated,"
                + " 0 dropped\n");
    }

    @Test
    void credentialNamedInputsKeepNoDefaultNorExampleValueInTheYaml() throws Exception {
        Path doc = Files.writeString(ws.resolve("creds.yaml"), """
                openapi: 3.1.0
                info: {title: Creds, version: '1'}
                servers: [{url: 'https://creds.example'}]
                paths:
                  /login:
                    post:
                      operationId: login
                      parameters:
                        - {name: api_key, in: query, schema: {type: string, default: dflt-key-8312}, example: ex-key-4471}
                      requestBody:
                        content:
                          application/json:
                            schema:
                              type: object
                              properties: {user: {type: string}, password: {type: string, default: dflt-pw-5521}}
                            example: {user: ada, password: ex-pw-9930}
                      responses:
                        '200':
                          description: OK
                          content: {application/json: {example: {ok: true}}}
                """);

        Cli.Result r = importOpenApi(doc.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        String yaml = Files.readString(ws.resolve("actions/login.yaml"));
        assertThat(yaml + r.err()).doesNotContain("dflt-key-8312", "ex-key-4471", "dflt-pw-5521", "ex-pw-9930");
        assertThat(r.err()).contains("approximated: input api_key of operation login (without its default, which"
                + " looks like a credential)\n");
    }

    @Test
    void brokenYamlExits2() throws Exception {
        Path other = Files.writeString(ws.resolve("x.yaml"), "openapi: [3.1\n");

        Cli.Result r = importOpenApi(other.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: cannot read x.yaml: ");
    }

    @Test
    void strictExits3AndWritesNothingWhenTheDocumentLosesSomething() {
        Cli.Result r = importOpenApi(DIR.resolve("edge.yaml").toString(), "--strict");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(ws.resolve("actions")).doesNotExist();
    }

    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String f : ImportGolden.files(root)) {
            out.put(f, Files.readString(root.resolve(f)));
        }
        return out;
    }
}
