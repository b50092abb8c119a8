package dev.connectorruntime.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.model.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints failures as a good compiler does: where (file:line:col, relative to the current directory), the source
 * line with a caret, what went wrong and what to do. Or, with {@code --json-errors}, one JSON object.
 */
final class FailurePrinter {

    private static final int MAX_API_ERROR = 4000;

    private final Path cwd;
    private final Map<Path, List<String>> sources = new HashMap<>();

    FailurePrinter(Path cwd) {
        this.cwd = cwd.toAbsolutePath().normalize();
    }

    /** Prints a failure; its text was redacted where it was made (the engine redacts every failure it throws). */
    void print(Failure f, PrintWriter err, boolean json, int exitCode) {
        if (json) {
            ObjectNode o = Json.object();
            o.put("exit_code", exitCode);
            o.setAll(f.json()); // api_error: the parsed body when it is JSON, else a string, or null
            o.put("message", Terminal.clean(f.getMessage())); // in place: the order of the keys stays
            o.put("hint", Terminal.clean(f.hint()));
            if (!f.problems().isEmpty()) {
                var list = o.putArray("problems");
                for (Problem p : f.problems()) {
                    list.add(json(p));
                }
            }
            // Jackson escapes the C0 controls; the others (C1, U+2028) become JSON escapes of the same character
            err.println(Terminal.clean(Json.compact(o)));
            err.flush();
            return;
        }
        if (!f.problems().isEmpty()) {
            f.problems().stream().sorted(Problem.ORDER).forEach(p -> problem(p, err));
            long errors = f.problems().stream().filter(Problem::isError).count();
            long warnings = f.problems().size() - errors;
            err.println(errors + (errors == 1 ? " error" : " errors")
                    + (warnings > 0 ? ", " + warnings + (warnings == 1 ? " warning" : " warnings") : ""));
        } else {
            err.println("error: " + Terminal.clean(f.getMessage()));
            if (f.apiError() != null && (f.kind() == Kind.API || f.kind() == Kind.AUTH)) {
                String body = f.apiError().strip();
                if (body.length() > MAX_API_ERROR) {
                    body = body.substring(0, MAX_API_ERROR) + "… (" + f.apiError().length() + " characters)";
                }
                err.println("  response: " + Terminal.clean(body).replace("\n", "\n    "));
            }
            if (f.hint() != null) {
                err.println("  hint: " + Terminal.clean(f.hint()));
            }
        }
        err.flush();
    }

    /** One problem as {@code validate --format json} and {@code --json-errors} print it. */
    ObjectNode json(Problem p) {
        return Json.object()
                .put("file", display(p.location().file()))
                .put("line", p.location().line())
                .put("column", p.location().column())
                .put("severity", p.severity().label())
                .put("code", p.code().id())
                .put("message", Terminal.clean(p.message()))
                .put("hint", Terminal.clean(p.hint()));
    }

    /** {@code file:line:col: error: message}, the source line, a caret under the column, the hint. */
    void problem(Problem p, PrintWriter err) {
        Location l = p.location();
        err.println(display(l.file()) + (l.line() > 0 ? ":" + l.line() + (l.column() > 0 ? ":" + l.column() : "") : "")
                + ": " + p.severity().label() + ": " + Terminal.line(p.message()));
        String source = l.line() > 0 && p.code().quotesSource() ? sourceLine(l) : null;
        if (source != null) {
            String gutter = " " + l.line() + " | ";
            err.println(gutter + Terminal.line(source));
            if (l.column() > 0) {
                err.println(" ".repeat(gutter.length() - 2) + "| " + caretPad(source, l.column()) + "^");
            }
        }
        if (p.hint() != null) {
            err.println("  hint: " + Terminal.line(p.hint()));
        }
    }

    private static String caretPad(String source, int column) {
        StringBuilder sb = new StringBuilder();
        int cp = 0;
        for (int i = 0; i < source.length() && cp < column - 1; i = source.offsetByCodePoints(i, 1), cp++) {
            sb.append(source.charAt(i) == '\t' ? '\t' : ' ');
        }
        return sb.toString();
    }

    private String sourceLine(Location l) {
        List<String> lines = sources.computeIfAbsent(l.file(), f -> {
            try {
                if (Files.size(f) > 4L * 1024 * 1024) {
                    return List.of();
                }
                return List.of(new String(Files.readAllBytes(f), StandardCharsets.UTF_8).split("\r?\n", -1));
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        });
        return l.line() <= lines.size() ? lines.get(l.line() - 1).replace("\uFEFF", "") : null;
    }

    /** The path relative to the current directory when it is below it, else as it is. */
    String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : file.toString();
    }
}
