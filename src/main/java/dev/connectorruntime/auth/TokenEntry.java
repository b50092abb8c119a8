package dev.connectorruntime.auth;

import dev.connectorruntime.secret.Secret;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One connector's credential set in the token cache (SPEC §6): its name {@code <connector>-<hash>}, where the hash
 * covers connector, token URL, grant, client id, user and scope, and the key material the cache key is derived
 * from: the connector's own resolved secrets, so that changed secrets simply miss.
 */
public final class TokenEntry {

    private final String connector;
    private final String hash;
    private final byte[] keyMaterial;

    private TokenEntry(String connector, String hash, byte[] keyMaterial) {
        this.connector = connector;
        this.hash = hash;
        this.keyMaterial = keyMaterial;
    }

    /**
     * @param user    the username (password grant) or subject (JWT bearer), or {@code null}
     * @param scope   the requested scope, or {@code null}
     * @param secrets every resolved value of the connector's auth, in the connector's order
     */
    public static TokenEntry of(String connector, String tokenUrl, String grantType, Secret clientId, Secret user,
                                Secret scope, List<Secret> secrets) {
        byte[] id = lengthPrefixed(List.of(Secret.of(connector), Secret.of(tokenUrl), Secret.of(grantType),
                orEmpty(clientId), orEmpty(user), orEmpty(scope)));
        byte[] digest = sha256(id);
        Arrays.fill(id, (byte) 0);
        // 128 bits name the file; the whole digest is not needed to tell credential sets apart
        return new TokenEntry(connector, HexFormat.of().formatHex(digest, 0, 16), lengthPrefixed(secrets));
    }

    /** The connector's name. */
    public String connector() {
        return connector;
    }

    /** The hash of the credential set, 32 hex digits. */
    public String hash() {
        return hash;
    }

    /** The file name: {@code <connector>-<hash>}. */
    public String name() {
        return connector + "-" + hash;
    }

    /** A copy of the key material: each secret as a 4-byte big-endian length and its UTF-8 bytes. */
    public byte[] keyMaterial() {
        return keyMaterial.clone();
    }

    @Override
    public String toString() {
        return "TokenEntry[" + name() + "]";
    }

    /** Each value as its 4-byte big-endian length and its UTF-8 bytes, so that ("ab","c") and ("a","bc") differ. */
    static byte[] lengthPrefixed(List<Secret> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Secret s : values) {
            byte[] bytes = (s == null ? "" : s.reveal()).getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
            Arrays.fill(bytes, (byte) 0);
        }
        return out.toByteArray();
    }

    private static Secret orEmpty(Secret s) {
        return s == null ? Secret.of("") : s;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
