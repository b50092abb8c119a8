package dev.connectorruntime.cli;

import dev.connectorruntime.model.Json;
import dev.connectorruntime.run.Output;
import dev.connectorruntime.secret.Redactor;
import java.io.PrintWriter;

/** Prints a run's result on stdout: JSON pretty at a terminal and compact in a pipe; text as the API sent it. */
final class OutputPrinter {

    private OutputPrinter() {
    }

    static void print(Output output, PrintWriter out, boolean terminal, Redactor redactor) {
        if (output.isJson()) {
            String text = terminal ? Json.pretty(output.json()) : Json.compact(output.json());
            out.println(Terminal.clean(text, redactor));
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
