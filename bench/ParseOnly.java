import dev.connectorruntime.load.Workspace;
import dev.connectorruntime.load.YamlLoader;
import java.nio.file.Path;

/**
 * The baseline of the validate benchmark: read and parse every definition file of a workspace into the located
 * YAML tree, and nothing else. Run as a single-file program against the jar:
 * {@code java -cp target/runtime.jar bench/ParseOnly.java WORKSPACE}.
 */
public class ParseOnly {
    public static void main(String[] args) {
        Workspace w = new Workspace(Path.of(args[0]));
        int n = 0;
        for (Path f : w.connectorFiles()) {
            YamlLoader.load(f);
            n++;
        }
        for (Path f : w.actionFiles()) {
            YamlLoader.load(f);
            n++;
        }
        System.err.println("parsed " + n + " files");
    }
}
