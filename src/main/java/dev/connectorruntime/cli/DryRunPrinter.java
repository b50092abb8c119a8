package dev.connectorruntime.cli;

import dev.connectorruntime.error.Problem;
import dev.connectorruntime.http.Form;
import dev.connectorruntime.http.PercentEncoding;
import dev.connectorruntime.run.Plan;
import dev.connectorruntime.run.Plan.Field;
import dev.connectorruntime.run.Plan.Value;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Prints a {@link Plan} as curl commands on stdout, one per request, which a POSIX shell runs as they stand once
 * the variables are set; missing secrets go to stderr as warnings. The text still passes {@link Terminal#clean}.
 */
final class DryRunPrinter {

    private DryRunPrinter() {
    }

    static int print(Plan plan, PrintWriter out, PrintWriter err, Path cwd) {
        FailurePrinter problems = new FailurePrinter(cwd);
        for (Problem p : plan.warnings()) {
            problems.problem(p, err);
        }
        if (!plan.warnings().isEmpty()) {
            int n = plan.warnings().size();
            err.println(n + (n == 1 ? " warning" : " warnings") + ": the plan refers to "
                    + (n == 1 ? "this secret" : "these secrets") + " by name only");
            err.flush();
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# Dry run of `").append(plan.action())
                .append("`: nothing was sent. Secrets and tokens are shell variables.\n");
        if (plan.secretsFile() != null) {
            String file = problems.display(plan.secretsFile());
            sb.append("# The shell does not read ").append(file).append(": export its values first (set -a; . ")
                    .append(Shell.quote(file.contains("/") ? file : "./" + file)).append("; set +a).\n")
                    .append("# That reads what the runtime reads for plain KEY=value lines only: the runtime never"
                            + " expands $ or backticks, and turns \\n into a line break in double quotes.\n");
        }
        for (String line : fallbacks(plan)) {
            sb.append(line).append('\n');
        }
        for (int i = 0; i < plan.steps().size(); i++) {
            Plan.Step step = plan.steps().get(i);
            sb.append('\n').append("# ").append(i + 1).append(". ").append(step.title()).append('\n');
            step.notes().forEach(n -> sb.append("#    ").append(n).append('\n'));
            sb.append(curl(step)).append('\n');
        }
        out.print(Terminal.clean(sb.toString()));
        out.flush();
        return ExitCodes.OK;
    }

    static String curl(Plan.Step step) {
        boolean data = !step.form().isEmpty() || step.body() != null;
        String first = "curl";
        if (step.method().equals("HEAD")) {
            first += " --head";
        } else if (!(step.method().equals("GET") && !data || step.method().equals("POST") && data)) {
            first += " -X " + step.method();
        }
        List<String> args = new ArrayList<>();
        args.add(first + " " + Shell.word(step.url()));
        for (Field q : step.urlQuery()) {
            // curl 7.87+: encodes the content after the first `=`, not the name
            args.add("--url-query " + Shell.word(Value.text(PercentEncoding.encode(q.name()) + "=").then(q.value())));
        }
        for (Field h : step.headers()) {
            args.add("-H " + Shell.word(Value.text(h.name() + ": ").then(h.value())));
        }
        if (step.basic() != null) {
            args.add("-u " + Shell.word(step.basic().user().then(Value.text(":")).then(step.basic().password())));
        }
        for (Field f : step.form()) {
            if (f.value().isText()) {
                StringBuilder text = new StringBuilder();
                f.value().parts().forEach(p -> text.append(((Plan.Text) p).text()));
                args.add("-d " + Shell.quote(Form.pair(f.name(), text.toString())));
            } else {
                // curl encodes the value; the name, as the runtime would
                args.add("--data-urlencode " + Shell.word(Value.text(PercentEncoding.encodeForm(f.name()) + "=")
                        .then(f.value())));
            }
        }
        if (step.body() != null) {
            // --data-raw: unlike -d and --data-binary, a leading @ names no file
            args.add("--data-raw " + Shell.quote(new String(step.body(), StandardCharsets.UTF_8)));
        }
        return String.join(" \\\n  ", args);
    }

    /** Defaults that cannot stand inside {@code ${NAME-default}} are set before the commands. */
    private static Set<String> fallbacks(Plan plan) {
        Set<String> lines = new LinkedHashSet<>();
        for (Plan.Step step : plan.steps()) {
            List<Value> values = new ArrayList<>(List.of(step.url()));
            step.urlQuery().forEach(f -> values.add(f.value()));
            step.headers().forEach(f -> values.add(f.value()));
            step.form().forEach(f -> values.add(f.value()));
            if (step.basic() != null) {
                values.add(step.basic().user());
                values.add(step.basic().password());
            }
            for (Value v : values) {
                for (Plan.Part p : v.parts()) {
                    if (p instanceof Plan.Variable var && !Shell.inlineFallback(var)) {
                        lines.add(Shell.fallback(var));
                    }
                }
            }
        }
        return lines;
    }
}
