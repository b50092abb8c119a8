package dev.connectorruntime.cli;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.validate.SchemaCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code schema export DIR}: the JSON Schemas the runtime validates with, for editors outside this repo. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "The JSON Schemas of connectors and actions.")
final class SchemaCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code schema export DIR}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write connector.schema.json and action.schema.json into DIR (created if needed).",
            footer = {"", "Then start each file with: # yaml-language-server: $schema=<path to DIR>/<kind>.schema.json"})
    static final class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "Where to write the schemas.")
        Path dir;

        /** Read by {@link Main} from the command line, as for a line that does not parse. */
        @Option(names = "--json-errors", description = "Print a failure as one JSON object on stderr.")
        boolean jsonErrors;

        private final Context context;

        Export(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Path dir = context.cwd().resolve(this.dir);
            try {
                Files.createDirectories(dir);
                for (SchemaCheck.Schema schema : SchemaCheck.Schema.values()) {
                    Path target = dir.resolve(schema.fileName());
                    try (InputStream in = Main.class.getClassLoader().getResourceAsStream(schema.resource())) {
                        if (in == null) {
                            throw Failure.of(Kind.INTERNAL, "the jar holds no " + schema.resource())
                                    .code(Code.INTERNAL).build();
                        }
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    spec.commandLine().getOut().println("wrote " + target);
                }
            } catch (IOException e) {
                throw Failure.of(Kind.USAGE, "cannot write the schemas to " + dir + ": " + e.getMessage())
                        .code(Code.WRITE_FAILED).build();
            }
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
