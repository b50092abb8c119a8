package dev.connectorruntime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.importer.PostmanImporter;
import dev.connectorruntime.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import postman FILE [--folder NAME] [--environment FILE]} (SPEC §12). */
@Command(name = "postman", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a connector per base URL and auth, and an action per request, from a Postman"
                + " collection (v2.1; v2.0 read too).")
final class ImportPostmanCommand extends ImportCommand.Source implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The collection, exported from Postman (JSON).")
    Path file;

    @Option(names = "--folder", paramLabel = "NAME", description = "Only the requests under this folder.")
    String folder;

    @Option(names = "--environment", paramLabel = "FILE",
            description = "A Postman environment whose variables win over the collection's.")
    Path environment;

    ImportPostmanCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        JsonNode collection = json(file);
        JsonNode env = environment == null ? null : json(environment);
        return write(PostmanImporter.read(collection, env, folder, file.getFileName().toString()), "postman");
    }

    private JsonNode json(Path p) {
        Path resolved = context.cwd().resolve(p);
        try {
            JsonNode node = Json.parse(Files.readAllBytes(resolved));
            if (node == null || !node.isObject()) {
                throw new IOException("it does not hold a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw Failure.of(Kind.USAGE, Code.IMPORT_SOURCE, "cannot read " + resolved + ": " + Terminal.line(
                    String.valueOf(e.getMessage()).lines().findFirst().orElse(""))).build();
        }
    }
}
