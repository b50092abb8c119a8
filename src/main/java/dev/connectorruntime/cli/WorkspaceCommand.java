package dev.connectorruntime.cli;

import dev.connectorruntime.load.Workspace;
import picocli.CommandLine.Mixin;

/**
 * A command that reads a workspace: the options every such command shares ({@code --dir}, {@code --debug},
 * {@code --json-errors}) and what it takes from the world. The failure handler reads {@link #common()}.
 */
abstract class WorkspaceCommand {

    @Mixin
    CommonOptions common;

    final Context context;

    WorkspaceCommand(Context context) {
        this.context = context;
    }

    CommonOptions common() {
        return common;
    }

    /** The workspace {@code --dir} names, or the current directory. */
    Workspace workspace() {
        return new Workspace(common.workspaceDir(context.cwd()));
    }
}
