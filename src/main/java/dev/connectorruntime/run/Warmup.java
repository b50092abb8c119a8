package dev.connectorruntime.run;

import dev.connectorruntime.compile.OutputExpression;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.load.YamlLoader;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.template.Templates;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;

/**
 * Start-up work done on the second core while the first reads the definitions: the HTTP client's classes, the
 * {@code output} expression's parser and the template engine; and, once the connector is known to speak https,
 * the default TLS context (it reads the JDK's trusted roots), which a plain-http run never needs (measured:
 * preparing it anyway slowed such a run by about 10% on two cores). Everything here would happen later on the
 * main thread anyway, so it changes no result, only when the cost is paid; a failure here is ignored (the main
 * thread meets it again and reports it properly).
 */
public final class Warmup {

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final AtomicBoolean TLS_STARTED = new AtomicBoolean();

    private Warmup() {
    }

    /** Starts the work once per process; does nothing on one core. */
    public static void start() {
        once(STARTED, Warmup::run, "warmup");
    }

    /** Prepares the default TLS context on another core, once per process; does nothing on one core. */
    public static void tls() {
        once(TLS_STARTED, Warmup::defaultTls, "warmup-tls");
    }

    private static void once(AtomicBoolean started, Runnable work, String name) {
        if (!started.compareAndSet(false, true) || Runtime.getRuntime().availableProcessors() < 2) {
            return;
        }
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }

    private static void defaultTls() {
        try {
            SSLContext.getDefault();
        } catch (Exception | LinkageError e) {
            // only an optimisation: the first https connection meets it again and reports it properly
        }
    }

    private static void run() {
        try {
            // in the order the main thread will need them, so this thread stays ahead of it
            YamlLoader.parse(Path.of("warmup.yaml"), "a: {b: [1, \"c\"]}\n");
            Templates.compile("{{a}}", Location.of(Path.of("warmup")), Set.of("a"), new ArrayList<>());
            OutputExpression.compile("[].a", Location.of(Path.of("warmup")), new ArrayList<>());
            Json.parse("{\"a\":[1,2.5,true,null]}"); // a token response and the token cache: text
            Json.parse("{\"a\":[1,2.5,true,null]}".getBytes(StandardCharsets.UTF_8)); // an API's answer: bytes
            HttpClient.newBuilder();
            Class.forName("jdk.internal.net.http.HttpClientImpl", false, HttpClient.class.getClassLoader());
        } catch (Exception | LinkageError e) {
            // only an optimisation: the main thread does the same work and reports any failure
        }
    }
}
