package dev.connectorruntime.auth;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.http.CallContext;
import dev.connectorruntime.model.OAuth2;
import dev.connectorruntime.secret.Redactor;
import dev.connectorruntime.secret.Secret;
import java.net.URI;
import java.time.Clock;
import dev.connectorruntime.model.SecretTemplate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * OAuth2 bearer tokens for one connector: asks the token endpoint on first use, renews {@code refresh_margin}
 * before a known expiry and after a 401, one request at a time however many threads ask (they wait and re-check
 * after taking the lock). Renewal uses the refresh token when one came with the token, and falls back once to the
 * connector's own grant when that fails.
 *
 * <p>With a {@link TokenStore}, a miss in memory is looked up on disk, and a token request is made only under the
 * store's lock, after reading the store again: of several processes sharing the cache, one asks and the others
 * read its token. Every new token is saved before it is used, so a rotated refresh token is never lost. After a 401
 * the rejected token is dropped from the store only if the store still holds it (SPEC §13).
 */
final class OAuth2Authenticator implements Authenticator {

    /**
     * The connector's settings.
     *
     * @param secrets resolves each of the connector's fields
     * @param signer  signs assertions for the JWT bearer grant; {@code null} for the other grants
     */
    record Settings(OAuth2 auth, URI tokenUrl, Function<SecretTemplate, Secret> secrets, JwtSigner signer) {
    }

    private final Settings settings;
    private final GrantType grant;
    /** The newest refresh token a refresh-token connector holds: a rotated one replaces the old at once. */
    private final AtomicReference<Secret> refreshToken = new AtomicReference<>();
    private final TokenClient client;
    private final Clock clock;
    private final TokenEntry entry;
    private final TokenStore store;
    private static final long WAIT_SLICE_MS = 20;

    private final Redactor redactor;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Token current;
    private volatile Credentials currentCredentials;

    OAuth2Authenticator(Settings settings, TokenClient client, Clock clock, TokenEntry entry, TokenStore store) {
        this.settings = settings;
        this.grant = GrantType.of(settings.auth());
        if (settings.auth() instanceof OAuth2.RefreshToken r) {
            refreshToken.set(settings.secrets().apply(r.refreshToken()));
        }
        this.client = client;
        this.clock = clock;
        this.entry = entry;
        this.store = entry == null ? TokenStore.NONE : store;
        this.redactor = client.redactor();
    }

