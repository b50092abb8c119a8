package dev.connectorruntime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tls.ca_file} as the HTTP client reads it, with the words `validate` uses for what is wrong. */
class TrustBundleTest {

    @TempDir
    Path dir;

    @Test
    void sslContextWhenTheCaFileWentMissingAfterItWasCheckedThenCaFileFailureWithoutTheExceptionsText() {
        Path gone = dir.resolve("gone.pem");

        Failure f = catchThrowableOfType(() -> TrustBundle.sslContext(gone), Failure.class);

        assertThat(f.kind()).isEqualTo(Kind.INVALID);
        assertThat(f.code()).isEqualTo(Code.CA_FILE);
        assertThat(f.getMessage()).isEqualTo("`tls.ca_file` " + gone + " does not exist");
        assertThat(f.hint()).isEqualTo("give a PEM file with one or more `-----BEGIN CERTIFICATE-----` blocks");
    }

    @Test
    void problemSaysWhatIsWrongInAPhraseAndNothingForABundleOfCertificates() throws Exception {
        Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n");
        Files.writeString(dir.resolve("bad.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        Files.writeString(dir.resolve("empty.pem"), "");

        assertThat(CaFile.problem(dir.resolve("gone.pem"))).isEqualTo("does not exist");
        assertThat(CaFile.problem(dir)).isEqualTo("is a folder, not a file");
        assertThat(CaFile.problem(dir.resolve("key.pem")))
                .isEqualTo("holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        assertThat(CaFile.problem(dir.resolve("empty.pem")))
                .isEqualTo("holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        assertThat(CaFile.problem(dir.resolve("bad.pem"))).isEqualTo("holds a certificate that cannot be read");
        assertThat(CaFile.problem(TestCertificate.create(dir, "dns:localhost").pem())).isNull();
    }
}
