package dev.connectorruntime.auth.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.auth.Token;
import dev.connectorruntime.auth.TokenEntry;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.secret.Secret;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One cache file's bytes: {@code "CRTC"}, a format version byte, a 32-byte random salt, a 12-byte nonce, then the
 * entry as JSON sealed with AES-256-GCM (the 16-byte tag last). The key is HKDF-SHA256 over the connector's
 * resolved secrets with the file's salt; the associated data is the magic, the version and the entry's hash, so a
 * file renamed to another entry does not open. Salt and nonce are fresh on every write.
 */
final class EntryCipher {

    static final byte VERSION = 1;
    private static final byte[] MAGIC = "CRTC".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO = "connector-runtime token cache v1".getBytes(StandardCharsets.US_ASCII);
    static final int SALT_LENGTH = 32;
    static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    static final int HEADER_LENGTH = MAGIC.length + 1 + SALT_LENGTH + NONCE_LENGTH;

    private EntryCipher() {
    }

    static byte[] seal(TokenEntry entry, Token token, SecureRandom random) {
        byte[] salt = new byte[SALT_LENGTH];
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] plain = plaintext(token);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, entry, salt, nonce).doFinal(plain);
            return ByteBuffer.allocate(HEADER_LENGTH + sealed.length).put(MAGIC).put(VERSION).put(salt).put(nonce)
                    .put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed: " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** The token, or {@code null} when the bytes are not an entry this key opens: a miss, never an error. */
    static Token open(TokenEntry entry, byte[] file) {
        if (file.length < HEADER_LENGTH + TAG_BITS / 8 || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                || file[MAGIC.length] != VERSION) {
            return null;
        }
        int at = MAGIC.length + 1;
        byte[] salt = Arrays.copyOfRange(file, at, at + SALT_LENGTH);
        byte[] nonce = Arrays.copyOfRange(file, at + SALT_LENGTH, HEADER_LENGTH);
        byte[] plain;
        try {
            plain = cipher(Cipher.DECRYPT_MODE, entry, salt, nonce).doFinal(file, HEADER_LENGTH,
                    file.length - HEADER_LENGTH);
        } catch (GeneralSecurityException e) {
            return null; // other secrets, another entry, or a damaged file
        }
        try {
            return token(Json.parse(plain));
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static Cipher cipher(int mode, TokenEntry entry, byte[] salt, byte[] nonce)
            throws GeneralSecurityException {
        byte[] ikm = entry.keyMaterial();
        byte[] key = Hkdf.derive(salt, ikm, INFO, 32);
        Arrays.fill(ikm, (byte) 0);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(associatedData(entry));
            return c;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] associatedData(TokenEntry entry) {
        byte[] hash = entry.hash().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(MAGIC.length + 1 + hash.length).put(MAGIC).put(VERSION).put(hash).array();
    }

    private static byte[] plaintext(Token t) {
        ObjectNode o = Json.object();
        o.put("access_token", t.accessToken() == null ? null : t.accessToken().reveal());
        o.put("issued_at", t.issuedAt().toEpochMilli());
        if (t.expiresAt() != null) {
            o.put("expires_at", t.expiresAt().toEpochMilli());
        } else {
            o.putNull("expires_at");
        }
        o.put("scope", t.scope());
        o.put("base_url", t.baseUrl());
        o.put("refresh_token", t.refreshToken() == null ? null : t.refreshToken().reveal());
        return Json.bytes(o);
    }

    private static Token token(JsonNode o) {
        if (!o.isObject() || !o.path("issued_at").isIntegralNumber()) {
            return null;
        }
        Secret access = secret(o.get("access_token"));
        Secret refresh = secret(o.get("refresh_token"));
        if (access == null && refresh == null) {
            return null;
        }
        JsonNode expires = o.get("expires_at");
        return new Token(access, Instant.ofEpochMilli(o.get("issued_at").asLong()),
                expires != null && expires.isIntegralNumber() ? Instant.ofEpochMilli(expires.asLong()) : null,
                text(o.get("scope")), text(o.get("base_url")), refresh, Token.Source.CACHE);
    }

    private static Secret secret(JsonNode n) {
        if (n == null || !n.isTextual() || n.asText().isEmpty()) {
            return null;
        }
        // registered with the engine's redactor when the authenticator installs the token
        return Secret.of(n.asText());
    }

    private static String text(JsonNode n) {
        return n == null || !n.isTextual() ? null : n.asText();
    }
}
