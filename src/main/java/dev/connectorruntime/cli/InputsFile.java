package dev.connectorruntime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.load.YamlLoader;
import dev.connectorruntime.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code run --inputs FILE|-}: one JSON or YAML object of input values. At most 4 MiB is read (from stdin too,
 * so an endless stream stops at once); the bytes must be UTF-8; text whose first character (after a byte order
 * mark and white space) is <code>{</code> is JSON, anything else YAML. Every problem is a usage failure (exit 2)
 * that speaks of inputs and says where.
 */
final class InputsFile {

    static final int MAX_BYTES = 4 * 1024 * 1024;

    private InputsFile() {
    }

    /**
     * @param name  the option's value: a path (against {@code cwd}) or {@code -} for stdin
     * @throws Failure USAGE, code {@code inputs-too-large} over 4 MiB, else {@code inputs-file}
     */
    static ObjectNode read(String name, Path cwd, InputStream stdin) {
        String shown = name.equals("-") ? "stdin" : name;
        byte[] bytes;
        try {
            if (name.equals("-")) {
                bytes = stdin.readNBytes(MAX_BYTES + 1);
            } else {
                try (InputStream in = Files.newInputStream(cwd.resolve(name))) {
                    bytes = in.readNBytes(MAX_BYTES + 1);
                }
            }
        } catch (NoSuchFileException e) {
            throw failure("--inputs: " + shown + " does not exist", null);
        } catch (IOException e) {
            throw failure("--inputs: cannot read " + shown + ": " + e.getMessage(), null);
        }
        if (bytes.length > MAX_BYTES) {
            throw Failure.of(Kind.USAGE, "--inputs: " + shown + " is larger than 4 MiB").code(Code.INPUTS_TOO_LARGE)
                    .hint("inputs are the values of one call: pass bulk data to the API some other way").build();
        }
        String text = decode(shown, bytes);
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        JsonNode node = text.stripLeading().startsWith("{") ? json(shown, text) : yaml(shown, text);
        if (!node.isObject()) {
            throw failure("--inputs: " + shown + " must hold an object of input values", null);
        }
        return (ObjectNode) node;
    }

    private static String decode(String shown, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) { // bytes counted from 1, as cmp counts them
            throw failure("--inputs: " + shown + " is not UTF-8 (byte " + (in.position() + 1) + ")",
                    "save it as UTF-8");
        }
        return out.flip().toString();
    }

    private static JsonNode json(String shown, String text) {
        try {
            return Json.parse(text);
        } catch (IOException e) {
            String where = e instanceof JsonProcessingException j && j.getLocation() != null
                    ? ":" + j.getLocation().getLineNr() + ":" + j.getLocation().getColumnNr() : "";
            String what = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw failure("--inputs: " + shown + where + ": " + lowerFirst(what),
                    "a JSON object of input values, such as {\"limit\": 5}");
        }
    }

    private static JsonNode yaml(String shown, String text) {
        try {
            return YamlLoader.parse(Path.of(shown), text).toJson();
        } catch (Failure f) {
            Problem p = f.problems().stream().sorted(Problem.ORDER).findFirst().orElseThrow(() -> f);
            Location at = p.location();
            String where = "--inputs: " + shown + ":" + at.line() + ":" + at.column() + ": ";
            // the loader speaks of definitions: these say the same of inputs
            throw switch (p.code()) {
                case YAML_EMPTY -> failure("--inputs: " + shown + " is empty",
                        "write an object of input values, such as `limit: 5` or {\"limit\": 5}");
                case YAML_ANCHOR -> failure(where + "anchors are not allowed in inputs", p.hint());
                case YAML_ALIAS -> failure(where + "aliases are not allowed in inputs", p.hint());
                case YAML_TAG -> failure(where + "tags are not allowed in inputs", p.hint());
                case YAML_MULTIPLE_DOCUMENTS -> failure(where + "inputs are one YAML document",
                        "write one object of input values");
                default -> failure(where + p.message(), p.hint());
            };
        }
    }

    private static Failure failure(String message, String hint) {
        return Failure.of(Kind.USAGE, message).code(Code.INPUTS_FILE).hint(hint).build();
    }

    private static String lowerFirst(String s) {
        return s == null || s.isEmpty() ? String.valueOf(s) : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
