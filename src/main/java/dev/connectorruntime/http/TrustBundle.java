package dev.connectorruntime.http;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
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
            Collection<? extends Certificate> extra;
            try (InputStream in = Files.newInputStream(pemFile)) {
                extra = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (extra.isEmpty()) {
                throw Failure.of(Kind.INVALID, Code.CA_FILE, "`tls.ca_file` " + pemFile + " holds no certificate")
                        .hint("give a PEM file with one or more `-----BEGIN CERTIFICATE-----` blocks").build();
            }
            for (Certificate cert : extra) {
                store.setCertificateEntry("extra-" + i++, cert);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw Failure.of(Kind.INVALID, Code.CA_FILE, "cannot read `tls.ca_file` " + pemFile + ": " + e.getMessage()).build();
        } catch (GeneralSecurityException e) {
            throw Failure.of(Kind.INVALID, Code.CA_FILE, "`tls.ca_file` " + pemFile + " is not a PEM certificate bundle: "
                    + e.getMessage()).build();
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
