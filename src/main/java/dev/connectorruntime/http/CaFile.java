package dev.connectorruntime.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/**
 * {@code tls.ca_file}: a PEM bundle of CA certificates. Read the same way by {@code validate} (which reports what is
 * wrong at the {@code ca_file} line) and by the HTTP client's trust store, so that what passes one passes the other.
 */
public final class CaFile {

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";

    /** What is wrong with a CA file, in a phrase that follows its name. */
    static final class Unusable extends Exception {
        Unusable(String phrase) {
            super(phrase, null, false, false);
        }
    }

    private CaFile() {
    }

    /** @return {@code null} when {@code file} holds at least one PEM certificate, else what is wrong, one phrase */
    public static String problem(Path file) {
        try {
            certificates(file);
            return null;
        } catch (Unusable e) {
            return e.getMessage();
        }
    }

    /** The certificates of the bundle, at least one. */
    static Collection<? extends Certificate> certificates(Path file) throws Unusable {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new Unusable("is a folder, not a file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Unusable("does not exist");
        } catch (AccessDeniedException e) {
            throw new Unusable("cannot be read: permission denied");
        } catch (IOException e) {
            throw new Unusable("cannot be read");
        }
        if (!new String(bytes, StandardCharsets.ISO_8859_1).contains(BEGIN)) {
            throw new Unusable("holds no PEM certificate (" + BEGIN + ")");
        }
        try {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
            if (certificates.isEmpty()) {
                throw new Unusable("holds no PEM certificate (" + BEGIN + ")");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new Unusable("holds a certificate that cannot be read");
        }
    }
}
