package dev.connectorruntime.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * JSON Lines read as a stream (one line in memory at a time, whatever the input's size): each line one JSON object
 * of inputs. Lines end with LF or CRLF; a last line without one counts. Blank lines are skipped but counted, so a
 * line's number is its line in the file. A line that is not UTF-8, not one JSON value, not an object or longer than
 * {@link #MAX_LINE_BYTES} is a {@link Line.Bad} (that line's error), never the end of the batch; only a failure to
 * read the stream itself ends it.
 */
public final class JsonLines implements AutoCloseable {

    /** Strict UTF-8, one for the reader (lines are read on one thread); {@code decode} resets it each time. */
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    /** The longest line read (the same cap as {@code --inputs}): a longer one is skipped as a bad line. */
    public static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

    private final InputStream in;
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkPos;
    private int chunkEnd;
    private final String shown;
    private final int maxLineBytes;
    private byte[] buffer = new byte[8192];
    private long number;
    private boolean ended;

    /** @param shown how messages name the source: a path, or {@code stdin} */
    public JsonLines(InputStream in, String shown) {
        this(in, shown, MAX_LINE_BYTES);
    }

    JsonLines(InputStream in, String shown, int maxLineBytes) {
        this.in = in;
        this.shown = shown;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * The next line that holds something, or {@code null} at the end.
     *
     * @throws IOException when the stream cannot be read
     */
    public Line next() throws IOException {
        while (!ended) {
            int length = 0;
            boolean tooLong = false;
            int b;
            while ((b = read()) != -1 && b != '\n') {
                if (length < maxLineBytes) {
                    if (length == buffer.length) {
                        buffer = Arrays.copyOf(buffer, Math.min(maxLineBytes, buffer.length * 2));
                    }
                    buffer[length++] = (byte) b;
                } else {
                    tooLong = true; // read on to the end of the line, keeping nothing
                }
            }
            if (b == -1) {
                ended = true;
                if (length == 0 && !tooLong) {
                    return null;
                }
            }
            number++;
            if (tooLong) {
                return bad("is longer than " + (maxLineBytes >= 1024 * 1024 ? maxLineBytes / (1024 * 1024) + " MiB"
                        : maxLineBytes + " bytes"),
                        "one line holds the inputs of one call: pass bulk data to the API some other way");
            }
            if (length > 0 && buffer[length - 1] == '\r') {
                length--;
            }
            int start = number == 1 && length >= 3 && (buffer[0] & 0xff) == 0xef && (buffer[1] & 0xff) == 0xbb
                    && (buffer[2] & 0xff) == 0xbf ? 3 : 0; // a byte order mark
            if (blank(start, length)) {
                continue;
            }
            if (buffer.length > 64 * 1024 && length < 8192) {
                buffer = new byte[8192]; // one long line does not keep its buffer for the rest of the stream
            }
            return parse(start, length);
        }
        return null;
    }

    /** One byte, from our own chunk: {@code BufferedInputStream.read()} takes a lock per byte. */
    private int read() throws IOException {
        if (chunkPos == chunkEnd) {
            int n = in.read(chunk, 0, chunk.length);
            if (n <= 0) {
                return -1;
            }
            chunkPos = 0;
            chunkEnd = n;
        }
        return chunk[chunkPos++] & 0xff;
    }

    private boolean blank(int start, int end) {
        for (int i = start; i < end; i++) {
            byte c = buffer[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private Line parse(int start, int end) {
        String text;
        try {
            text = utf8.decode(ByteBuffer.wrap(buffer, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            return bad("is not UTF-8", "save the file as UTF-8");
        }
        JsonNode node;
        try {
            node = Json.parse(text);
        } catch (IOException e) {
            String what = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                    : e.getMessage();
            return bad("is not JSON: " + firstLine(what), "each line is one JSON object, such as {\"id\": \"003…\"}");
        }
        if (node instanceof ObjectNode inputs) {
            return new Line.Inputs(number, inputs);
        }
        return bad("is not a JSON object of inputs but " + article(node), "each line is one JSON object, such as"
                + " {\"id\": \"003…\"}");
    }

    private Line bad(String what, String hint) {
        return new Line.Bad(number, Failure.of(Kind.USAGE, "line " + number + " of " + shown + " " + what)
                .code(Code.BATCH_LINE).hint(hint).build());
    }

    private static String article(JsonNode node) {
        String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "array" -> "an array";
            case "null" -> "null";
            default -> "a " + type;
        };
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        String first = nl < 0 ? s : s.substring(0, nl);
        return first.isEmpty() ? first : Character.toLowerCase(first.charAt(0)) + first.substring(1);
    }

    /** Closes the stream (stdin included: the batch is its only reader). */
    @Override
    public void close() throws IOException {
        in.close();
    }
}
