import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The throughput benchmark's stand-in for Salesforce, run in its own JVM on loopback (bench/throughput.sh):
 * <ul>
 *   <li>{@code POST /services/oauth2/token}: the password grant answered in Salesforce's shape (access_token,
 *       instance_url pointing back here, id, token_type, issued_at in ms, signature; no expires_in unless
 *       {@code --expires-in SECONDS} is given), a new token every time, counted per client_id; a wrong grant or
 *       credential gets Salesforce's 400 error;</li>
 *   <li>{@code GET /services/data/v58.0/query?q=...}: a fixed page of 25 contacts
 *       ({@code {"totalSize":25,"done":true,"records":[...]}}) when the bearer token is one this server issued and
 *       has not expired, else Salesforce's 401 {@code INVALID_SESSION_ID};</li>
 *   <li>{@code GET /count}: the counters as JSON, {@code {"token_requests":{client_id: n},"queries":n,
 *       "unauthorized":n}};</li>
 *   <li>{@code POST /fault?query=ok|slow|error[&ms=N]}: how the next queries are answered, for the gateway's fault
 *       rows (bench/gateway.sh): as above ({@code ok}, the default), after a sleep of N ms ({@code slow}, default
 *       3000), or with Salesforce's 500 {@code UNKNOWN_EXCEPTION} ({@code error}).</li>
 * </ul>
 * Prints its port on stdout, then serves until killed. Usage: {@code java ThroughputServer [--expires-in SECONDS]}.
 */
public class ThroughputServer {

    static final String CLIENT_SECRET = "bench-secret";
    static final String USERNAME = "bench@example.com";
    static final String PASSWORD = "bench-password" + "bench-token"; // password immediately followed by the token

    private static final Map<String, AtomicLong> TOKEN_REQUESTS = new ConcurrentHashMap<>();
    /** Token issued → when it expires (epoch ms), Long.MAX_VALUE without expires_in. */
    private static final Map<String, Long> ISSUED = new ConcurrentHashMap<>();
    private static final LongAdder QUERIES = new LongAdder();
    private static final LongAdder UNAUTHORIZED = new LongAdder();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How queries are answered: "ok", "slow" or "error" (POST /fault). */
    private static volatile String fault = "ok";
    private static volatile long slowMs = 3000;

