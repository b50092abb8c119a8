import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.connectorruntime.engine.ConnectorRuntime;
import dev.connectorruntime.engine.SecretSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The baseline of bench/gateway.sh: the least an application would write to put the engine behind HTTP, in its own
 * JVM like {@code serve --http}. {@code POST /actions/{name}} parses the body as a JSON object of inputs, calls
 * {@code ConnectorRuntime.call(name, inputs)} on one engine built at start and answers {@code 200} with the output
 * JSON; any failure is a {@code 500} with the message. No admission queue, no checks, no access log, no problem
 * documents: the JDK's {@code HttpServer} on loopback with TCP_NODELAY (as serve sets it) and a fixed pool of
 * {@code THREADS} threads (serve's default {@code --concurrency}, so both send the upstream as many calls at once).
 *
 * <p>Prints its port on stdout, then serves until killed. Usage: {@code java GatewayBaseline WORKSPACE [THREADS]};
 * secrets from the environment (the SALESFORCE_* variables).
 */
public class GatewayBaseline {

    static final ObjectMapper MAPPER = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Map<String, String> env = new HashMap<>(System.getenv());
        ConnectorRuntime runtime = ConnectorRuntime.builder().workspace(Path.of(args[0]))
                .secrets(SecretSource.of(env))
                .environment(env)
                .build();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.createContext("/actions/", ex -> {
            try (ex) {
                String name = ex.getRequestURI().getRawPath().substring("/actions/".length());
                byte[] body = ex.getRequestBody().readAllBytes();
                byte[] out;
                int status;
                try {
                    JsonNode inputs = body.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(body);
                    out = MAPPER.writeValueAsBytes(runtime.call(name, inputs));
                    status = 200;
                } catch (IOException | RuntimeException e) {
                    out = MAPPER.writeValueAsBytes(Map.of("error", String.valueOf(e.getMessage())));
                    status = 500;
                }
                send(ex, status, out);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.start();
        System.out.println(server.getAddress().getPort());
        System.out.flush();
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(body);
        }
    }
}
