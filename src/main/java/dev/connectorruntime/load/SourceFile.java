package dev.connectorruntime.load;

import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads a definition file: size first, then the bytes, then a strict UTF-8 decode. */
final class SourceFile {

    private SourceFile() {
    }

    static String read(Path file) {
        return decode(file, bytes(file));
    }

    /** The file's bytes, after the size check. */
    static byte[] bytes(Path file) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > YamlProblems.MAX_BYTES) {
                throw fail(YamlProblems.tooLarge(Location.of(file), size));
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) YamlProblems.MAX_BYTES + 1);
            }
        } catch (IOException e) {
            throw fail(YamlProblems.unreadable(Location.of(file), reason(e)));
        }
        if (bytes.length > YamlProblems.MAX_BYTES) { // it grew between size() and the read
            throw fail(YamlProblems.tooLarge(Location.of(file), bytes.length));
        }
        return bytes;
    }

    static String decode(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw fail(YamlProblems.encoding(badByte(file, bytes, in.position())));
        }
        return out.flip().toString();
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return lowerFirst(fse.getReason());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : lowerFirst(e.getMessage());
    }

    private static Location badByte(Path file, byte[] bytes, int position) {
        String before = new String(bytes, 0, position, StandardCharsets.UTF_8);
        if (before.startsWith("\uFEFF")) {
            before = before.substring(1);
        }
        return new SourceText(file, before).atIndex(before.codePointCount(0, before.length()));
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static Failure fail(Problem problem) {
        return Failure.invalid(List.of(problem));
    }
}
