package dev.connectorruntime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed server certificate made with the JDK's {@code keytool}: {@code keystore} (PKCS12, password
 * {@code changeit}) for a test server, {@code pem} for the runtime to trust.
 */
public record TestCertificate(Path keystore, Path pem) {

    public static final String PASSWORD = "changeit";

    /** @param subjectAltNames keytool's SAN list, such as {@code ip:127.0.0.1,dns:localhost} */
    public static TestCertificate create(Path dir, String subjectAltNames) {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path store = dir.resolve("server.p12");
        Path pem = dir.resolve("ca.pem");
        keytool(keytool, "-genkeypair", "-alias", "test", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "2", "-dname", "CN=test server", "-ext", "SAN=" + subjectAltNames,
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
                "-keypass", PASSWORD);
        keytool(keytool, "-exportcert", "-rfc", "-alias", "test", "-keystore", store.toString(),
                "-storepass", PASSWORD, "-file", pem.toString());
        return new TestCertificate(store, pem);
    }

    private static void keytool(String... args) {
        try {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
