package dev.connectorruntime.cli;

import dev.connectorruntime.model.Json;
import dev.connectorruntime.run.Output;
import java.io.PrintWriter;

/** Prints a run's result on stdout: JSON pretty at a terminal and compact in a pipe; text as the API sent it. */
final class OutputPrinter {

    private OutputPrinter() {
    }

    static void print(Output output, PrintWriter out, boolean terminal) {
        if (output.isJson()) {
            String text = terminal ? Json.pretty(output.json()) : Json.compact(output.json());
            out.println(Terminal.clean(text));
        } else {
            String text = terminal ? Terminal.clean(output.text()) : dev.connectorruntime.secret.Redactor.global().redact(output.text());
            out.print(text);
            if (!text.endsWith("\n")) {
                out.println();
            }
        }
        out.flush();
    }
}
