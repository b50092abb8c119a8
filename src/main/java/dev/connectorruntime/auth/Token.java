package dev.connectorruntime.auth;

import dev.connectorruntime.secret.Secret;
import java.time.Duration;
import java.time.Instant;

/**
 * An access token and what came with it. A class, not a record: it holds secrets.
 *
 * <p>A token read from the disk cache under {@code --no-token-cache} carries only its refresh token: its access
 * token is {@code null}, and it is never {@link #usableAt usable}.
 */
public final class Token {

    /** Where a token came from, for {@code token CONNECTOR}. */
    public enum Source {
        /** Just issued by the token endpoint. */
        NEW,
        /** Read from the disk cache, issued to an earlier run. */
        CACHE
    }

    private final Secret accessToken;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final String scope;
    private final String baseUrl;
    private final Secret refreshToken;
    private final Source source;

    /**
     * A token just issued.
     *
     * @param expiresAt    {@code null} when unknown: the token is renewed only on a 401
     * @param baseUrl      the {@code base_url_from} value, or {@code null}
     * @param refreshToken a refresh token that came with it, or {@code null}
     */
    public Token(Secret accessToken, Instant issuedAt, Instant expiresAt, String scope, String baseUrl,
                 Secret refreshToken) {
        this(accessToken, issuedAt, expiresAt, scope, baseUrl, refreshToken, Source.NEW);
    }

    /** @param accessToken {@code null} for a refresh token kept on its own */
    public Token(Secret accessToken, Instant issuedAt, Instant expiresAt, String scope, String baseUrl,
                 Secret refreshToken, Source source) {
        this.accessToken = accessToken;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.scope = scope;
        this.baseUrl = baseUrl;
        this.refreshToken = refreshToken;
        this.source = source;
    }

    /** The access token, or {@code null} for a refresh token kept on its own. */
    public Secret accessToken() {
        return accessToken;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    /** When it expires, or {@code null} when the server did not say. */
    public Instant expiresAt() {
        return expiresAt;
    }

    public String scope() {
        return scope;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Secret refreshToken() {
        return refreshToken;
    }

    public Source source() {
        return source;
    }

    /** The same token with another refresh token (RFC 6749 §6: an old one stays valid when none is issued). */
    Token withRefreshToken(Secret refresh) {
        return new Token(accessToken, issuedAt, expiresAt, scope, baseUrl, refresh, source);
    }

    /** The same token without its access token: what {@code --no-token-cache} keeps on disk. */
    public Token refreshTokenOnly() {
        return new Token(null, issuedAt, null, null, null, refreshToken, source);
    }

    /**
     * Whether the token may still be used at {@code now}: before its expiry less the margin, where the margin
     * is at most half the token's lifetime (so a 5 s token is not renewed on every call).
     */
    public boolean usableAt(Instant now, Duration refreshMargin) {
        if (accessToken == null) {
            return false;
        }
        if (expiresAt == null) {
            return true;
        }
        Duration lifetime = Duration.between(issuedAt, expiresAt);
        Duration half = lifetime.dividedBy(2);
        Duration margin = refreshMargin.compareTo(half) > 0 ? half : refreshMargin;
        return now.isBefore(expiresAt.minus(margin));
    }

    @Override
    public String toString() {
        return "Token[****, expires " + (expiresAt == null ? "unknown" : expiresAt) + "]";
    }
}
