package dev.connectorruntime.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.error.Severity;
import dev.connectorruntime.load.Workspace;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.validate.ShortSecrets;
import dev.connectorruntime.validate.WorkspaceCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code validate [PATH...]}: every problem of the workspace, or of the files named, in one run (SPEC §7). */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check definitions and report every problem: the report on stdout, a summary on stderr.",
        footer = {"", "Exit code 3 when there is an error (or, with --strict, a warning); 0 otherwise.",
            "Problem codes are listed in docs/errors.md."})
final class ValidateCommand extends WorkspaceCommand implements Callable<Integer> {

    /** Report formats. */
    enum Format { text, github, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files or folders to check (default: the whole workspace).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), github (workflow annotations) or json.")
    Format format;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    ValidateCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        Workspace workspace = workspace();
        List<Path> resolved = paths.stream().map(p -> context.cwd().resolve(p).normalize()).toList();
        WorkspaceCheck.Report report = WorkspaceCheck.run(workspace, resolved);
        List<Problem> found = new ArrayList<>(report.problems());
        found.addAll(ShortSecrets.check(List.copyOf(report.connectors().values()),
                ShortSecrets.resolver(context.environment(), workspace.dir().resolve(".env"))));
        List<Problem> problems = found.stream()
                .map(p -> strict && p.severity() == Severity.WARNING
                        ? new Problem(Severity.ERROR, p.code(), p.location(), p.message(), p.hint()) : p)
                .sorted(Problem.ORDER).toList();
        PrintWriter out = spec.commandLine().getOut();
        FailurePrinter printer = new FailurePrinter(context.cwd());
        switch (format) {
            case json -> out.println(json(problems, printer));
            case github -> problems.forEach(p -> out.println(github(p, printer)));
            default -> problems.forEach(p -> printer.problem(p, out));
        }
        out.flush();
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        PrintWriter err = spec.commandLine().getErr();
        String summary = summary(report.files(), errors, warnings);
        boolean empty = report.files() == 0 && problems.isEmpty();
        if (errors > 0 && common.jsonErrors) {
            // the failure as every command writes it, in place of the summary: the report is on stdout
            printer.print(Failure.of(Kind.INVALID, summary).code(Code.INVALID_DEFINITIONS).problems(problems).build(),
                    err, true, ExitCodes.of(Kind.INVALID));
        } else if (!empty || !common.jsonErrors) { // else the failure below is the one line of stderr
            err.println(summary);
            err.flush();
        }
        if (empty) {
            throw Failure.of(Kind.USAGE, "no definitions found in " + workspace.dir()).code(Code.USAGE)
                    .hint("run in a workspace (connectors/ and actions/), pass --dir DIR, or name files").build();
        }
        return errors > 0 ? ExitCodes.of(Kind.INVALID) : ExitCodes.OK;
    }

    static String summary(int files, long errors, long warnings) {
        String checked = "checked " + files + (files == 1 ? " file" : " files");
        if (errors == 0 && warnings == 0) {
            return checked + ": no problems";
        }
        return checked + ": " + errors + (errors == 1 ? " error" : " errors") + ", " + warnings
                + (warnings == 1 ? " warning" : " warnings");
    }

    private static String json(List<Problem> problems, FailurePrinter printer) {
        ArrayNode list = Json.array();
        for (Problem p : problems) {
            list.add(printer.json(p));
        }
        return Terminal.clean(Json.compact(list));
    }

    /** GitHub Actions workflow commands: {@code ::error file=…,line=…,col=…,title=…::message}, escaped. */
    static String github(Problem p, FailurePrinter printer) {
        String message = Terminal.clean(p.message()) + (p.hint() == null ? "" : "\nhint: " + Terminal.clean(p.hint()));
        StringBuilder sb = new StringBuilder("::").append(p.isError() ? "error" : "warning")
                .append(" file=").append(property(printer.display(p.location().file())));
        if (p.location().line() > 0) {
            sb.append(",line=").append(p.location().line());
            if (p.location().column() > 0) {
                sb.append(",col=").append(p.location().column());
            }
        }
        sb.append(",title=").append(property(p.code().id())).append("::").append(data(message));
        return sb.toString();
    }

    /** GitHub's escaping of a command's message: {@code %}, CR and LF. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** GitHub's escaping of a property value: also {@code :} and {@code ,}. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
