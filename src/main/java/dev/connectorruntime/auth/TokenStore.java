package dev.connectorruntime.auth;

import dev.connectorruntime.secret.Secret;
import java.util.function.Supplier;

/**
 * Where tokens outlive the process (SPEC §6, §13): the disk cache, shared by every run of the same credential set
 * on one machine, or a shared store (Redis) that every machine uses. The {@link OAuth2Authenticator} keeps its token
 * in memory and asks the store on a miss, under the store's lock, so that only one process at a time asks the token
 * endpoint. Implementations never throw for an unreadable entry: that is a miss. A shared store that cannot be
 * reached throws a {@code network} {@link dev.connectorruntime.error.Failure} naming it, since going on without it
 * would make every process log in on its own.
 */
public interface TokenStore extends AutoCloseable {

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
     * Keeps a token whose new refresh token replaces {@code spent}, called under the entry's lock: only if the
     * stored entry still holds {@code spent} (or no refresh token), so that a process whose lock ran out never
     * overwrites a newer rotation. Returns whether it was written. By default as {@link #save} with
     * {@code rotated}: one machine's disk cache has no other writer outside the lock.
     */
    default boolean rotate(TokenEntry entry, Token token, Secret spent) {
        save(entry, token, true);
        return true;
    }

    /**
     * The API refused {@code rejected}: drops it from the store, but only if the store still holds it
     * (compare-and-delete), so that a token another process stored meanwhile survives. A refresh token kept with it
     * stays. By default nothing: the renewal that follows replaces the entry.
     */
    default void discard(TokenEntry entry, Token rejected) {
    }

    /**
     * Runs {@code work} holding the entry's lock, against the other threads of this process and the other processes
     * sharing the cache. The wait is bounded: past it, the work runs without the lock (an extra token request at
     * worst).
     */
    <T> T locked(TokenEntry entry, Supplier<T> work);

    /** Drops the stored tokens of one connector, or of every connector ({@code null}); returns how many. */
    default int clear(String connector) {
        return 0;
    }

    /** Where the tokens are kept, for messages: a folder, or a store's URL with its password masked. */
    default String location() {
        return "memory";
    }

    /** Lets go of connections and threads; idempotent. The engine closes the store it was given. */
    @Override
    default void close() {
    }
}
