package dev.connectorruntime.sandbox;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.model.Connector;
import dev.connectorruntime.model.OAuth2;
import dev.connectorruntime.model.SecretTemplate;
import dev.connectorruntime.secret.Placeholders;
import dev.connectorruntime.secret.Redactor;
import dev.connectorruntime.secret.SecretResolver;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's values for a connector's placeholders, so that a run needs no environment variable and no secrets
 * file: a placeholder with a default takes its default (it is written in the definition, so it is no secret, and is
 * not given here); every other takes {@code sandbox-<name>} ({@code <<salesforce_password>>} →
 * {@code sandbox-salesforce-password}).
 * A JWT bearer connector's {@code private_key} gets a fresh RSA key, whose public half the token endpoint checks
 * assertions with.
 */
final class SandboxSecrets {

    private final Map<String, String> environment;
    private final RSAPublicKey publicKey;

    private SandboxSecrets(Map<String, String> environment, RSAPublicKey publicKey) {
        this.environment = Map.copyOf(environment);
        this.publicKey = publicKey;
    }

    static SandboxSecrets of(Connector connector) {
        Map<String, String> env = new LinkedHashMap<>();
        for (SecretTemplate t : connector.templates()) {
            for (Placeholders.Part part : Placeholders.parse(t.source(), t.location(), new ArrayList<>())) {
                if (part instanceof Placeholders.Part.Placeholder p && p.defaultValue() == null) {
                    env.putIfAbsent(Placeholders.envName(p.name()), "sandbox-" + p.name().replace('_', '-'));
                }
            }
        }
        RSAPublicKey publicKey = null;
        if (connector.auth() instanceof OAuth2.JwtBearer jwt) {
            List<Placeholders.Part> parts = Placeholders.parse(jwt.privateKey().source(), jwt.privateKey().location(),
                    new ArrayList<>());
            if (parts.size() == 1 && parts.get(0) instanceof Placeholders.Part.Placeholder p) {
                KeyPair pair = rsaKeyPair();
                env.put(Placeholders.envName(p.name()), pem(pair));
                publicKey = (RSAPublicKey) pair.getPublic();
            }
        }
        return new SandboxSecrets(env, publicKey);
    }

    /** A value for every placeholder without a default, under its environment variable's name. */
    Map<String, String> environment() {
        return environment;
    }

    /** The public key of the generated private key, or {@code null}. */
    RSAPublicKey publicKey() {
        return publicKey;
    }

    /** A connector value with the sandbox's values in it, or {@code null} for an absent field. */
    String resolve(SecretTemplate template) {
        if (template == null) {
            return null;
        }
        List<Problem> problems = new ArrayList<>();
        var secret = new SecretResolver(environment, null, false, new Redactor())
                .resolve(template.source(), template.location(), problems);
        return secret == null ? null : secret.reveal();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw Failure.of(Kind.INTERNAL, "the JDK has no RSA key generator").code(Code.INTERNAL).cause(e).build();
        }
    }

    private static String pem(KeyPair pair) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }
}
