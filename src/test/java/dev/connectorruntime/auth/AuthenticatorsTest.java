package dev.connectorruntime.auth;

import static dev.connectorruntime.auth.TokenEndpoint.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.model.Auth;
import dev.connectorruntime.secret.Redactor;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fixed kinds of auth (SPEC §2): credentials that never change, so a 401 is final. */
class AuthenticatorsTest {

    private static final Map<String, String> SECRETS = Map.of(
            "user", "Aladdin", "password", "open sesame", "token", "tok-6f1c9a2e", "key", "key-83bd0c71");

    @Test
    void basicSendsUserAndPasswordBase64EncodedAndRegistersTheHeader() {
        Authenticator auth = create(new Auth.Basic(t("<<user>>"), t("<<password>>")));

        Credentials c = auth.credentials();

        // RFC 7617 §2's example
        assertThat(c.headers().get("Authorization").reveal()).isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assertThat(Redactor.global().redact("-H 'Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=='"))
                .isEqualTo("-H 'Authorization: ****'");
        assertThat(auth.describe()).isEqualTo("basic");
        assertThat(auth.renew(c)).isNull();
    }

    @Test
    void bearerSendsTheTokenAndGivesUpOn401() {
        Authenticator auth = create(new Auth.Bearer(t("<<token>>")));

        Credentials c = auth.credentials();

        assertThat(c.headers().get("Authorization").reveal()).isEqualTo("Bearer tok-6f1c9a2e");
        assertThat(c).hasToString("Credentials[Authorization][]");
        assertThat(auth.describe()).isEqualTo("bearer");
        assertThat(auth.renew(c)).isNull();
    }

    @Test
    void apiKeyGoesInTheHeaderOrTheQueryItNames() {
        Authenticator header = create(new Auth.ApiKey(Auth.Placement.HEADER, "X-Api-Key", t("<<key>>")));
        Authenticator query = create(new Auth.ApiKey(Auth.Placement.QUERY, "api_key", t("<<key>>")));

        assertThat(header.credentials().headers().get("X-Api-Key").reveal()).isEqualTo("key-83bd0c71");
        assertThat(header.credentials().query()).isEmpty();
        assertThat(header.describe()).isEqualTo("api_key in header");
        assertThat(query.credentials().query().get("api_key").reveal()).isEqualTo("key-83bd0c71");
        assertThat(query.credentials().headers()).isEmpty();
        assertThat(query.describe()).isEqualTo("api_key in query");
    }

    @Test
    void noneSendsNothing() {
        Authenticator auth = create(new Auth.None());

        assertThat(auth.credentials()).isSameAs(Credentials.NONE);
        assertThat(auth.describe()).isEqualTo("none");
        assertThat(auth.renew(Credentials.NONE)).isNull();
    }

    private static Authenticator create(Auth auth) {
        return Authenticators.create(auth, TokenEndpoint.resolver(SECRETS), null, Clock.systemUTC());
    }
}
