package dev.connectorruntime.run;

import dev.connectorruntime.auth.Authenticator;
import dev.connectorruntime.auth.Authenticators;
import dev.connectorruntime.auth.Credentials;
import dev.connectorruntime.auth.TokenClient;
import dev.connectorruntime.auth.TokenStatus;
import dev.connectorruntime.auth.TokenStore;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.http.CallContext;
import dev.connectorruntime.http.Origins;
import dev.connectorruntime.http.Retrier;
import dev.connectorruntime.model.Connector;
import dev.connectorruntime.model.SecretTemplate;
import dev.connectorruntime.secret.Redactor;
import dev.connectorruntime.secret.SecretResolver;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One connector with one set of resolved secrets, shared by every call that uses it: its authenticator (so its
 * tokens live in memory once, renewed once however many calls ask) and the retrier over its HTTP client.
 * Thread-safe.
 */
public final class ConnectorSession {

    private final Connector connector;
    private final ConnectorSecrets secrets;
    private final Authenticator auth;
    private final Retrier retrier;
    private final Map<String, String> headers = new LinkedHashMap<>();
    /** The last base URL parsed: it changes only when a token response names another. */
    private volatile URI origin;

    private ConnectorSession(Connector connector, ConnectorSecrets secrets, Authenticator auth, Retrier retrier) {
        this.connector = connector;
        this.secrets = secrets;
        this.auth = auth;
        this.retrier = retrier;
        for (Map.Entry<String, SecretTemplate> h : connector.headers().entrySet()) {
            headers.put(h.getKey(), secrets.apply(h.getValue()).reveal());
        }
    }

    /**
     * Which session a connector and its secrets share: the connector's name, a digest of its secret values (never
     * the values) and the target, as text. Two sessions of one key are one session only when their connectors are
     * also equal ({@link #sameDefinition}): that record comparison runs only when a reload meets a known key, since
     * a record's generated {@code hashCode} costs method-handle linking on every model class at start-up.
     */
    public static final class Key {
        private final String text;

        Key(String text) {
            this.text = text;
        }

        // written out: a record's would link method handles at start-up
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.text.equals(text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }

        /** The connector's name only: the rest is a digest. */
        @Override
        public String toString() {
            return "Key[" + text.substring(0, text.indexOf('\n')) + "]";
        }
    }

    /** Whether this session was opened for the same connector definition (a reload that changed nothing). */
    public boolean sameDefinition(Connector other) {
        return connector.equals(other);
    }

    /**
     * Resolves every placeholder of the connector up front, so that all missing ones are named at once.
     *
     * @throws Failure INVALID naming each missing secret and where it stands, before any network traffic
     */
    public static Resolved resolve(Connector connector, SecretResolver resolver, Target target) {
        ConnectorSecrets secrets = ConnectorSecrets.resolve(connector, resolver).retargeted(connector, target);
        return new Resolved(connector, secrets, new Key(connector.name() + "\n" + digest(connector, secrets) + "\n"
                + (target == null ? "" : target.origin())));
    }

    /** A connector's resolved secrets and the key of the session they belong to. */
    public static final class Resolved {
        private final Connector connector;
        private final ConnectorSecrets secrets;
        private final Key key;

        private Resolved(Connector connector, ConnectorSecrets secrets, Key key) {
            this.connector = connector;
            this.secrets = secrets;
            this.key = key;
        }

        public Key key() {
            return key;
        }

        public Connector connector() {
            return connector;
        }

        /**
         * The session: its authenticator keeps tokens in {@code store} under the connector's name.
         *
         * @param retrier sends over the HTTP client of the connector's settings
         */
        public ConnectorSession open(Retrier retrier, Clock clock, TokenStore store, Redactor redactor) {
            Duration timeout = connector.timeout() != null ? connector.timeout() : Connector.DEFAULT_TIMEOUT;
            Authenticator auth = Authenticators.create(connector.name(), connector.auth(), secrets,
                    new TokenClient(retrier, clock, timeout, redactor), clock, store);
            return new ConnectorSession(connector, secrets, auth, retrier);
        }
    }

    public Connector connector() {
        return connector;
    }

    /** The connector's headers, resolved: sent with every API request, never to the token URL. */
    Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    Authenticator auth() {
        return auth;
    }

    Retrier retrier() {
        return retrier;
    }

    ConnectorSecrets secrets() {
        return secrets;
    }

    /**
     * For {@code token CONNECTOR}: the connector's credentials obtained or reused exactly as a call would, and
     * the base URL requests would go to.
     */
    public TokenStatus token(CallContext context) {
        Credentials credentials = auth.credentials(context);
        return auth.status().withBaseUrl(baseUrl(credentials));
    }

    /** The base URL as a URI: the origin every request of a call must stay on. */
    URI origin(String baseUrl) {
        URI known = origin;
        if (known != null && known.toString().equals(baseUrl)) {
            return known;
        }
        URI parsed = URI.create(baseUrl);
        origin = parsed;
        return parsed;
    }

    /** The base URL: the token response's ({@code base_url_from}) wins over {@code base_url} (SPEC §2). */
    String baseUrl(Credentials credentials) {
        if (credentials.baseUrl() != null) {
            return credentials.baseUrl();
        }
        SecretTemplate template = connector.baseUrl();
        String base = secrets.apply(template).reveal();
        String problem = Origins.problem(base);
        if (problem != null) {
            throw Failure.invalid(List.of(Origins.resolvedUrlProblem("base_url", problem, template.location())));
        }
        return base;
    }

    private static String digest(Connector connector, ConnectorSecrets secrets) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (SecretTemplate t : connector.templates()) {
                var value = secrets.apply(t);
                sha.update(Objects.toString(value == null ? null : value.reveal()).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