    public static void main(String[] args) throws Exception {
        long expiresIn = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--expires-in")) {
                expiresIn = Long.parseLong(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        int port = server.getAddress().getPort();
        String base = "http://127.0.0.1:" + port;
        byte[] page = page().getBytes(StandardCharsets.UTF_8);
        byte[] invalidSession = "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]"
                .getBytes(StandardCharsets.UTF_8);
        long lifetime = expiresIn;

        server.createContext("/services/oauth2/token", ex -> {
            Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (!"POST".equals(ex.getRequestMethod()) || !"password".equals(form.get("grant_type"))) {
                send(ex, 400, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"grant type not supported\"}");
                return;
            }
            String clientId = form.getOrDefault("client_id", "");
            TOKEN_REQUESTS.computeIfAbsent(clientId, k -> new AtomicLong()).incrementAndGet();
            if (!CLIENT_SECRET.equals(form.get("client_secret")) || !USERNAME.equals(form.get("username"))
                    || !PASSWORD.equals(form.get("password"))) {
                send(ex, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}");
                return;
            }
            byte[] r = new byte[24];
            RANDOM.nextBytes(r);
            String token = "00DBENCH000000!AQ" + HexFormat.of().formatHex(r);
            long now = System.currentTimeMillis();
            ISSUED.put(token, lifetime > 0 ? now + lifetime * 1000 : Long.MAX_VALUE);
            ISSUED.values().removeIf(expiry -> expiry < now - 60_000); // long expired: forget them
            send(ex, 200, "{\"access_token\":\"" + token + "\",\"instance_url\":\"" + base + "\","
                    + "\"id\":\"https://login.salesforce.com/id/00DBENCH000000AAA/005BENCH000000AAA\","
                    + "\"token_type\":\"Bearer\",\"issued_at\":\"" + now + "\",\"signature\":\"YmVuY2g=\""
                    + (lifetime > 0 ? ",\"expires_in\":" + lifetime : "") + "}");
        });

        server.createContext("/services/data/v58.0/query", ex -> {
            ex.getRequestBody().readAllBytes();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            Long expiry = auth != null && auth.startsWith("Bearer ") ? ISSUED.get(auth.substring(7)) : null;
            String query = ex.getRequestURI().getRawQuery();
            String mode = fault;
            if (mode.equals("slow")) {
                try {
                    Thread.sleep(slowMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (mode.equals("error")) {
                sendBytes(ex, 500, ("[{\"message\":\"An unexpected error occurred. Please include this ErrorId if you"
                        + " contact support: 1234-5678 (-1)\",\"errorCode\":\"UNKNOWN_EXCEPTION\"}]")
                        .getBytes(StandardCharsets.UTF_8));
            } else if (expiry == null || expiry < System.currentTimeMillis()) {
                UNAUTHORIZED.increment();
                sendBytes(ex, 401, invalidSession);
            } else if (query == null || !query.startsWith("q=")) {
                sendBytes(ex, 400, "[{\"message\":\"unexpected token: query\",\"errorCode\":\"MALFORMED_QUERY\"}]"
                        .getBytes(StandardCharsets.UTF_8));
            } else {
                QUERIES.increment();
                ex.getResponseHeaders().add("Sforce-Limit-Info", "api-usage=18/5000");
                sendBytes(ex, 200, page);
            }
        });

        server.createContext("/fault", ex -> {
            ex.getRequestBody().readAllBytes();
            Map<String, String> q = form(ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery());
            String mode = q.getOrDefault("query", "ok");
            if (!mode.equals("ok") && !mode.equals("slow") && !mode.equals("error")) {
                send(ex, 400, "{\"error\":\"query=ok|slow|error\"}");
                return;
            }
            slowMs = Long.parseLong(q.getOrDefault("ms", "3000"));
            fault = mode;
            send(ex, 200, "{\"query\":\"" + mode + "\"}");
        });

        server.createContext("/count", ex -> {
            ex.getRequestBody().readAllBytes();
            StringBuilder sb = new StringBuilder("{\"token_requests\":{");
            TOKEN_REQUESTS.forEach((k, v) -> sb.append(sb.charAt(sb.length() - 1) == '{' ? "" : ",")
                    .append('"').append(k.replace("\"", "")).append("\":").append(v.get()));
            sb.append("},\"queries\":").append(QUERIES.sum()).append(",\"unauthorized\":").append(UNAUTHORIZED.sum())
                    .append('}');
            send(ex, 200, sb.toString());
        });

        server.setExecutor(Executors.newFixedThreadPool(96));
        server.start();
        System.out.println(port);
        System.out.flush();
    }

    /** 25 contacts as Salesforce sends them: an attributes block, then the fields asked for. */
    static String page() {
        String[] first = {"Ada", "Alan", "Grace", "Katherine", "Margaret", "Barbara", "Edsger", "Donald", "Frances",
            "John", "Hedy", "Claude", "Radia", "Tim", "Ken", "Dennis", "Bjarne", "Guido", "James", "Niklaus",
            "Leslie", "Shafi", "Silvio", "Whitfield", "Martin"};
        String[] last = {"Lovelace", "Turing", "Hopper", "Johnson", "Hamilton", "Liskov", "Dijkstra", "Knuth", "Allen",
            "Backus", "Lamarr", "Shannon", "Perlman", "Berners-Lee", "Thompson", "Ritchie", "Stroustrup", "van Rossum",
            "Gosling", "Wirth", "Lamport", "Goldwasser", "Micali", "Diffie", "Hellman"};
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            String id = String.format("003RO00000%08dAAM", i);
            records.append(i == 0 ? "" : ",")
                    .append("{\"attributes\":{\"type\":\"Contact\",\"url\":\"/services/data/v58.0/sobjects/Contact/")
                    .append(id).append("\"},\"Id\":\"").append(id).append("\",\"Name\":\"").append(first[i])
                    .append(' ').append(last[i]).append("\",\"Email\":\"").append(first[i].toLowerCase())
                    .append('.').append(last[i].toLowerCase().replace(' ', '-')).append("@example.com\",")
                    .append("\"Phone\":\"+1 415 555 0").append(100 + i).append("\",\"Title\":\"Engineer\",")
                    .append("\"AccountId\":\"001RO00000ACME0AAA\"}");
        }
        return "{\"totalSize\":25,\"done\":true,\"records\":[" + records + "]}";
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        ex.getResponseHeaders().add("Cache-Control", "no-store");
        sendBytes(ex, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendBytes(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
