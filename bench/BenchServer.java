import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The benchmark's stand-in for Salesforce on loopback: a token endpoint answering the password grant as Salesforce
 * does (no expires_in, instance_url pointing back here) and a query endpoint answering a Salesforce-shaped page.
 * Prints its port on stdout, then serves until killed.
 */
public class BenchServer {
    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        int port = server.getAddress().getPort();
        String token = "{\"access_token\":\"00DBENCH!AQ0bench0token0value0not0a0secret\",\"instance_url\":"
                + "\"http://127.0.0.1:" + port + "\",\"id\":\"https://login.salesforce.com/id/00D/005\","
                + "\"token_type\":\"Bearer\",\"issued_at\":\"1700000000000\",\"signature\":\"bench\"}";
        StringBuilder records = new StringBuilder();
        String[] names = {"Ada Lovelace", "Alan Turing", "Grace Hopper", "Katherine Johnson", "Margaret Hamilton",
            "Barbara Liskov", "Edsger Dijkstra", "Donald Knuth", "Frances Allen", "John Backus"};
        for (int i = 0; i < names.length; i++) {
            records.append(i == 0 ? "" : ",").append("{\"attributes\":{\"type\":\"Contact\",\"url\":")
                    .append("\"/services/data/v58.0/sobjects/Contact/003").append(i).append("\"},\"Name\":\"")
                    .append(names[i]).append("\"}");
        }
        String page = "{\"totalSize\":10,\"done\":true,\"records\":[" + records + "]}";
        server.createContext("/services/oauth2/token", ex -> {
            ex.getRequestBody().readAllBytes();
            send(ex, token);
        });
        server.createContext("/services/data/v58.0/query", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ")) {
                ex.getResponseHeaders().add("Content-Type", "application/json");
                byte[] b = "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]"
                        .getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(401, b.length);
                ex.getResponseBody().write(b);
                ex.close();
                return;
            }
            send(ex, page);
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.out.println(port);
        System.out.flush();
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, String body) throws java.io.IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }
}
