package dev.connectorruntime.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a connector authenticates (SPEC §2): one record per {@code auth.type}, and for OAuth2 one per grant.
 */
public sealed interface Auth permits Auth.None, Auth.Basic, Auth.Bearer, Auth.ApiKey, OAuth2 {

    /** The {@code type} as written in YAML. */
    String type();

    /** Every value of this auth that may hold {@code <<placeholders>>}, absent ones left out. */
    List<SecretTemplate> templates();

    /**
     * The credentials proper, by their key under {@code auth} ({@code password}, {@code token}, an API key's
     * {@code value}, {@code client_secret}, {@code refresh_token}, {@code private_key}), absent ones left out: the
     * values that belong in placeholders, never in the file.
     */
    Map<String, SecretTemplate> credentials();

    /** {@code key} and {@code template}, or nothing when the template is absent. */
    static Map<String, SecretTemplate> credential(String key, SecretTemplate template) {
        return template == null ? Map.of() : Map.of(key, template);
    }

    /** The given templates without the absent ones. */
    static List<SecretTemplate> present(SecretTemplate... templates) {
        List<SecretTemplate> out = new ArrayList<>();
        for (SecretTemplate t : templates) {
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** {@code type: none}. */
    record None() implements Auth {
        @Override
        public String type() {
            return "none";
        }

        @Override
        public List<SecretTemplate> templates() {
            return List.of();
        }

        @Override
        public Map<String, SecretTemplate> credentials() {
            return Map.of();
        }
    }

    /** {@code type: basic}: RFC 7617. */
    record Basic(SecretTemplate username, SecretTemplate password) implements Auth {
        @Override
        public String type() {
            return "basic";
        }

        @Override
        public List<SecretTemplate> templates() {
            return present(username, password);
        }

        @Override
        public Map<String, SecretTemplate> credentials() {
            return Auth.credential("password", password);
        }
    }

    /** {@code type: bearer}: a fixed token. */
    record Bearer(SecretTemplate token) implements Auth {
        @Override
        public String type() {
            return "bearer";
        }

        @Override
        public List<SecretTemplate> templates() {
            return present(token);
        }

        @Override
        public Map<String, SecretTemplate> credentials() {
            return Auth.credential("token", token);
        }
    }

    /** {@code type: api_key}: a header or query parameter {@code name} carrying {@code value}. */
    record ApiKey(Placement in, String name, SecretTemplate value) implements Auth {
        @Override
        public String type() {
            return "api_key";
        }

        @Override
        public List<SecretTemplate> templates() {
            return present(value);
        }

        @Override
        public Map<String, SecretTemplate> credentials() {
            return Auth.credential("value", value);
        }
    }

    /** Where an API key goes. */
    enum Placement {
        HEADER, QUERY
    }
}
