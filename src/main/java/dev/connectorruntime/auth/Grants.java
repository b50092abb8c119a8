package dev.connectorruntime.auth;

import dev.connectorruntime.secret.Secret;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** The grants of SPEC §2 that need no more than a few form fields. */
final class Grants {

    private Grants() {
    }

    /** RFC 6749 §4.4. */
    static Grant clientCredentials() {
        return () -> List.of(Grant.field("grant_type", "client_credentials"));
    }

    /** RFC 6749 §4.3: for Salesforce the password is the password immediately followed by the security token. */
    static Grant password(Secret username, Secret password) {
        return () -> List.of(Grant.field("grant_type", "password"), Grant.field("username", username),
                Grant.field("password", password));
    }

    /** RFC 6749 §6, holding the newest refresh token: a rotated one replaces the old at once. */
    static final class Refresh implements Grant {
        private final AtomicReference<Secret> current;

        Refresh(Secret refreshToken) {
            this.current = new AtomicReference<>(refreshToken);
        }

        @Override
        public List<Map.Entry<String, Secret>> fields() {
            return List.of(Grant.field("grant_type", "refresh_token"), Grant.field("refresh_token", current.get()));
        }

        @Override
        public Secret refreshToken() {
            return current.get();
        }

        @Override
        public boolean spendsRefreshToken() {
            return true;
        }

        @Override
        public void rotated(Secret refreshToken) {
            current.set(refreshToken);
        }
    }
}
