package dev.connectorruntime.serve;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the MCP tests start from: "Salesforce" as two loopback WireMock servers (login and instance) answering the
 * password grant and a two-contact query, the repository's seed connector and action pointed at them, and the
 * secrets a user would set; plus the ways to start a real server process.
 */
final class McpFixture implements AutoCloseable {

    static final String TOKEN = "00Dxx0000001gPL!AQ4AQFakeAccessToken";
    static final String PASSWORD = "s3cret-Passw0rd";
    static final String CONTACTS = "{\"totalSize\":2,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"Contact\"},"
            + "\"Name\":\"Ada Lovelace\"},{\"attributes\":{\"type\":\"Contact\"},\"Name\":\"Alan Turing\"}]}";
    static final McpJsonMapper MAPPER = new JacksonMcpJsonMapper(new com.fasterxml.jackson.databind.ObjectMapper());

    final Path dir;
    final WireMockServer login = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    final WireMockServer instance = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    McpFixture(Path dir) {
        this.dir = dir;
        login.start();
        instance.start();
        try {
            Path repo = Path.of("").toAbsolutePath();
            Files.createDirectories(dir.resolve("connectors"));
            Files.createDirectories(dir.resolve("actions"));
            Files.writeString(dir.resolve("connectors/salesforce.yaml"), Files.readString(
                    repo.resolve("connectors/salesforce.yaml")).replace("token_url: https://", "token_url: http://"));
            Files.copy(repo.resolve("actions/list-contacts.yaml"), dir.resolve("actions/list-contacts.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        login.stubFor(post(urlEqualTo("/services/oauth2/token")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + TOKEN + "\",\"instance_url\":\"http://127.0.0.1:" + instance.port()
                        + "\",\"id\":\"https://login.salesforce.com/id/00D/005\",\"token_type\":\"Bearer\","
                        + "\"issued_at\":\"1700000000000\",\"signature\":\"c2lnbmF0dXJl\"}")));
        contacts(CONTACTS);
    }

    /** The query answers {@code body}. */
    void contacts(String body) {
        instance.stubFor(get(urlPathEqualTo("/services/data/v58.0/query")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** The environment a user sets. */
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("SALESFORCE_LOGIN_HOST", "127.0.0.1:" + login.port());
        env.put("SALESFORCE_CONSUMER_KEY", "3MVG9.consumer-key");
        env.put("SALESFORCE_CONSUMER_SECRET", "1955279925675241571");
        env.put("SALESFORCE_USERNAME", "ada@example.com");
        env.put("SALESFORCE_PASSWORD", PASSWORD);
        env.put("SALESFORCE_SECURITY_TOKEN", "TOKENabc123XYZ");
        env.put("CONNECTOR_RUNTIME_CACHE_DIR", dir.resolve(".cache").toString());
        return env;
    }

    /** {@code java -cp <this test's classpath> …Main serve ARGS}: the real program in its own JVM. */
    List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.connectorruntime.cli.Main", "serve"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--dir", dir.toString()));
        return cmd;
    }

    /** The SDK's own stdio client, starting the real program. */
    McpSyncClient stdioClient(McpClient.SyncSpec... ignored) {
        return client(stdioTransport()).build();
    }

    StdioClientTransport stdioTransport(String... args) {
        List<String> cmd = command(args.length == 0 ? new String[] {"--mcp"} : args);
        ServerParameters params = ServerParameters.builder(cmd.get(0)).args(cmd.subList(1, cmd.size())).env(env())
                .build();
        return new StdioClientTransport(params, MAPPER);
    }

    static McpClient.SyncSpec client(McpClientTransport transport) {
        return McpClient.sync(transport).jsonSchemaValidator(new ToolSchemas())
                .requestTimeout(Duration.ofSeconds(20)).initializationTimeout(Duration.ofSeconds(20));
    }

    void write(String relative, String... lines) {
        try {
            Files.writeString(dir.resolve(relative), String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        login.stop();
        instance.stop();
    }
}
