package dev.connectorruntime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.run.Output;
import dev.connectorruntime.secret.Redactor;
import java.io.PrintWriter;

/** Prints a run's result on stdout: JSON pretty at a terminal and compact in a pipe; text as the API sent it. */
final class OutputPrinter {

    private OutputPrinter() {
    }

    /** JSON is masked as JSON (SPEC §8: string values only, so it stays valid), text as text. */
    static void print(Output output, PrintWriter out, boolean terminal, Redactor redactor) {
        if (output.isJson()) {
            JsonNode masked = redactor.json(output.json());
            out.println(Terminal.escapeControls(terminal ? Json.pretty(masked) : Json.compact(masked)));
        } else {
            String text = terminal ? Terminal.clean(output.text(), redactor) : redactor.redact(output.text());
            out.print(text);
            if (!text.endsWith("\n")) {
                out.println();
            }
        }
        out.flush();
    }
}
