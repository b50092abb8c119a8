package dev.connectorruntime.cli;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.load.Workspace;
import dev.connectorruntime.model.Example;
import dev.connectorruntime.sandbox.ExampleCheck;
import dev.connectorruntime.sandbox.JUnitReport;
import dev.connectorruntime.validate.Definitions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code test [ACTION...]}: every example of the actions through the sandbox (SPEC §9). One line per example on
 * stdout ({@code ok   list-contacts › two contacts}, or {@code FAIL …} with the reasons indented below it), then
 * exactly {@code N passed, N failed}, which CI scripts read. Exit 0 when all pass, 1 otherwise.
 */
@Command(name = "test", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the actions' examples against the built-in sandbox and check their output and request.",
        footer = {"", "Examples:",
            "  runtime test",
            "  runtime test list-contacts search-contacts --junit target/examples.xml"})
final class TestCommand extends WorkspaceCommand implements Callable<Integer> {

    private static final String INDENT = "     ";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ACTION", arity = "0..*", description = "The actions to test (default: all).")
    List<String> actions = new ArrayList<>();

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML, for CI.")
    Path junit;

    TestCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        Workspace workspace = workspace();
        List<String> names = actions.isEmpty() ? workspace.actionNames() : List.copyOf(new LinkedHashSet<>(actions));
        for (String name : names) {
            if (!workspace.actionNames().contains(name)) {
                // refuses the unknown action with the did-you-mean every command gives, before anything runs
                Definitions.forRun(workspace, name);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FailurePrinter printer = new FailurePrinter(context.cwd());
        // each action is checked in full below, and its examples run on those definitions, not reloaded
        ExampleCheck check = new ExampleCheck(context::engine);
        Instant started = Instant.now();
        List<ExampleCheck.Outcome> outcomes = new ArrayList<>();
        List<Problem> invalid = new ArrayList<>();
        for (String name : names) {
            Definitions.Pair pair;
            try {
                pair = Definitions.forRun(workspace, name);
            } catch (Failure f) {
                if (f.kind() != Kind.INVALID) {
                    throw f;
                }
                if (common.jsonErrors) {
                    invalid.addAll(f.problems()); // in the one JSON object at the end
                } else {
                    printer.print(f, err, false, ExitCodes.of(f.kind()));
                }
                List<String> reasons = new ArrayList<>();
                reasons.add("invalid definitions: " + f.getMessage());
                f.problems().stream().filter(Problem::isError)
                        .forEach(p -> reasons.add("  " + printer.display(p.location().file()) + ":"
                                + p.location().line() + ": " + p.message()));
                print(out, new ExampleCheck.Outcome(name, "(definitions)", reasons, Duration.ZERO), outcomes);
                continue;
            }
            if (pair.action().examples().isEmpty()) {
                err.println("note: `" + name + "` has no examples");
                err.flush();
            }
            for (Example example : pair.action().examples()) {
                print(out, check.check(workspace, pair, example), outcomes);
            }
        }
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        out.println((outcomes.size() - failed) + " passed, " + failed + " failed");
        out.flush();
        if (junit != null) {
            write(context.cwd().resolve(junit), JUnitReport.xml(outcomes, started));
        }
        if (failed > 0 && common.jsonErrors) {
            printer.print(Failure.of(Kind.TEST, failed + " of " + outcomes.size()
                            + (outcomes.size() == 1 ? " example" : " examples") + " failed").code(Code.EXAMPLES_FAILED)
                    .hint("stdout says what each failing example got").problems(invalid).build(),
                    err, true, ExitCodes.of(Kind.TEST));
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.of(Kind.TEST);
    }

    private static void print(PrintWriter out, ExampleCheck.Outcome o, List<ExampleCheck.Outcome> outcomes) {
        outcomes.add(o);
        out.println((o.passed() ? "ok   " : "FAIL ") + Terminal.line(o.action() + " › " + o.example()));
        for (String reason : o.reasons()) {
            out.println(INDENT + Terminal.line(reason));
        }
        out.flush();
    }

    private static void write(Path file, String xml) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Failure.of(Kind.USAGE, "--junit: cannot write " + file + ": " + e.getMessage())
                    .code(Code.WRITE_FAILED).build();
        }
    }
}
