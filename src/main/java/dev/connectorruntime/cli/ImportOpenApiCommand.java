package dev.connectorruntime.cli;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.importer.OpenApiImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import openapi FILE [--tag T]... [--operation ID]... [--read-only]} (SPEC §12). */
@Command(name = "openapi", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a connector per server and security requirement, and an action per operation, from an"
                + " OpenAPI 3.0 or 3.1 document (YAML or JSON).")
final class ImportOpenApiCommand extends ImportCommand.Source implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The OpenAPI document, YAML or JSON, in one file.")
    Path file;

    @Option(names = "--tag", paramLabel = "T", description = "Only operations with this tag (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--operation", paramLabel = "ID", description = "Only the operation with this operationId"
            + " (repeatable).")
    List<String> operations = new ArrayList<>();

    @Option(names = "--read-only", description = "Only GET and HEAD operations.")
    boolean readOnly;

    ImportOpenApiCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        Path resolved = context.cwd().resolve(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(resolved);
        } catch (IOException e) {
            throw Failure.of(Kind.USAGE, Code.IMPORT_SOURCE, "cannot read " + resolved + ": " + e.getMessage())
                    .build();
        }
        return write(OpenApiImporter.read(bytes, file.getFileName().toString(),
                new OpenApiImporter.Filter(tags, operations, readOnly)), "openapi");
    }
}
