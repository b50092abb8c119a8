package dev.connectorruntime.http;

import java.net.URI;
import java.util.List;
import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/** A response, read whole (within the body cap). */
public final class HttpResult {

    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;
    private final URI uri;
    private final Duration elapsed;
    private final int attempts;

    public HttpResult(int status, HttpHeaders headers, byte[] body, URI uri, Duration elapsed) {
        this(status, headers, body, uri, elapsed, 1);
    }

    private HttpResult(int status, HttpHeaders headers, byte[] body, URI uri, Duration elapsed, int attempts) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.uri = uri;
        this.elapsed = elapsed;
        this.attempts = attempts;
    }

    /** This answer, as the last of {@code attempts} attempts. */
    HttpResult afterAttempts(int attempts) {
        return attempts == this.attempts ? this : new HttpResult(status, headers, body, uri, elapsed, attempts);
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        List<String> values = headers.allValues(name); // firstValue streams: every call asks a few times
        return values.isEmpty() ? null : values.get(0);
    }

    public byte[] body() {
        return body;
    }

    public URI uri() {
        return uri;
    }

    public Duration elapsed() {
        return elapsed;
    }

    /** How many attempts it took: more than 1 when the answers before it were retried (SPEC §6). */
    public int attempts() {
        return attempts;
    }

    /** {@code " (after 3 attempts)"} when retries were spent, else {@code ""}: how a failure's message ends. */
    public String attemptsSuffix() {
        return attemptsSuffix(attempts);
    }

    static String attemptsSuffix(int attempts) {
        return attempts > 1 ? " (after " + attempts + " attempts)" : "";
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** Whether the server says the body is JSON ({@code application/json}, {@code application/problem+json}, …). */
    public boolean isJson() {
        String type = header("Content-Type");
        if (type == null) {
            return false;
        }
        String t = type.toLowerCase(Locale.ROOT);
        int semi = t.indexOf(';');
        String media = (semi < 0 ? t : t.substring(0, semi)).trim();
        return media.equals("application/json") || media.endsWith("+json");
    }

    /** The charset the server declared, else UTF-8. */
    public Charset charset() {
        String type = header("Content-Type");
        if (type != null) {
            for (String part : type.split(";")) {
                String p = part.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    String name = p.substring(8).replace("\"", "").trim();
                    try {
                        return Charset.forName(name);
                    } catch (IllegalArgumentException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** The body as text in its declared charset. */
    public String text() {
        return new String(body, charset());
    }
}
