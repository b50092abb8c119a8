package dev.connectorruntime.importer;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.load.Workspace;
import dev.connectorruntime.model.Connector;
import dev.connectorruntime.validate.Validator;
import dev.connectorruntime.validate.WorkspaceCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a {@link Draft} into a workspace (SPEC §12): connectors chosen (the one {@code --connector} names, or one
 * of the workspace's with the same base URL, or the draft's own), drafts fitted to what {@code validate} accepts,
 * rendered, checked for files they would overwrite, validated in a staging copy, and only then written. Nothing is
 * written when anything fails, nor with {@code --dry-run}.
 */
public final class ImportWriter {

    /**
     * The common options of {@code import}.
     *
     * @param out       the workspace to write into
     * @param connector {@code --connector}: use this connector of the workspace, or create it; {@code null} if not given
     * @param force     replace existing files
     * @param dryRun    write nothing
     * @param strict    fail (nothing written) if anything was approximated or dropped
     * @param command   the command line as the files' comment names it, {@code runtime import curl}
     */
    public record Options(Path out, String connector, boolean force, boolean dryRun, boolean strict, String command) {
    }

    /** One file written (or, with {@code --dry-run}, that would be): its path under {@code out}, its text. */
    public record File(String path, String text) {
    }

    /** The files, and the warnings {@code validate} had for them (problems at their paths under {@code out}). */
    public record Result(List<File> files, List<Problem> warnings, int connectors, int actions) {
    }

    private ImportWriter() {
    }

    /**
     * @throws Failure {@code import-conflict} (exit 2) for files that exist without {@code --force};
     *                 {@code import-lossy} (exit 3) with {@code --strict}; {@code invalid-definitions} (exit 3) if
     *                 what would be written does not pass {@code validate}, which is a fault of the importer
     */
    public static Result write(Draft draft, Options options) {
        Report report = draft.report();
        Workspace workspace = new Workspace(options.out());
        Map<String, Connector> existing = existing(workspace);
        Choice choice = Choice.make(draft, options.connector(), existing, report);
        List<File> connectorFiles = new ArrayList<>();
        List<String> secretTexts = new ArrayList<>();
        for (ConnectorDraft c : choice.connectors()) {
            ConnectorDraft fitted = Fitting.connector(c, report);
            String text = DraftYaml.connector(fitted, options.command());
            connectorFiles.add(new File("connectors/" + fitted.name() + ".yaml", text));
            secretTexts.add(text);
        }
        List<ActionDraft> actions = new ArrayList<>();
        for (ActionDraft a : choice.actions()) {
            ConnectorDraft own = choice.connectors().stream().filter(c -> c.name().equals(a.connector()))
                    .findFirst().orElse(null);
            actions.add(Fitting.action(a, own, own == null ? existing.get(a.connector()) : null, report));
        }
        String env = EnvExample.merged(read(options.out().resolve(".env.example")),
                EnvExample.placeholders(secretTexts));
        List<File> files = files(connectorFiles, actions, env, options);
        List<String> conflicts = files.stream().map(File::path).filter(p -> !p.equals(".env.example"))
                .filter(p -> Files.exists(options.out().resolve(p))).toList();
        if (!conflicts.isEmpty() && !options.force()) {
            throw Failure.of(Kind.USAGE, Code.IMPORT_CONFLICT, "import would overwrite "
                    + String.join(", ", conflicts.stream().map(p -> options.out().resolve(p).toString()).toList()))
                    .hint("pass --force to replace " + (conflicts.size() == 1 ? "it" : "them")
                            + ", or --out DIR to write elsewhere").build();
        }
        List<Problem> warnings;
        try {
            warnings = validate(files, choice, workspace, options.out());
        } catch (Failure f) {
            // real documents hold examples that do not match their own schemas: such an example is dropped, once
            if (!Examples.drop(f, actions, report)) {
                throw f;
            }
            files = files(connectorFiles, actions, env, options);
            warnings = validate(files, choice, workspace, options.out());
        }
        if (options.strict() && report.lossy()) {
            throw Failure.of(Kind.INVALID, Code.IMPORT_LOSSY, "nothing was written: "
                    + report.count(Report.Outcome.APPROXIMATED) + " approximated, "
                    + report.count(Report.Outcome.DROPPED) + " dropped")
                    .hint("the lines above say what and why; run without --strict to write them anyway").build();
        }
        if (!options.dryRun()) {
            for (File f : files) {
                writeFile(options.out().resolve(f.path()), f.text());
            }
        }
        return new Result(files, warnings, choice.connectors().size(), choice.actions().size());
    }

    private static List<File> files(List<File> connectors, List<ActionDraft> actions, String env, Options options) {
        List<File> files = new ArrayList<>(connectors);
        for (ActionDraft a : actions) {
            files.add(new File("actions/" + a.name() + ".yaml", DraftYaml.action(a, options.command())));
        }
        if (env != null) {
            files.add(new File(".env.example", env));
        }
        return files;
    }

    /** The workspace's connectors that bind (errors or not), by name. */
    private static Map<String, Connector> existing(Workspace workspace) {
        Map<String, Connector> byName = new LinkedHashMap<>();
        for (Path f : workspace.connectorFiles()) {
            Validator.Checked<Connector> c = Validator.connector(f);
            Connector found = c.definition() != null ? c.definition() : c.partial();
            if (found != null) {
                byName.put(found.name(), found);
            }
        }
        return byName;
    }

    /**
     * SPEC §12: what is written passes {@code validate}. Checked in a staging copy of the workspace (the files to
     * write and the connectors they use), so that a fault of the importer writes nothing.
     */
    private static List<Problem> validate(List<File> files, Choice choice, Workspace workspace, Path out) {
        Path stage = null;
        try {
            stage = Files.createTempDirectory("import");
            for (File f : files) {
                writeFile(stage.resolve(f.path()), f.text());
            }
            for (String used : choice.used()) {
                Path from = workspace.connectorFile(used);
                writeFile(stage.resolve("connectors/" + from.getFileName()), read(from));
            }
            WorkspaceCheck.Report checked = WorkspaceCheck.run(new Workspace(stage), List.of());
            Path staged = stage.toAbsolutePath();
            List<Problem> problems = checked.problems().stream().map(p -> moved(p, staged, out)).toList();
            if (problems.stream().anyMatch(Problem::isError)) {
                throw Failure.of(Kind.INVALID, "the import would write definitions that do not pass validate;"
                        + " nothing was written").code(Code.INVALID_DEFINITIONS).problems(problems)
                        .hint("this is a fault of the importer: please report it with the source").build();
            }
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(stage);
        }
    }

    private static Problem moved(Problem p, Path stage, Path out) {
        Path file = p.location().file().toAbsolutePath();
        if (!file.startsWith(stage)) {
            return p;
        }
        Location at = new Location(out.resolve(stage.relativize(file)), p.location().line(), p.location().column());
        return new Problem(p.severity(), p.code(), at, p.message(), p.hint());
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw Failure.of(Kind.USAGE, Code.WRITE_FAILED, "cannot read " + file + ": " + e.getMessage()).build();
        }
    }

    private static void writeFile(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Failure.of(Kind.USAGE, Code.WRITE_FAILED, "cannot write " + file + ": " + e.getMessage()).build();
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a staging folder left in the temp directory is harmless
        }
    }
}
