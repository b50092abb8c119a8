package dev.connectorruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
