package dev.connectorruntime.auth;

import java.util.function.Supplier;

/**
 * Where tokens outlive the process (SPEC §6): the disk cache, shared by every run of the same credential set. The
 * {@link OAuth2Authenticator} keeps its token in memory and asks the store on a miss, under the store's lock, so
 * that only one process at a time asks the token endpoint. Implementations never throw for an unreadable entry:
 * that is a miss.
 */
public interface TokenStore {

    /** No persistence: every process asks the token endpoint for itself. */
    TokenStore NONE = new TokenStore() {
        @Override
        public Token load(TokenEntry entry) {
            return null;
        }

        @Override
        public void save(TokenEntry entry, Token token, boolean rotated) {
        }

        @Override
        public <T> T locked(TokenEntry entry, Supplier<T> work) {
            return work.get();
        }
    };

    /**
     * The stored token of this entry, marked {@link Token.Source#CACHE}, or {@code null}: none, unreadable, not
     * decryptable with the current secrets, or ignored for its file mode. Its access token is {@code null} when
     * only a refresh token is kept.
     */
    Token load(TokenEntry entry);

    /**
     * Keeps a token just issued, before it is used.
     *
     * @param rotated whether it carries a new refresh token that replaces a spent one: such a token is kept even
     *                with the cache off ({@code --no-token-cache}), since losing it loses access
     */
    void save(TokenEntry entry, Token token, boolean rotated);

    /**
     * Runs {@code work} holding the entry's lock, against the other threads of this process and the other processes
     * sharing the cache. The wait is bounded: past it, the work runs without the lock (an extra token request at
     * worst).
     */
    <T> T locked(TokenEntry entry, Supplier<T> work);
}
