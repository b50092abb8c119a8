package dev.connectorruntime.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * {@code --resume FILE}: the lines a previous run of the batch answered with an {@code output}, to be skipped. Lines
 * that failed are run again. Its last line may be cut off (a run killed while writing it): it is ignored; any other
 * line that is not a batch output line makes the file unusable, code {@code resume-file}.
 */
public final class Resume {

    private Resume() {
    }

    /** @param shown how messages name the file */
    public static BitSet succeeded(Path file, String shown) {
        BitSet done = new BitSet();
        try (InputStream in = Files.newInputStream(file); JsonLines lines = new JsonLines(in, shown)) {
            Failure cutOff = null;
            Line line;
            while ((line = lines.next()) != null) {
                if (cutOff != null) {
                    throw cutOff;
                }
                if (line instanceof Line.Bad bad) {
                    cutOff = failure(bad.problem().getMessage());
                    continue;
                }
                JsonNode o = ((Line.Inputs) line).values();
                JsonNode n = o.get("line");
                boolean answer = o.has("output") || o.has("error");
                if (n == null || !n.canConvertToInt() || !n.isIntegralNumber() || n.intValue() < 1 || !answer) {
                    throw failure("line " + line.number() + " of " + shown + " is not a batch output line");
                }
                if (o.has("output")) {
                    done.set(n.intValue());
                }
            }
        } catch (NoSuchFileException e) {
            throw failure("--resume: " + shown + " does not exist");
        } catch (IOException e) {
            throw failure("--resume: cannot read " + shown + ": " + e.getMessage());
        }
        return done;
    }

    private static Failure failure(String message) {
        return Failure.of(Kind.USAGE, message).code(Code.RESUME_FILE)
                .hint("--resume takes what an earlier `run --batch` wrote on stdout: {\"line\": n, \"output\": …} lines")
                .build();
    }
}
