package dev.connectorruntime.load;

import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The folder a user works in (SPEC §1): {@code connectors/<name>.yaml} and {@code actions/<name>.yaml}.
 * Only files ending in {@code .yaml} count; listings are sorted by file name, and a missing folder is an
 * empty listing, not an error. A file that looks like a definition under another name ({@code .yml},
 * {@code .YAML}) is not read, and is reported as such ({@link #misnamedFiles()}), never skipped in silence.
 */
public final class Workspace {

    private static final String SUFFIX = ".yaml";

    private final Path dir;

    public Workspace(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** {@code dir/actions/<name>.yaml}, whether or not it exists. */
    public Path actionFile(String name) {
        return actions().resolve(name + SUFFIX);
    }

    /** {@code dir/connectors/<name>.yaml}, whether or not it exists. */
    public Path connectorFile(String name) {
        return connectors().resolve(name + SUFFIX);
    }

    /**
     * The action files, sorted by name.
     *
     * @throws Failure of kind {@code INVALID} ({@code yaml-unreadable}) when the folder exists but cannot be listed
     */
    public List<Path> actionFiles() {
        return yamlFiles(actions());
    }

    /**
     * The connector files, sorted by name.
     *
     * @throws Failure of kind {@code INVALID} ({@code yaml-unreadable}) when the folder exists but cannot be listed
     */
    public List<Path> connectorFiles() {
        return yamlFiles(connectors());
    }

    /**
     * The files of both folders that are not read for their extension ({@code .yml}, {@code .YAML}), sorted.
     *
     * @throws Failure of kind {@code INVALID} ({@code yaml-unreadable}) when a folder exists but cannot be listed
     */
    public List<Path> misnamedFiles() {
        return Stream.concat(files(actions(), Workspace::isMisnamed).stream(),
                files(connectors(), Workspace::isMisnamed).stream()).toList();
    }

    /** The action file of this name that is not read for its extension, or {@code null}. */
    public Path misnamedActionFile(String name) {
        return misnamed(actions(), name);
    }

    /** The connector file of this name that is not read for its extension, or {@code null}. */
    public Path misnamedConnectorFile(String name) {
        return misnamed(connectors(), name);
    }

    private static Path misnamed(Path folder, String name) {
        return files(folder, Workspace::isMisnamed).stream().filter(f -> yamlName(f).equals(name + SUFFIX))
                .findFirst().orElse(null);
    }

    /** Whether the file's name ends in {@code .yml}, or in {@code .yaml} in other letters: the runtime skips it. */
    public static boolean isMisnamed(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yml") || lower.endsWith(SUFFIX) && !name.endsWith(SUFFIX);
    }

    /** The name a misnamed file should have: {@code list-contacts.yml} → {@code list-contacts.yaml}. */
    public static String yamlName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.')) + SUFFIX;
    }

    /** The {@code wrong-extension} problem of a misnamed file. */
    public static Problem wrongExtension(Path file) {
        String name = file.getFileName().toString();
        return YamlProblems.wrongExtension(Location.of(file), name.substring(name.lastIndexOf('.')), yamlName(file));
    }

    /** The actions' names: their files' base names, sorted. */
    public List<String> actionNames() {
        return actionFiles().stream().map(Workspace::baseName).toList();
    }

    /** The connectors' names: their files' base names, sorted. */
    public List<String> connectorNames() {
        return connectorFiles().stream().map(Workspace::baseName).toList();
    }

    @Override
    public String toString() {
        return "Workspace[" + dir + "]";
    }

    private Path actions() {
        return dir.resolve("actions");
    }

    private Path connectors() {
        return dir.resolve("connectors");
    }

    private static List<Path> yamlFiles(Path folder) {
        return files(folder, p -> p.getFileName().toString().endsWith(SUFFIX));
    }

    private static List<Path> files(Path folder, Predicate<Path> named) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries
                    .filter(p -> named.test(p) && Files.isRegularFile(p))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of(); // removed between the check and the listing
        } catch (IOException e) {
            throw Failure.invalid(List.of(YamlProblems.unreadableFolder(Location.of(folder), SourceFile.reason(e))));
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - SUFFIX.length());
    }
}
