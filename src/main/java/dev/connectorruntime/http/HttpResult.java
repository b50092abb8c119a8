package dev.connectorruntime.http;

import java.net.URI;
import java.util.List;
import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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

    /** The body as text in its declared charset; bytes it cannot decode become U+FFFD, unsaid. */
    public String text() {
        return new String(body, charset());
    }

    /**
     * The body as text in its declared charset, saying how many bytes could not be decoded (each run of them
     * shows as one U+FFFD).
     */
    public Text decodedText() {
        Charset charset = charset();
        String fast = new String(body, charset);
        if (fast.indexOf('\uFFFD') < 0) {
            return new Text(fast, 0, charset);
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(8192);
        StringBuilder text = new StringBuilder(fast.length());
        int replaced = 0;
        for (CoderResult r = decoder.decode(in, out, true); !r.isUnderflow(); r = decoder.decode(in, out, true)) {
            text.append(out.flip());
            out.clear();
            if (r.isError()) {
                text.append('\uFFFD');
                replaced += r.length();
                in.position(in.position() + r.length());
            }
        }
        while (decoder.flush(out).isOverflow()) {
            text.append(out.flip());
            out.clear();
        }
        return new Text(text.append(out.flip()).toString(), replaced, charset);
    }

    /**
     * A body decoded as text.
     *
     * @param replaced how many bytes were not valid in {@code charset}: 0 when the text is exactly what was sent
     */
    public record Text(String text, int replaced, Charset charset) {
    }
}
