package dev.connectorruntime.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.auth.TokenStore;
import dev.connectorruntime.engine.ConnectorRuntime;
import dev.connectorruntime.engine.SecretSource;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.serve.OpenApi;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code openapi export FILE}: the document {@code serve --http} serves at /openapi.json, offline (SPEC §11). */
@Command(name = "openapi", mixinStandardHelpOptions = true,
        description = "The OpenAPI 3.1 document of the HTTP gateway.")
final class OpenApiCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code openapi export FILE [--server URL]}. */
    @Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Write the OpenAPI 3.1 document of `serve --http` to FILE (- for stdout), for review and CI.")
    static final class Export extends WorkspaceCommand implements Callable<Integer> {

        static final String DEFAULT_SERVER = "http://127.0.0.1:8080";

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Where to write the document (JSON); - for stdout.")
        String file;

        @Option(names = "--server", paramLabel = "URL",
                description = "The URL callers reach the server at (default: " + DEFAULT_SERVER + ").")
        String server = DEFAULT_SERVER;

        @Option(names = "--token-required",
                description = "Document the bearer serve token (implied when CONNECTOR_RUNTIME_SERVE_TOKEN is set).")
        boolean tokenRequired;

        @Option(names = "--actions", paramLabel = "NAME", split = ",", description = "Only these actions.")
        List<String> actions = new ArrayList<>();

        @Option(names = "--read-only", description = "Only GET and HEAD actions and those marked tool: {read_only: true}.")
        boolean readOnly;

        Export(Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            String token = context.environment().get("CONNECTOR_RUNTIME_SERVE_TOKEN");
            boolean required = tokenRequired || token != null && !token.isEmpty();
            ObjectNode doc;
            // no secret is needed to describe the actions: none is read, no token asked for
            try (ConnectorRuntime engine = context.engine().workspace(workspace().dir())
                    .secrets(SecretSource.of(Map.of())).tokenStore(TokenStore.NONE).build()) {
                doc = OpenApi.export(engine, new LinkedHashSet<>(actions), readOnly, server, required, line -> {
                    err.println(Terminal.clean(line));
                    err.flush();
                });
            }
            String text = Json.pretty(doc) + "\n";
            if (file.equals("-")) {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
            Path target = context.cwd().resolve(file);
            try {
                Files.writeString(target, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw Failure.of(Kind.USAGE, "cannot write " + target + ": " + e.getMessage()).code(Code.WRITE_FAILED)
                        .build();
            }
            err.println("wrote " + target + " (" + doc.get("paths").size() + " operations)");
            err.flush();
            return ExitCodes.OK;
        }
    }
}
