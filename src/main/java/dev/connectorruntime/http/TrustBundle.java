package dev.connectorruntime.http;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * {@code tls.ca_file}: the JDK's trusted roots plus a PEM bundle (a corporate CA, a local test CA).
 * Verification stays on: there is deliberately no way to turn it off.
 */
final class TrustBundle {

    private TrustBundle() {
    }

    static SSLContext sslContext(Path pemFile) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate cert : defaultIssuers()) {
                store.setCertificateEntry("jdk-" + i++, cert);
            }
            for (Certificate cert : CaFile.certificates(pemFile)) {
                store.setCertificateEntry("extra-" + i++, cert);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (CaFile.Unusable e) {
            // validate reports this at the ca_file line; here only when the file changed after it was checked
            throw Failure.of(Kind.INVALID, Code.CA_FILE, "`tls.ca_file` " + pemFile + " " + e.getMessage())
                    .hint("give a PEM file with one or more `-----BEGIN CERTIFICATE-----` blocks").build();
        } catch (IOException | GeneralSecurityException e) {
            throw Failure.of(Kind.INTERNAL, Code.INTERNAL, "cannot set up a trust store: " + e.getMessage()).build();
        }
    }

    private static List<X509Certificate> defaultIssuers() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        List<X509Certificate> out = new ArrayList<>();
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                out.addAll(List.of(x.getAcceptedIssuers()));
            }
        }
        return out;
    }
}
