package dev.connectorruntime.cli;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Suggestions;
import dev.connectorruntime.http.Version;
import dev.connectorruntime.engine.ConnectorRuntime;
import dev.connectorruntime.secret.Redactor;
import dev.connectorruntime.run.Warmup;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line. The only package that prints, and the one place that turns failures into exit codes.
 */
@Command(name = "runtime", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Run API actions described in YAML: connectors/ say where an API lives and how to"
                + " authenticate, actions/ say what to send.",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Exit codes:",
            "  0 ok   1 internal error, or a failing `test`   2 usage",
            "  3 invalid definitions or missing secret",
            "  4 authentication   5 API error   6 no answer   130 interrupted"})
public final class Main implements Runnable {

    private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("run") || args[0].equals("test"))) {
            Warmup.start(); // the second core prepares HTTP, YAML, templates and output expressions meanwhile
        }
        // UTF-8 whatever the locale: under LANG=C the JDK would print "José" as "Jos?".
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        if (args.length > 0 && args[0].equals("serve")) {
            System.exit(serve(args, out, err));
        }
        Context context = new Context(System.getenv(), Path.of("").toAbsolutePath(), System.console() != null,
                ConnectorRuntime::builder, new Redactor());
        Interrupts interrupts = Interrupts.install(Thread.currentThread());
        int code = execute(args, out, err, context);
        out.flush();
        err.flush();
        interrupts.finished();
        System.exit(code);
    }

    /**
     * {@code serve} in a real process: stdout is the protocol's alone (anything else printing on System.out goes to
     * stderr), library logs go to stderr redacted, and SIGTERM and Ctrl-C are the server's to handle: after such a
     * signal the JVM would exit 143/130 whatever its shutdown hooks do, and {@code System.exit} in a hook
     * deadlocks, so the server takes the signal, drains, returns, and the process exits 0.
     */
    private static int serve(String[] args, PrintWriter out, PrintWriter err) {
        System.setOut(new java.io.PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        Redactor redactor = new Redactor();
        StderrLogging.install(err, redactor);
        CountDownLatch stop = Signals.stopOn("TERM", "INT");
        Context context = new Context(System.getenv(), Path.of("").toAbsolutePath(), false,
                ConnectorRuntime::builder, redactor, System.in, stop);
        int code = execute(args, out, err, context);
        out.flush();
        err.flush();
        return code;
    }

    /** Runs one command line; returns its exit code. Tests call this with captured writers. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Context context) {
        // every CommandLine registers converters for the java.sql and java.time types by reflection, which loads
        // about 90 classes and the java.sql module (about 30 ms): no option here has such a type
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, "java\\.(sql|time)\\..*");
        }
        RunCommand quick = QuickRunParser.parse(args, context);
        if (quick != null) {
            try {
                return quick.execute(out, err);
            } catch (Exception ex) {
                return failed(ex, err, quick.common().jsonErrors, quick.common().debug, context);
            }
        }
        CommandLine cl = new CommandLine(new Main());
        Map<String, Supplier<Object>> commands = commands(context);
        Supplier<Object> only = args.length > 0 ? commands.get(args[0]) : null;
        // picocli reads every command's annotations when it is added (about 0.15 s for all of them): when the
        // first argument names a command, that one is all this process needs
        for (Supplier<Object> command : only != null ? List.of(only) : commands.values()) {
            cl.addSubcommand(command.get());
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> failed(usage(ex), ex.getCommandLine().getErr(),
                jsonErrorsAmong(a), false, context));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            CommonOptions common = commandLine.getCommand() instanceof WorkspaceCommand w ? w.common() : null;
            return failed(ex, commandLine.getErr(), common != null ? common.jsonErrors : jsonErrorsAmong(args),
                    common != null && common.debug, context);
        });
        return cl.execute(args);
    }

    /**
     * Whether {@code --json-errors} is among the raw arguments (before a {@code --}): a line picocli cannot read
     * has no parsed options, and its failure is still to be JSON when the flag was given. A flag inside an
     * {@code @file} is not seen there.
     */
    static boolean jsonErrorsAmong(String[] args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("--json-errors")) {
                return true;
            }
        }
        return false;
    }

    /** Prints what went wrong (as JSON with --json-errors, with the stack trace with --debug); its exit code. */
    private static int failed(Exception ex, PrintWriter err, boolean json, boolean debug, Context context) {
        Failure failure;
        if (ex instanceof Failure f) {
            failure = f;
        } else if (Thread.currentThread().isInterrupted()) {
            failure = Failure.of(Kind.INTERRUPTED, "interrupted").code(Code.INTERRUPTED).build();
        } else {
            failure = Failure.of(Kind.INTERNAL, "internal error: " + ex).code(Code.INTERNAL).cause(ex)
                    .hint("run again with --debug for the stack trace, and please report it").build();
        }
        int code = ExitCodes.of(failure.kind());
        new FailurePrinter(context.cwd()).print(failure.redacted(context.redactor()), err, json, code);
        if (debug) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.println(Terminal.clean(trace.toString(), context.redactor()));
            err.flush();
        }
        return code;
    }

    /** A command line picocli cannot read: an unknown command or option says the nearest known name. */
    private static Failure usage(CommandLine.ParameterException ex) {
        CommandLine cl = ex.getCommandLine();
        String help = "see `" + cl.getCommandSpec().qualifiedName() + " --help`";
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            if (cl.getParent() == null && !first.startsWith("-")) {
                String near = Suggestions.closest(first, cl.getSubcommands().keySet());
                return usage("unknown command `" + Terminal.line(first) + "`", near, help);
            }
            if (u.isUnknownOption()) {
                int eq = first.indexOf('=');
                String name = first.startsWith("--") && eq > 0 ? first.substring(0, eq) : first;
                // a short option is one letter away from every other: no guess for those
                String near = name.startsWith("--") ? Suggestions.closest(name, cl.getCommandSpec().optionsMap()
                        .keySet().stream().filter(o -> o.startsWith("--")).toList()) : null;
                return usage("unknown option `" + Terminal.line(name) + "`", near, help);
            }
        }
        // picocli starts some messages with "Error: ", which the printed "error: " already says
        return usage(Terminal.line(ex.getMessage()).replaceFirst("^Error: ", ""), null, help);
    }

    private static Failure usage(String message, String near, String help) {
        return Failure.of(Kind.USAGE, message).code(Code.USAGE)
                .hint(near != null ? "did you mean `" + near + "`?" : help).build();
    }

    private static Map<String, Supplier<Object>> commands(Context context) {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("run", () -> new RunCommand(context));
        commands.put("validate", () -> new ValidateCommand(context));
        commands.put("list", () -> new ListCommand(context));
        commands.put("describe", () -> new DescribeCommand(context));
        commands.put("token", () -> new TokenCommand(context));
        commands.put("test", () -> new TestCommand(context));
        commands.put("serve", () -> new ServeCommand(context));
        commands.put("openapi", () -> new CommandLine(new OpenApiCommand())
                .addSubcommand(new OpenApiCommand.Export(context)));
        commands.put("import", () -> ImportCommand.line(context));
        commands.put("schema", () -> new CommandLine(new SchemaCommand())
                .addSubcommand(new SchemaCommand.Export(context)));
        return commands;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"connector-runtime " + Version.get(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
