package dev.connectorruntime.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A workspace with the repository's own seed action and the seed connector, its token URL on plain http so a
 * loopback test server can play login.salesforce.com.
 */
final class SalesforceWorkspace {

    static final String PASSWORD = "s3cret-Passw0rd";
    static final String SECURITY_TOKEN = "TOKENabc123XYZ";
    static final String CONSUMER_SECRET = "1955279925675241571";

    private SalesforceWorkspace() {
    }

    static Path create(Path dir) {
        try {
            Path repo = Path.of("").toAbsolutePath();
            Files.createDirectories(dir.resolve("connectors"));
            Files.createDirectories(dir.resolve("actions"));
            String connector = Files.readString(repo.resolve("connectors/salesforce.yaml"))
                    .replace("token_url: https://", "token_url: http://");
            Files.writeString(dir.resolve("connectors/salesforce.yaml"), connector);
            Files.copy(repo.resolve("actions/list-contacts.yaml"), dir.resolve("actions/list-contacts.yaml"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The five variables a user sets for the seed, and the login host pointing at the test server. */
    static Map<String, String> env(int loginPort) {
        Map<String, String> env = new HashMap<>();
        env.put("SALESFORCE_LOGIN_HOST", "127.0.0.1:" + loginPort);
        env.put("SALESFORCE_CONSUMER_KEY", "3MVG9.consumer-key");
        env.put("SALESFORCE_CONSUMER_SECRET", CONSUMER_SECRET);
        env.put("SALESFORCE_USERNAME", "ada@example.com");
        env.put("SALESFORCE_PASSWORD", PASSWORD);
        env.put("SALESFORCE_SECURITY_TOKEN", SECURITY_TOKEN);
        return env;
    }
}
