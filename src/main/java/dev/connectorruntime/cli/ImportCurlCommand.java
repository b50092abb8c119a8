package dev.connectorruntime.cli;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.importer.CurlImporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code import curl [FILE|-]}: one action, and its connector unless one matches, from a curl command line. */
@Command(name = "curl", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write an action (and its connector) from a curl command line: FILE, or - / nothing for stdin.")
final class ImportCurlCommand extends ImportCommand.Source implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "A file holding the command line; - for stdin.")
    String file;

    ImportCurlCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        String text;
        String source;
        try {
            if (file == null || file.equals("-")) {
                text = new String(context.stdin().readAllBytes(), StandardCharsets.UTF_8);
                source = "a curl command line";
            } else {
                Path p = context.cwd().resolve(file);
                text = Files.readString(p, StandardCharsets.UTF_8);
                source = "the curl command line in " + p.getFileName();
            }
        } catch (IOException e) {
            throw Failure.of(Kind.USAGE, Code.IMPORT_SOURCE, "cannot read " + file + ": " + e.getMessage()).build();
        }
        return write(CurlImporter.read(text, source), "curl");
    }
}
