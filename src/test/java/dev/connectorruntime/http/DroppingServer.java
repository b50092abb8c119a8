package dev.connectorruntime.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP/1.1 server on 127.0.0.1 that behaves like one which drops idle connections: it answers the first
 * request of its first connection with {@code Connection: keep-alive}, then closes that connection, unanswered,
 * when the next request comes on it. Every request on a later connection is answered {@code 200 ok}. One
 * connection at a time on one daemon thread; every wait is bounded.
 */
final class DroppingServer implements AutoCloseable {

    private static final int WAIT_MS = 10_000;

    private final ServerSocket listening;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile Socket current;

    DroppingServer() throws IOException {
        listening = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.1"));
        listening.setSoTimeout(WAIT_MS);
        Thread thread = new Thread(this::serve, "dropping-server");
        thread.setDaemon(true);
        thread.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + listening.getLocalPort() + path);
    }

    /** How many connections were accepted. */
    int connections() {
        return connections.get();
    }

    /** The request line of every request received, answered or not, in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private void serve() {
        try {
            while (!listening.isClosed()) {
                try (Socket s = listening.accept()) {
                    current = s;
                    s.setSoTimeout(WAIT_MS);
                    boolean first = connections.incrementAndGet() == 1;
                    InputStream in = new BufferedInputStream(s.getInputStream());
                    OutputStream out = s.getOutputStream();
                    for (int n = 1; readRequest(in); n++) {
                        if (first && n == 2) {
                            break; // dropped, as if it had been idle too long
                        }
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
                                + "Connection: keep-alive\r\n\r\nok").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                }
            }
        } catch (IOException e) {
            // closed, or nothing came in time: stop serving
        }
    }

    /** Reads one request, its body included; {@code false} at the end of the stream. */
    private boolean readRequest(InputStream in) throws IOException {
        String line = readLine(in);
        if (line == null) {
            return false;
        }
        requests.add(line.substring(0, line.lastIndexOf(' ')));
        int length = 0;
        for (String header = readLine(in); header != null && !header.isEmpty(); header = readLine(in)) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(header.indexOf(':') + 1).strip());
            }
        }
        in.readNBytes(length);
        return true;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        listening.close();
        Socket s = current;
        if (s != null) {
            s.close();
        }
    }
}
