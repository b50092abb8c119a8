package dev.connectorruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: `validate` reports what `run` would refuse, and `run` reports it the same way. */
class ValidateCatchesWhatRunRefusesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void action() {
        TestWorkspace.write(dir, "actions/hello.yaml", "name: hello\nconnector: api\nrequest:\n  method: GET\n"
                + "  path: /hello\n");
    }

    void connector(String extra) {
        TestWorkspace.write(dir, "connectors/api.yaml", "name: api\nbase_url: https://api.example.com\n" + extra);
    }

    /** Each GitHub annotation of a report up to its message: severity, place and code. */
    static List<String> annotations(Cli.Result r) {
        return r.out().lines().map(l -> l.substring(0, l.indexOf("::", 2))).toList();
    }

    @Test
    void validateWhenTheCaFileDoesNotExistThenCaFileAtItsLineAsWritten() {
        connector("tls:\n  ca_file: certs/corporate-ca.pem\n");

        Cli.Result r = Cli.run(dir, Map.of(), "validate");

        assertThat(r.out()).isEqualTo("""
                connectors/api.yaml:4:12: error: `tls.ca_file` `certs/corporate-ca.pem` does not exist
                 4 |   ca_file: certs/corporate-ca.pem
                   |            ^
                  hint: the path is relative to the connector file's folder: name a PEM file of the CA certificates to trust
                """);
        assertThat(r.exitCode()).isEqualTo(3);
    }

    @Test
    void validateWhenTheCaFileIsAFolderOrHoldsNoCertificateThenSaysWhich() throws Exception {
        Files.createDirectories(dir.resolve("connectors/certs"));
        TestWorkspace.write(dir, "connectors/notes.txt", "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n");
        TestWorkspace.write(dir, "connectors/other.yaml", "name: other\nbase_url: https://api.example.com\n"
                + "tls: { ca_file: notes.txt }\n");
        TestWorkspace.write(dir, "connectors/broken.yaml", "name: broken\nbase_url: https://api.example.com\n"
                + "tls: { ca_file: broken.pem }\n");
        TestWorkspace.write(dir, "connectors/broken.pem", "-----BEGIN CERTIFICATE-----\nnot base64!\n"
                + "-----END CERTIFICATE-----\n");
        connector("tls:\n  ca_file: certs\n");

        Cli.Result r = Cli.run(dir, Map.of(), "validate", "--format", "github");

        assertThat(r.out()).isEqualTo("""
                ::error file=connectors/api.yaml,line=4,col=12,title=ca-file::`tls.ca_file` `certs` is a folder, not a file%0Ahint: the path is relative to the connector file's folder: name a PEM file of the CA certificates to trust
                ::error file=connectors/broken.yaml,line=3,col=17,title=ca-file::`tls.ca_file` `broken.pem` holds a certificate that cannot be read%0Ahint: the path is relative to the connector file's folder: name a PEM file of the CA certificates to trust
                ::error file=connectors/other.yaml,line=3,col=17,title=ca-file::`tls.ca_file` `notes.txt` holds no PEM certificate (-----BEGIN CERTIFICATE-----)%0Ahint: the path is relative to the connector file's folder: name a PEM file of the CA certificates to trust
                """);
    }

    @Test
    void runWhenTheCaFileDoesNotExistThenTheSameProblemBeforeAnyConnection() {
        connector("tls:\n  ca_file: certs/corporate-ca.pem\n");

        Cli.Result r = Cli.run(dir, Map.of(), "run", "hello");

        assertThat(r).isEqualTo(new Cli.Result(3, "", """
                connectors/api.yaml:4:12: error: `tls.ca_file` `certs/corporate-ca.pem` does not exist
                 4 |   ca_file: certs/corporate-ca.pem
                   |            ^
                  hint: the path is relative to the connector file's folder: name a PEM file of the CA certificates to trust
                1 error
                """));
    }

    @Test
    void validateWhenACredentialIsWrittenOutInAConnectorThenAWarningNamingTheFieldNeverTheValue() {
        connector("auth: { type: basic, username: ada, password: hunter2-literal }\nheaders:\n"
                + "  authorization: Bearer abc123literal\n  X-Team: platform\n");
        TestWorkspace.write(dir, "connectors/crm.yaml", """
                name: crm
                base_url: https://api.example.com
                auth:
                  type: oauth2
                  grant_type: refresh_token
                  token_url: https://login.example.com/token
                  client_id: crm-app
                  client_secret: s3cr3t-literal
                  refresh_token: rt-literal
                """);
        TestWorkspace.write(dir, "connectors/ledger-eu.yaml", """
                name: ledger-eu
                base_url: https://api.example.com
                auth: { type: api_key, in: header, name: X-Api-Key, value: "Key <<ledger_key>>" }
                headers: { Authorization: "Bearer <<ledger_token>>" }
                """);
        TestWorkspace.write(dir, "connectors/signer.yaml", """
                name: signer
                auth:
                  type: oauth2
                  grant_type: jwt_bearer
                  token_url: https://login.example.com/token
                  client_id: signer-app
                  private_key: MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ
                  subject: ada
                  audience: https://login.example.com
                  base_url_from: instance_url
                """);

        Cli.Result r = Cli.run(dir, Map.of(), "validate", "--format", "github");

        assertThat(r.out()).isEqualTo("""
                ::warning file=connectors/api.yaml,line=3,col=47,title=literal-credential::`auth.password` holds a literal credential: whoever reads the file can use it%0Ahint: put it in a placeholder: <<api_password>> and API_PASSWORD=... in .env
                ::warning file=connectors/api.yaml,line=5,col=18,title=literal-credential::`headers.authorization` holds a literal credential: whoever reads the file can use it%0Ahint: put it in a placeholder: <<api_authorization>> and API_AUTHORIZATION=... in .env
                ::warning file=connectors/crm.yaml,line=8,col=18,title=literal-credential::`auth.client_secret` holds a literal credential: whoever reads the file can use it%0Ahint: put it in a placeholder: <<crm_client_secret>> and CRM_CLIENT_SECRET=... in .env
                ::warning file=connectors/crm.yaml,line=9,col=18,title=literal-credential::`auth.refresh_token` holds a literal credential: whoever reads the file can use it%0Ahint: put it in a placeholder: <<crm_refresh_token>> and CRM_REFRESH_TOKEN=... in .env
                ::warning file=connectors/signer.yaml,line=7,col=16,title=literal-credential::`auth.private_key` holds a literal credential: whoever reads the file can use it%0Ahint: put it in a placeholder: <<signer_private_key>> and SIGNER_PRIVATE_KEY=... in .env
                """);
        assertThat(r.out()).doesNotContain("hunter2").doesNotContain("abc123").doesNotContain("s3cr3t")
                .doesNotContain("rt-literal").doesNotContain("MIIE");
        assertThat(r.err()).isEqualTo("checked 5 files: 0 errors, 5 warnings\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void validateWhenACredentialIsWrittenOutThenTheTextReportDoesNotQuoteItsLine() {
        connector("auth: { type: bearer, token: ghp-literal-token-value }\n");

        Cli.Result r = Cli.run(dir, Map.of(), "validate");

        assertThat(r.out()).isEqualTo("""
                connectors/api.yaml:3:30: warning: `auth.token` holds a literal credential: whoever reads the file can use it
                  hint: put it in a placeholder: <<api_token>> and API_TOKEN=... in .env
                """);
    }

    @Test
    void validateWhenTwoFilesAreNotYamlAndAThirdHasAnErrorThenAllThreeAreReported() {
        connector("");
        TestWorkspace.write(dir, "actions/broken.yaml", "name: broken\nconnector: api\nrequest: [\n");
        TestWorkspace.write(dir, "actions/anchored.yaml", "name: anchored\nconnector: api\nrequest: &r\n"
                + "  method: GET\n  path: /x\n");
        TestWorkspace.write(dir, "actions/hello.yaml", "name: hello\nconnector: api\nrequest:\n  method: GET\n"
                + "  path: /hello/{{who}}\n");

        Cli.Result r = Cli.run(dir, Map.of(), "validate", "--format", "github");

        assertThat(annotations(r)).containsExactly(
                "::error file=actions/anchored.yaml,line=3,col=10,title=yaml-anchor",
                "::error file=actions/broken.yaml,line=4,col=1,title=yaml-syntax",
                "::error file=actions/hello.yaml,line=5,col=16,title=template-undeclared");
    }

    @Test
    void runWhenTheActionIsNotYamlThenItsConnectorsProblemsAreReportedToo() {
        connector("bogus: 1\n");
        TestWorkspace.write(dir, "actions/hello.yaml", "name: hello\nconnector: api   # the API\nrequest: [\n");
        TestWorkspace.write(dir, "actions/anchored.yaml", "name: anchored\n\"connector\": 'api'\nrequest: &r\n"
                + "  method: GET\n  path: /x\n");

        for (String action : new String[] {"hello", "anchored"}) {
            Cli.Result r = Cli.run(dir, Map.of(), "run", action, "--json-errors");
            Cli.Result v = Cli.run(dir, Map.of(), "validate", "--format", "json");

            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.err()).contains("actions/" + action + ".yaml").contains("\"file\":\"connectors/api.yaml\","
                    + "\"line\":3,\"column\":1,\"severity\":\"error\",\"code\":\"unknown-key\"");
            assertThat(v.out()).contains("\"file\":\"connectors/api.yaml\",\"line\":3,\"column\":1,"
                    + "\"severity\":\"error\",\"code\":\"unknown-key\"");
        }
    }

    @Test
    void validateWhenTheConnectorDoesNotBindThenItsOtherProblemsAndItsActionsAreStillChecked() {
        TestWorkspace.write(dir, "connectors/api.yaml", """
                name: api
                base_url: http://api.example.com
                auth: { type: api_key, in: header, name: X-Api-Key, value: <<api_key>> }
                tls: { ca_file: missing.pem }
                bogus: 1
                """);
        TestWorkspace.write(dir, "actions/hello.yaml", """
                name: hello
                connector: api
                request:
                  method: GET
                  path: /hello/{{who}}
                  headers: { x-api-key: fixed }
                """);

        Cli.Result v = Cli.run(dir, Map.of(), "validate", "--format", "github");
        Cli.Result r = Cli.run(dir, Map.of(), "run", "hello");

        assertThat(annotations(v)).containsExactly(
                "::error file=actions/hello.yaml,line=5,col=16,title=template-undeclared",
                "::error file=actions/hello.yaml,line=6,col=25,title=reserved-header",
                "::error file=connectors/api.yaml,line=2,col=11,title=bad-url",
                "::error file=connectors/api.yaml,line=4,col=17,title=ca-file",
                "::error file=connectors/api.yaml,line=5,col=1,title=unknown-key");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).endsWith("5 errors\n");
    }
}
