package dev.connectorruntime.auth;

import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.http.PercentEncoding;
import dev.connectorruntime.model.OAuth2;
import dev.connectorruntime.secret.Redactor;
import dev.connectorruntime.secret.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * OAuth2 bearer tokens for one connector: asks the token endpoint on first use, renews {@code refresh_margin}
 * before a known expiry and after a 401, one request at a time however many threads ask (they wait and re-check
 * after taking the lock). Renewal uses the refresh token when one came with the token, and falls back once to the
 * connector's own grant when that fails.
 */
final class OAuth2Authenticator implements Authenticator {

    /** The connector's resolved settings. {@code clientSecret}, {@code scope}, {@code audience} may be null. */
    record Settings(OAuth2 auth, URI tokenUrl, Secret clientId, Secret clientSecret, Secret scope, Secret audience,
                    Map<String, Secret> tokenParams) {
    }

    private final Settings settings;
    private final Grant grant;
    private final TokenClient client;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Token current;
    private volatile Credentials currentCredentials;

    OAuth2Authenticator(Settings settings, Grant grant, TokenClient client, Clock clock) {
        this.settings = settings;
        this.grant = grant;
        this.client = client;
        this.clock = clock;
    }

    @Override
    public Credentials credentials() {
        Credentials c = usable();
        if (c != null) {
            return c;
        }
        lock.lock();
        try {
            c = usable();
            return c != null ? c : install(obtain(current));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Credentials renew(Credentials rejected) {
        lock.lock();
        try {
            if (currentCredentials != null && currentCredentials != rejected) {
                return currentCredentials;
            }
            Token old = current;
            current = null;
            currentCredentials = null;
            return install(obtain(old));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String describe() {
        return "oauth2 " + settings.auth().grantType();
    }

    /** The token in use, or {@code null} before the first request. */
    Token token() {
        return current;
    }

    private Credentials usable() {
        Token t = current;
        Credentials c = currentCredentials;
        return t != null && c != null && t.usableAt(clock.instant(), settings.auth().client().refreshMargin()) ? c : null;
    }

    private Credentials install(Token token) {
        Credentials c = new Credentials(Map.of("Authorization", bearer(token)), Map.of(), token.baseUrl());
        current = token;
        currentCredentials = c;
        return c;
    }

    private static Secret bearer(Token token) {
        Secret header = Secret.of("Bearer " + token.accessToken().reveal());
        Redactor.global().register(header);
        return header;
    }

    private Token obtain(Token previous) {
        if (previous != null && previous.refreshToken() != null && !grant.spendsRefreshToken()) {
            Grants.Refresh refresh = new Grants.Refresh(previous.refreshToken());
            try {
                Token t = request(refresh);
                // RFC 6749 §6: only a newly issued refresh token replaces the old one, which stays valid otherwise
                return t.refreshToken() != null ? t : new Token(t.accessToken(), t.issuedAt(), t.expiresAt(),
                        t.scope(), t.baseUrl(), previous.refreshToken());
            } catch (Failure f) {
                if (f.kind() != Kind.AUTH) {
                    throw f;
                }
                // the refresh token is spent or revoked: fall back once to the connector's own grant
            }
        }
        return request(grant);
    }

    private Token request(Grant g) {
        List<Map.Entry<String, Secret>> form = new ArrayList<>(g.fields());
        OAuth2.Client c = settings.auth().client();
        if (settings.scope() != null) {
            form.add(Grant.field("scope", settings.scope()));
        }
        if (settings.audience() != null && !(settings.auth() instanceof OAuth2.JwtBearer)) {
            form.add(Grant.field("audience", settings.audience()));
        }
        settings.tokenParams().forEach((k, v) -> form.add(Grant.field(k, v)));
        Secret basic = null;
        if (g.clientAuthenticates()) {
            if (c.clientAuth() == OAuth2.ClientAuth.BASIC) {
                basic = basicHeader(settings.clientId(), settings.clientSecret());
            } else {
                form.add(Grant.field("client_id", settings.clientId()));
                if (settings.clientSecret() != null) {
                    form.add(Grant.field("client_secret", settings.clientSecret()));
                }
            }
        }
        Token token = client.request(new TokenClient.Request(settings.tokenUrl(), form, basic, g.spendsRefreshToken(),
                c.baseUrlFrom(), c.expiresInDefault()));
        if (token.refreshToken() != null) {
            g.rotated(token.refreshToken());
        }
        return token;
    }

    /** RFC 6749 §2.3.1: the id and the secret are form-encoded before they are joined and base64-encoded. */
    static Secret basicHeader(Secret clientId, Secret clientSecret) {
        String pair = PercentEncoding.encodeForm(clientId.reveal()) + ":"
                + PercentEncoding.encodeForm(clientSecret == null ? "" : clientSecret.reveal());
        Secret header = Secret.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        Redactor.global().register(header);
        return header;
    }
}
