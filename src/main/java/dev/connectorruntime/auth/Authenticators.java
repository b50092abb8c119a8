package dev.connectorruntime.auth;

import dev.connectorruntime.error.Failure;
import dev.connectorruntime.http.Origins;
import dev.connectorruntime.model.Auth;
import dev.connectorruntime.model.OAuth2;
import dev.connectorruntime.model.SecretTemplate;
import dev.connectorruntime.secret.Redactor;
import dev.connectorruntime.secret.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The one place that turns an {@link Auth} variant into its {@link Authenticator}. */
public final class Authenticators {

    private Authenticators() {
    }

    /** An authenticator whose tokens live in memory only. */
    public static Authenticator create(Auth auth, Function<SecretTemplate, Secret> secrets, TokenClient client,
                                       Clock clock) {
        return create(null, auth, secrets, client, clock, TokenStore.NONE);
    }

    /**
     * @param connector the connector's name, which names its token cache entries ({@code null}: memory only)
     * @param secrets   resolves each of the connector's templates (all were resolved beforehand; null gives null)
     * @param client    the token endpoint client; its redactor learns every derived secret
     * @param store     where OAuth2 tokens outlive the process ({@link TokenStore#NONE}: nowhere)
     */
    public static Authenticator create(String connector, Auth auth, Function<SecretTemplate, Secret> secrets,
                                       TokenClient client, Clock clock, TokenStore store) {
        Redactor redactor = client.redactor();
        if (auth instanceof Auth.Basic b) {
            return new FixedAuthenticator(new Credentials(
                    Map.of("Authorization", basic(secrets.apply(b.username()), secrets.apply(b.password()),
                            redactor)), Map.of(), null), "basic");
        }
        if (auth instanceof Auth.Bearer b) {
            return new FixedAuthenticator(new Credentials(
                    Map.of("Authorization", registered("Bearer " + secrets.apply(b.token()).reveal(), redactor)),
                    Map.of(), null), "bearer");
        }
        if (auth instanceof Auth.ApiKey k) {
            return new FixedAuthenticator(apiKey(k, secrets.apply(k.value())),
                    "api_key in " + k.in().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (auth instanceof OAuth2 o) {
            return oauth2(connector, o, secrets, client, clock, store);
        }
        return new FixedAuthenticator(Credentials.NONE, "none");
    }

    private static Credentials apiKey(Auth.ApiKey k, Secret value) {
        Map<String, Secret> one = Map.of(k.name(), value);
        return k.in() == Auth.Placement.HEADER ? new Credentials(one, Map.of(), null)
                : new Credentials(Map.of(), one, null);
    }

    /** The Basic header of the credentials, registered with the redactor, its base64 on its own too. */
    private static Secret basic(Secret user, Secret password, Redactor redactor) {
        String header = basicHeader(user.reveal(), password.reveal());
        redactor.register(header.substring("Basic ".length())); // a server may echo it without its scheme
        return registered(header, redactor);
    }

    /** RFC 7617: user-id ":" password, UTF-8, base64, after the scheme (the sandbox checks against it too). */
    public static String basicHeader(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Secret registered(String value, Redactor redactor) {
        Secret s = Secret.of(value);
        redactor.register(s);
        return s;
    }

    private static Authenticator oauth2(String connector, OAuth2 o, Function<SecretTemplate, Secret> secrets,
                                        TokenClient client, Clock clock, TokenStore store) {
        OAuth2.Client c = o.client();
        String tokenUrl = secrets.apply(c.tokenUrl()).reveal();
        String problem = Origins.problem(tokenUrl);
        if (problem != null) {
            throw Failure.invalid(List.of(Origins.resolvedUrlProblem("token_url", problem, c.tokenUrl().location())));
        }
        Secret clientId = secrets.apply(c.clientId());
        Secret user = null;
        JwtSigner signer = null;
        if (o instanceof OAuth2.Password p) {
            user = secrets.apply(p.username());
        } else if (o instanceof OAuth2.JwtBearer j) {
            user = secrets.apply(j.subject());
            signer = new JwtSigner(PemKeys.rsaPrivateKey(secrets.apply(j.privateKey())), clientId, user,
                    orNull(secrets, c.audience()), clock, client.redactor());
        }
        TokenEntry entry = connector == null ? null : TokenEntry.of(connector, tokenUrl, o.grantType(), clientId,
                user, orNull(secrets, c.scope()), o.templates().stream().map(secrets).toList());
        return new OAuth2Authenticator(new OAuth2Authenticator.Settings(o, URI.create(tokenUrl), secrets, signer),
                client, clock, entry, store);
    }

    private static Secret orNull(Function<SecretTemplate, Secret> secrets, SecretTemplate t) {
        return t == null ? null : secrets.apply(t);
    }
}
