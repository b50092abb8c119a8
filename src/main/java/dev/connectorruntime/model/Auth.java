package dev.connectorruntime.model;

/**
 * How a connector authenticates (SPEC §2): one record per {@code auth.type}, and for OAuth2 one per grant.
 */
public sealed interface Auth permits Auth.None, Auth.Basic, Auth.Bearer, Auth.ApiKey, OAuth2 {

    /** The {@code type} as written in YAML. */
    String type();

    /** {@code type: none}. */
    record None() implements Auth {
        @Override
        public String type() {
            return "none";
        }
    }

    /** {@code type: basic}: RFC 7617. */
    record Basic(SecretTemplate username, SecretTemplate password) implements Auth {
        @Override
        public String type() {
            return "basic";
        }
    }

    /** {@code type: bearer}: a fixed token. */
    record Bearer(SecretTemplate token) implements Auth {
        @Override
        public String type() {
            return "bearer";
        }
    }

    /** {@code type: api_key}: a header or query parameter {@code name} carrying {@code value}. */
    record ApiKey(Placement in, String name, SecretTemplate value) implements Auth {
        @Override
        public String type() {
            return "api_key";
        }
    }

    /** Where an API key goes. */
    enum Placement {
        HEADER, QUERY
    }
}
