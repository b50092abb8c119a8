package dev.connectorruntime.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every CLI test against "Salesforce" starts from: a login server and an instance on two loopback ports, the
 * seed workspace pointed at the login server, and the environment a user would set. Subclasses stub the answers.
 */
abstract class SalesforceServers {

    @TempDir
    Path dir;

    WireMockServer login;
    WireMockServer instance;
    Map<String, String> env;

    @BeforeEach
    void startServers() {
        login = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        instance = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        login.start();
        instance.start();
        SalesforceWorkspace.create(dir);
        env = new HashMap<>(SalesforceWorkspace.env(login.port()));
    }

    @AfterEach
    void stopServers() {
        login.stop();
        instance.stop();
    }
}
