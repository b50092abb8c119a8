package dev.connectorruntime.auth;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.secret.Redactor;
import dev.connectorruntime.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

/**
 * Signs the JWT bearer grant's assertions (RFC 7523 §2.1): RS256, {@code iss} = client id, {@code sub}, {@code aud},
 * and {@code exp} a few minutes ahead (seconds since the epoch), with the JDK's own crypto; a new one per request.
 */
final class JwtSigner {
    private static final long LIFETIME_SECONDS = 180;

    private final PrivateKey key;
    private final Secret issuer;
    private final Secret subject;
    private final Secret audience;
    private final Clock clock;
    private final Redactor redactor;

    JwtSigner(PrivateKey key, Secret issuer, Secret subject, Secret audience, Clock clock, Redactor redactor) {
        this.redactor = redactor;
        this.key = key;
        this.issuer = issuer;
        this.subject = subject;
        this.audience = audience;
        this.clock = clock;
    }

    Secret assertion() {
        long now = clock.instant().getEpochSecond();
        var claims = Json.object()
                .put("iss", issuer.reveal())
                .put("sub", subject.reveal())
                .put("aud", audience.reveal())
                .put("iat", now)
                .put("exp", now + LIFETIME_SECONDS)
                .put("jti", UUID.randomUUID().toString());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(Json.compact(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            Secret jwt = Secret.of(signingInput + "." + b64.encodeToString(rs256.sign()));
            redactor.registerTransient(jwt);
            return jwt;
        } catch (GeneralSecurityException e) {
            throw Failure.of(Kind.INVALID, "cannot sign the JWT assertion: " + e.getMessage()).code(Code.PRIVATE_KEY)
                    .build();
        }
    }
}
