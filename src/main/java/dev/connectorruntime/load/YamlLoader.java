package dev.connectorruntime.load;

import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads one definition file into a {@link YNode} tree whose every node knows its file:line:col.
 *
 * <p>A definition is one YAML 1.2 document in UTF-8 of at most 4 MiB, without anchors, aliases, tags
 * or duplicate keys (SPEC §1). Anything else ends in {@link Failure#invalid} whose problems carry the
 * stable {@code yaml-*} codes: a syntax error gives exactly one problem (parsing cannot go on past
 * it); otherwise every tree-level problem of the file is reported at once.
 */
public final class YamlLoader {

    private static final String BOM = "\uFEFF";

    private YamlLoader() {
    }

    /**
     * Reads and parses {@code file}.
     *
     * @throws Failure of kind {@code INVALID} when the file cannot be read, is over 4 MiB, is not UTF-8
     *                 or is not an acceptable definition document
     */
    public static YNode load(Path file) {
        return parse(file, SourceFile.read(file));
    }

    /**
     * The file's bytes, for a caller that needs them as well as the tree (to digest them): read once, then given
     * to {@link #load(Path, byte[])}.
     *
     * @throws Failure of kind {@code INVALID} when the file cannot be read or is over 4 MiB
     */
    public static byte[] read(Path file) {
        return SourceFile.bytes(file);
    }

    /** Parses bytes read from {@code file} by {@link #read}: strict UTF-8, then as {@link #parse}. */
    public static YNode load(Path file, byte[] bytes) {
        return parse(file, SourceFile.decode(file, bytes));
    }

    /**
     * Parses {@code content} as if read from {@code file} (used only for locations). A leading byte
     * order mark is ignored; CRLF line ends are accepted.
     *
     * @throws Failure of kind {@code INVALID} when the content is not an acceptable definition document
     */
    public static YNode parse(Path file, String content) {
        String text = content.startsWith(BOM) ? content.substring(BOM.length()) : content;
        SourceText source = new SourceText(file, text);
        TreeBuilder builder = new TreeBuilder(source);
        YNode root;
        try {
            root = builder.build(new ParserImpl(new StreamReader(text), options()));
        } catch (MarkedYAMLException e) {
            throw Failure.invalid(List.of(SyntaxErrors.of(e, source, builder.openTemplateStart())));
        } catch (ReaderException e) {
            throw Failure.invalid(List.of(SyntaxErrors.of(e, source)));
        } catch (YAMLException e) {
            throw Failure.invalid(List.of(YamlProblems.syntax(firstLine(file), String.valueOf(e.getMessage()), null)));
        } catch (StackOverflowError e) { // the event loop does not recurse; kept so no error can escape
            throw Failure.invalid(List.of(YamlProblems.tooDeep(firstLine(file))));
        }
        List<Problem> problems = new ArrayList<>(builder.problems());
        if (root == null || root instanceof YScalar scalar && scalar.plain() && scalar.text().isEmpty()) {
            problems.add(YamlProblems.empty(firstLine(file)));
        }
        if (!problems.isEmpty()) {
            problems.sort(Problem.ORDER);
            throw Failure.invalid(problems);
        }
        return root;
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        // our own 4 MiB byte limit is checked before reading; SnakeYAML's (3 MB by default) must not fire first
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setAllowDuplicateKeys(false);
        options.setProcessComments(false);
        return options;
    }

    private static Location firstLine(Path file) {
        return new Location(file, 1, 1);
    }
}