    @Override
    public Credentials credentials(CallContext context) {
        Credentials c = usable();
        if (c != null) {
            return c;
        }
        acquire(context);
        try {
            c = usable();
            if (c != null) {
                return c;
            }
            // cache files are replaced atomically, so a hit needs no lock across processes
            Token cached = store.load(entry);
            if (usable(cached)) {
                return install(cached);
            }
            return store.locked(entry, () -> {
                Token stored = store.load(entry); // another process may have asked while this one waited
                return usable(stored) ? install(stored) : install(obtain(newest(current, stored), context));
            });
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Credentials renew(Credentials rejected, CallContext context) {
        acquire(context);
        try {
            if (currentCredentials != null && currentCredentials != rejected) {
                return currentCredentials;
            }
            Token old = current;
            current = null;
            currentCredentials = null;
            if (old != null) {
                store.discard(entry, old); // only if it still holds the token that failed: one renewal serves all
            }
            return store.locked(entry, () -> {
                Token stored = store.load(entry);
                // another process renewed after the rejected token was issued: use its token, ask nothing
                if (usable(stored) && (old == null || !stored.accessToken().equals(old.accessToken()))) {
                    return install(stored);
                }
                return install(obtain(newest(old, stored), context));
            });
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String describe() {
        return "oauth2 " + settings.auth().grantType();
    }

    @Override
    public TokenStatus status() {
        return new TokenStatus(describe(), current, null, clock.instant());
    }

    /**
     * Takes the renewal lock, waiting in short slices so that a call waiting for another's renewal stops as soon as
     * it is cancelled or its deadline passes (a plain {@code lock()} would wait out the whole renewal).
     */
    private void acquire(CallContext context) {
        try {
            while (!lock.tryLock(WAIT_SLICE_MS, TimeUnit.MILLISECONDS)) {
                context.check("waiting for the token renewal of another call");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failure.of(Kind.INTERRUPTED, "interrupted").code(Code.INTERRUPTED).build();
        }
    }

    /** The token in use, or {@code null} before the first request. */
    Token token() {
        return current;
    }

    private Credentials usable() {
        Token t = current;
        Credentials c = currentCredentials;
        return c != null && usable(t) ? c : null;
    }

    private boolean usable(Token t) {
        return t != null && t.usableAt(clock.instant(), settings.auth().client().refreshMargin());
    }

    private Credentials install(Token token) {
        // a token read from the cache was never seen by the token client, which registers the ones it receives
        redactor.registerTransient(token.accessToken());
        redactor.registerTransient(token.refreshToken());
        Credentials c = new Credentials(Map.of("Authorization", bearer(token)), Map.of(), token.baseUrl());
        current = token;
        currentCredentials = c;
        return c;
    }

    private Secret bearer(Token token) {
        Secret header = Secret.of("Bearer " + token.accessToken().reveal());
        redactor.registerTransient(header);
        return header;
    }

    /** The one issued last: another process may have rotated the refresh token this one holds. */
    private static Token newest(Token a, Token b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return b.issuedAt().isAfter(a.issuedAt()) ? b : a;
    }

    private Token obtain(Token previous, CallContext context) {
        Secret refresh = previous == null ? null : previous.refreshToken();
        if (grant.spendsRefreshToken()) {
            if (refresh != null) {
                refreshToken.set(refresh); // the newest one known, perhaps from an earlier run
            }
            return refresh(grant, refreshToken.get(), context);
        }
        if (refresh != null) {
            try {
                return refresh(GrantType.REFRESH, refresh, context);
            } catch (Failure f) {
                if (f.kind() != Kind.AUTH) {
                    throw f;
                }
                // the refresh token is spent or revoked: fall back once to the connector's own grant
            }
        }
        return saved(request(grant, null, context), false);
    }

    /** A refresh-token request; the answer is saved before it is used, since the old refresh token may be spent. */
    private Token refresh(GrantType g, Secret spent, CallContext context) {
        Token t = request(g, spent, context);
        if (t.refreshToken() == null) {
            // RFC 6749 §6: only a newly issued refresh token replaces the old one, which stays valid otherwise
            return saved(t.withRefreshToken(spent), false);
        }
        if (t.refreshToken().equals(spent)) {
            return saved(t, false);
        }
        store.rotate(entry, t, spent); // still under the lock, compared with the one spent
        return t;
    }

    private Token saved(Token t, boolean rotated) {
        store.save(entry, t, rotated);
        return t;
    }

    /** One token request, its form as {@link TokenForm} describes it. */
    private Token request(GrantType g, Secret spent, CallContext context) {
        OAuth2 auth = settings.auth();
        List<TokenForm.Field<Secret>> form = TokenForm.fields(auth, g, new TokenForm.Values<>() {
            @Override
            public Secret text(String literal) {
                return Secret.of(literal);
            }

            @Override
            public Secret secret(SecretTemplate template) {
                return settings.secrets().apply(template);
            }

            @Override
            public Secret refreshToken() {
                return spent;
            }

            @Override
            public Secret assertion() {
                return settings.signer().assertion();
            }
        });
        Secret basic = TokenForm.clientAuth(auth, g) == TokenForm.ClientAuth.BASIC ? basicHeader() : null;
        OAuth2.Client c = auth.client();
        Token token = client.request(new TokenClient.Request(settings.tokenUrl(), form, basic, g.spendsRefreshToken(),
                c.baseUrlFrom(), c.expiresInDefault()), context);
        if (token.refreshToken() != null && grant.spendsRefreshToken()) {
            refreshToken.set(token.refreshToken());
        }
        return token;
    }

    private Secret basicHeader() {
        OAuth2.Client c = settings.auth().client();
        Secret secret = c.clientSecret() == null ? null : settings.secrets().apply(c.clientSecret());
        Secret header = Secret.of(TokenForm.basic(settings.secrets().apply(c.clientId()).reveal(),
                secret == null ? null : secret.reveal()));
        redactor.register(header);
        redactor.register(header.reveal().substring("Basic ".length())); // echoed without its scheme
        return header;
    }
}
