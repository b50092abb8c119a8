package dev.connectorruntime.auth;

import static dev.connectorruntime.auth.TokenEndpoint.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.http.CallContext;
import dev.connectorruntime.http.HttpExecutor;
import dev.connectorruntime.http.Retrier;
import dev.connectorruntime.model.Auth;
import dev.connectorruntime.secret.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fixed kinds of auth (SPEC §2): credentials that never change, so a 401 is final. */
class AuthenticatorsTest {

    private static final Map<String, String> SECRETS = Map.of(
            "user", "Aladdin", "password", "open sesame", "token", "tok-6f1c9a2e", "key", "key-83bd0c71");

    private final Redactor redactor = new Redactor();

    @Test
    void basicSendsUserAndPasswordBase64EncodedAndRegistersTheHeader() {
        Authenticator auth = create(new Auth.Basic(t("<<user>>"), t("<<password>>")));

        Credentials c = auth.credentials(CallContext.NONE);

        // RFC 7617 §2's example
        assertThat(c.headers().get("Authorization").reveal()).isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assertThat(redactor.redact("-H 'Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=='"))
                .isEqualTo("-H 'Authorization: ****'");
        assertThat(auth.describe()).isEqualTo("basic");
        assertThat(auth.renew(c, CallContext.NONE)).isNull();
    }

    @Test
    void bearerSendsTheTokenAndGivesUpOn401() {
        Authenticator auth = create(new Auth.Bearer(t("<<token>>")));

        Credentials c = auth.credentials(CallContext.NONE);

        assertThat(c.headers().get("Authorization").reveal()).isEqualTo("Bearer tok-6f1c9a2e");
        assertThat(c).hasToString("Credentials[Authorization][]");
        assertThat(auth.describe()).isEqualTo("bearer");
        assertThat(auth.renew(c, CallContext.NONE)).isNull();
    }

    @Test
    void apiKeyGoesInTheHeaderOrTheQueryItNames() {
        Authenticator header = create(new Auth.ApiKey(Auth.Placement.HEADER, "X-Api-Key", t("<<key>>")));
        Authenticator query = create(new Auth.ApiKey(Auth.Placement.QUERY, "api_key", t("<<key>>")));

        assertThat(header.credentials(CallContext.NONE).headers().get("X-Api-Key").reveal()).isEqualTo("key-83bd0c71");
        assertThat(header.credentials(CallContext.NONE).query()).isEmpty();
        assertThat(header.describe()).isEqualTo("api_key in header");
        assertThat(query.credentials(CallContext.NONE).query().get("api_key").reveal()).isEqualTo("key-83bd0c71");
        assertThat(query.credentials(CallContext.NONE).headers()).isEmpty();
        assertThat(query.describe()).isEqualTo("api_key in query");
    }

    @Test
    void noneSendsNothing() {
        Authenticator auth = create(new Auth.None());

        assertThat(auth.credentials(CallContext.NONE)).isSameAs(Credentials.NONE);
        assertThat(auth.describe()).isEqualTo("none");
        assertThat(auth.renew(Credentials.NONE, CallContext.NONE)).isNull();
    }

    /** The client is never asked for a token here: it only carries the redactor that learns derived secrets. */
    private Authenticator create(Auth auth) {
        TokenClient client = new TokenClient(Retrier.standard(new HttpExecutor(null)), Clock.systemUTC(),
                Duration.ofSeconds(5), redactor);
        return Authenticators.create(auth, TokenEndpoint.resolver(SECRETS), client, Clock.systemUTC());
    }
}
