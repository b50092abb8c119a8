package dev.connectorruntime.cli;

/** A command with {@link CommonOptions}, so the failure handler knows about --debug and --json-errors. */
interface HasCommonOptions {
    CommonOptions common();
}
