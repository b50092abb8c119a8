package dev.connectorruntime.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.connectorruntime.http.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first Java block of docs/embedding.md is a whole program: compiled as it stands and run in a JVM of its
 * own against the seed workspace pointed at a loopback Salesforce (a login server and an instance), it prints
 * list-contacts' output and ends by itself.
 */
class EmbeddingDocTest {

    static final String ACCESS_TOKEN = "00D50000000IZ3Z!AQgAQH0Yd9M51BU_rayzAdmZ6NmT3pXZBgzkc3JTwDOGBl8BP2AREOiZzL";
    static final String QUERY = "/services/data/v58.0/query";

    @RegisterExtension
    static final WireMockExtension login = TestServers.loopback();

    @RegisterExtension
    static final WireMockExtension instance = TestServers.loopback();

    @TempDir
    Path dir;

    @Test
    void firstJavaBlockWhenCompiledAndRunThenPrintsTheContactsAndTheJvmExitsByItself() throws Exception {
        String source = firstJavaBlock(Files.readString(Path.of("docs/embedding.md")));
        assertThat(source).containsPattern("(?m)^import ").contains("public static void main(String[] args)");
        Matcher className = Pattern.compile("public\\s+class\\s+(\\w+)").matcher(source);
        assertThat(className.find()).as("a public class").isTrue();

        String classpath = System.getProperty("java.class.path");
        Path classes = Files.createDirectories(dir.resolve("example"));
        Path file = Files.writeString(classes.resolve(className.group(1) + ".java"), source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK's compiler").isNotNull();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int compiled = javac.run(null, diagnostics, diagnostics, "-cp", classpath, "-d", classes.toString(),
                file.toString());
        assertThat(compiled).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        login.stubFor(post("/services/oauth2/token").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"instance_url\":\""
                        + TestServers.origin(instance) + "\","
                        + "\"id\":\"https://login.salesforce.com/id/00D50000000IZ3ZEAW/00550000001fg5OAAQ\","
                        + "\"token_type\":\"Bearer\",\"issued_at\":\"1296509381665\","
                        + "\"signature\":\"+Nbl5EOl/DlsvUZ4NbGDno6vn935XsWGVbwoKyXHayo=\"}")));
        instance.stubFor(get(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"totalSize\":2,\"done\":true,\"records\":["
                        + "{\"attributes\":{\"type\":\"Contact\"},\"Name\":\"Ada Lovelace\"},"
                        + "{\"attributes\":{\"type\":\"Contact\"},\"Name\":\"Alan Turing\"}]}")));

        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath + File.pathSeparator + classes, className.group(1),
                workspace(dir.resolve("workspace")).toString())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(name -> name.startsWith("SALESFORCE_"));
        env.put("SALESFORCE_LOGIN_HOST", "127.0.0.1:" + login.getPort());
        env.put("SALESFORCE_CONSUMER_KEY", "3MVG9.consumer-key");
        env.put("SALESFORCE_CONSUMER_SECRET", "1955279925675241571");
        env.put("SALESFORCE_USERNAME", "ada@example.com");
        env.put("SALESFORCE_PASSWORD", "s3cret-Passw0rd");
        env.put("SALESFORCE_SECURITY_TOKEN", "TOKENabc123XYZ");
        env.put("CONNECTOR_RUNTIME_CACHE_DIR", dir.resolve("cache").toString());
        Process process = pb.start();

        // generous for a loaded CI machine: what it guards against is a thread that keeps the JVM alive for good
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String err = Files.readString(dir.resolve("stderr.txt"));
        assertThat(ended).as("the program ended by itself; stderr: " + err).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        assertThat(Files.readString(dir.resolve("stdout.txt")).strip())
                .isEqualTo("[\"Ada Lovelace\",\"Alan Turing\"]");
        login.verify(1, postRequestedFor(urlPathEqualTo("/services/oauth2/token")));
        instance.verify(1, getRequestedFor(urlPathEqualTo(QUERY))
                .withQueryParam("q", equalTo("SELECT Name FROM Contact LIMIT 5"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
    }

    /** The text of the first ```java fence. */
    static String firstJavaBlock(String markdown) {
        Matcher m = Pattern.compile("(?ms)^```java\\n(.*?)^```").matcher(markdown);
        assertThat(m.find()).as("a ```java block in docs/embedding.md").isTrue();
        return m.group(1);
    }

    /** The seed connector and list-contacts, the token URL on plain http so that a loopback server can log in. */
    static Path workspace(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("connectors"));
        Files.createDirectories(dir.resolve("actions"));
        String connector = Files.readString(Path.of("connectors/salesforce.yaml"))
                .replace("token_url: https://", "token_url: http://");
        Files.writeString(dir.resolve("connectors/salesforce.yaml"), connector);
        Files.copy(Path.of("actions/list-contacts.yaml"), dir.resolve("actions/list-contacts.yaml"));
        return dir;
    }
}
