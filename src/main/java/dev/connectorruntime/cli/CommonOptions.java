package dev.connectorruntime.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command that reads a workspace shares. */
final class CommonOptions {

    @Option(names = "--dir", paramLabel = "DIR", description = "The workspace (default: the current directory).")
    Path dir;

    @Option(names = "--debug", description = "On failure, also print the stack trace (secrets still masked).")
    boolean debug;

    @Option(names = "--json-errors", description = "Print a failure as one JSON object on stderr, for scripts and agents.")
    boolean jsonErrors;

    Path workspaceDir(Path cwd) {
        return dir == null ? cwd : cwd.resolve(dir);
    }
}
