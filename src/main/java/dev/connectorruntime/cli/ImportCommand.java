package dev.connectorruntime.cli;

import dev.connectorruntime.importer.Draft;
import dev.connectorruntime.importer.ImportWriter;
import dev.connectorruntime.importer.Report;
import dev.connectorruntime.error.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code import curl|postman|openapi} (SPEC §12): each subcommand reads its source into a {@link Draft}; this class
 * holds the options they share and writes the draft, with the report on stderr, one line per item.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Write connectors and actions from a curl command line, a Postman collection or an OpenAPI"
                + " document.",
        footer = {"", "Exit codes: 0 written; 2 the source cannot be read, or files exist (use --force);",
            "3 --strict and something was approximated or dropped (nothing is written then)."})
final class ImportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command with its subcommands: one line each here. */
    static CommandLine line(Context context) {
        return new CommandLine(new ImportCommand())
                .addSubcommand(new ImportCurlCommand(context))
                .addSubcommand(new ImportPostmanCommand(context))
                .addSubcommand(new ImportOpenApiCommand(context));
    }

    /** The options every {@code import} subcommand has (SPEC §12). */
    static final class Options {

        @Option(names = "--connector", paramLabel = "NAME",
                description = "Use this connector of the workspace for every action, or create it under this name.")
        String connector;

        @Option(names = "--out", paramLabel = "DIR", description = "Where to write (default: the workspace, --dir).")
        Path out;

        @Option(names = "--force", description = "Replace files that exist.")
        boolean force;

        @Option(names = "--dry-run", description = "Print what would be written; write nothing.")
        boolean dryRun;

        @Option(names = "--strict",
                description = "Exit 3, writing nothing, if anything was approximated or dropped.")
        boolean strict;
    }

    /** A subcommand: reads its source, then {@link #write}. */
    abstract static class Source extends WorkspaceCommand {

        @picocli.CommandLine.Mixin
        Options options;

        @Spec
        CommandSpec spec;

        Source(Context context) {
            super(context);
        }

        /**
         * Writes the draft and prints: the files written on stdout (or, with {@code --dry-run}, their text), the
         * report and a summary on stderr. The report is printed even when writing fails.
         */
        int write(Draft draft, String subcommand) {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path dir = options.out == null ? workspace().dir() : context.cwd().resolve(options.out);
            ImportWriter.Options o = new ImportWriter.Options(dir.normalize(), options.connector, options.force,
                    options.dryRun, options.strict, "runtime import " + subcommand);
            ImportWriter.Result result;
            try {
                result = ImportWriter.write(draft, o);
            } finally {
                for (Report.Item item : draft.report().items()) {
                    err.println(Terminal.line(item.line()));
                }
                err.flush();
            }
            FailurePrinter printer = new FailurePrinter(context.cwd());
            for (Problem p : result.warnings()) {
                printer.problem(p, err);
            }
            for (ImportWriter.File f : result.files()) {
                String shown = printer.display(dir.resolve(f.path()));
                if (options.dryRun) {
                    out.println("# ==> " + shown + " <==");
                    out.print(Terminal.clean(f.text()));
                    out.println();
                } else {
                    out.println("wrote " + shown);
                }
            }
            out.flush();
            Report r = draft.report();
            err.println((options.dryRun ? "dry run, nothing written: " : "imported ")
                    + count(result.connectors(), "connector") + " and " + count(result.actions(), "action") + ": "
                    + r.count(Report.Outcome.CARRIED) + " carried, " + r.count(Report.Outcome.APPROXIMATED)
                    + " approximated, " + r.count(Report.Outcome.DROPPED) + " dropped");
            err.flush();
            return ExitCodes.OK;
        }

        private static String count(int n, String what) {
            return n + " " + what + (n == 1 ? "" : "s");
        }
    }
}
