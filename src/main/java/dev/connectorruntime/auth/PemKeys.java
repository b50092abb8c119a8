package dev.connectorruntime.auth;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.secret.Secret;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * RSA private keys from PEM text: PKCS#8 ({@code BEGIN PRIVATE KEY}) as the JDK reads it, and PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}, common in Salesforce guides) wrapped into PKCS#8 here, since the JDK does
 * not parse it. Encrypted keys are refused. No message ever quotes the key.
 */
final class PemKeys {

    /** AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PemKeys() {
    }

    static PrivateKey rsaPrivateKey(Secret pem) {
        String text = pem.reveal().replace("\\n", "\n");
        if (text.contains("ENCRYPTED")) {
            throw bad("the private key is encrypted",
                    "decrypt it once: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
        }
        boolean pkcs1 = text.contains("-----BEGIN RSA PRIVATE KEY-----");
        String label = pkcs1 ? "RSA PRIVATE KEY" : "PRIVATE KEY";
        int begin = text.indexOf("-----BEGIN " + label + "-----");
        int end = text.indexOf("-----END " + label + "-----");
        if (begin < 0 || end < begin) {
            throw bad("`private_key` is not a PEM private key",
                    "give the whole PEM text, from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----");
        }
        String base64 = text.substring(begin + label.length() + 16, end).replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw bad("`private_key` holds invalid base64", null);
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs1 ? wrap(der) : der));
        } catch (GeneralSecurityException e) {
            throw bad("`private_key` is not an RSA private key", "the JWT bearer grant signs with RS256: use an RSA key");
        }
    }

    /** PrivateKeyInfo ::= SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING pkcs1 } (RFC 5208). */
    static byte[] wrap(byte[] pkcs1) {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        inner.write(new byte[] {0x02, 0x01, 0x00}, 0, 3);
        inner.write(RSA_ALGORITHM, 0, RSA_ALGORITHM.length);
        inner.write(0x04);
        writeLength(inner, pkcs1.length);
        inner.write(pkcs1, 0, pkcs1.length);
        ByteArrayOutputStream outer = new ByteArrayOutputStream();
        outer.write(0x30);
        writeLength(outer, inner.size());
        byte[] content = inner.toByteArray();
        outer.write(content, 0, content.length);
        return outer.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
        out.write(0x80 | bytes);
        for (int i = bytes - 1; i >= 0; i--) {
            out.write(length >>> (8 * i) & 0xff);
        }
    }

    private static Failure bad(String message, String hint) {
        return Failure.of(Kind.INVALID, message).code(Code.PRIVATE_KEY).hint(hint).build();
    }
}
