package dev.connectorruntime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.load.YamlLoader;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.http.Deadline;
import dev.connectorruntime.http.HttpListener;
import dev.connectorruntime.auth.TokenStore;
import dev.connectorruntime.engine.CallRequest;
import dev.connectorruntime.engine.ConnectorRuntime;
import dev.connectorruntime.engine.SecretSource;
import dev.connectorruntime.run.Output;
import dev.connectorruntime.sandbox.SandboxRun;
import dev.connectorruntime.validate.ValidationStamps;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code run ACTION}: runs one action and prints its output (SPEC §7). */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run one action and print its output on stdout.",
        footer = {"", "Examples:",
            "  runtime run list-contacts -i limit=5",
            "  runtime run get-contact --inputs inputs.json --secrets ~/.config/salesforce.env",
            "  runtime run list-contacts --sandbox --example \"two contacts\"",
            "  runtime run list-contacts --dry-run    # curl commands, nothing sent",
            "  runtime run list-contacts -v --timeout 2m",
            "  runtime run get-contact --batch ids.jsonl --concurrency 8 --rate 100/s > contacts.jsonl"})
final class RunCommand extends WorkspaceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "The action's name (actions/ACTION.yaml).")
    String action;

    @Option(names = {"-i", "--input"}, paramLabel = "NAME=VALUE",
            description = "An input value, parsed by the input's type (-i limit=5; arrays and objects as JSON).")
    Map<String, String> inputs = new LinkedHashMap<>();

    @Option(names = "--inputs", paramLabel = "FILE|-",
            description = "Input values as a JSON or YAML object, from a file or stdin (-); -i wins over it.")
    String inputsFile;

    @Option(names = "--secrets", paramLabel = "FILE",
            description = "The secrets file (default: .env in the workspace). Environment variables win over it.")
    Path secrets;

    @Option(names = "--no-token-cache",
            description = "Neither reuse nor keep a token on disk (a rotated refresh token is still kept).")
    boolean noTokenCache;

    @Mixin
    TokenStoreOption tokenStore = new TokenStoreOption();

    @Option(names = "--sandbox", description = "Run against the built-in sandbox, which answers as the action's"
            + " example says: no credentials, no network (SPEC §9).")
    boolean sandbox;

    @Option(names = "--example", paramLabel = "NAME",
            description = "With --sandbox: the example to play (default: the action's first).")
    String example;

    @Option(names = "--dry-run",
            description = "Print the requests as curl commands (secrets and tokens as shell variables); send nothing.")
    boolean dryRun;

    @Option(names = {"-v", "--verbose"},
            description = "Trace each request and answer on stderr: method, URL, status, timing, headers (masked).")
    boolean verbose;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "A total deadline for the whole run (token request, retries, pages): 500ms, 30s, 5m.")
    Duration timeout;

    @Option(names = "--max-body", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "The largest answer accepted (default: the connector's max_body, else 50MB): 64KB, 200MB.")
    Long maxBody;

    @Mixin
    BatchOptions batch = new BatchOptions();

    RunCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        return execute(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Runs with the options as parsed, printing on these writers; returns the exit code. */
    int execute(PrintWriter out, PrintWriter err) {
        if (example != null && !sandbox) {
            throw Failure.of(Kind.USAGE, "--example plays an example in the sandbox: add --sandbox").code(Code.USAGE)
                    .build();
        }
        checkDecoded();
        HttpListener listener = verbose ? new VerboseTrace(err, context.redactor()) : HttpListener.NONE;
        if (batch.active()) {
            refuseWithBatch();
            return new BatchRun(action, inputs, timeout, listener).run(batch, () -> live(engine(), err), context, out,
                    err);
        }
        batch.refuseWithoutBatch();
        Deadline deadline = timeout == null ? Deadline.NONE : Deadline.after(timeout);
        CallRequest request = CallRequest.of(action).inputs(inputsObject()).inputTexts(inputs)
                .deadline(deadline).listener(listener).build();
        ConnectorRuntime.Builder engine = engine();
        Output output;
        if (dryRun) {
            try (ConnectorRuntime runtime = engine.tokenStore(TokenStore.NONE).build()) {
                return DryRunPrinter.print(runtime.plan(request), out, err, context.cwd());
            }
        } else if (sandbox) {
            output = SandboxRun.run(engine, request, example);
        } else {
            try (ConnectorRuntime runtime = live(engine, err)) {
                output = runtime.call(request).output();
            }
        }
        OutputPrinter.print(output, out, context.terminal(), context.redactor());
        if (output.warning() != null) {
            err.println("warning: " + output.warning());
            err.flush();
        }
        return ExitCodes.OK;
    }

    /**
     * The engine's settings every run shares, a batch's included. The checks-passed stamps live in the cache folder
     * as the user's environment names it; the sandbox uses them too, but never the token cache (SPEC §9).
     */
    private ConnectorRuntime.Builder engine() {
        SecretSource secretSource = secrets != null
                ? SecretSource.of(context.environment(), context.cwd().resolve(secrets))
                : SecretSource.environmentAndDotenv(context.environment());
        ConnectorRuntime.Builder engine = context.engine().workspace(common.workspaceDir(context.cwd()))
                .secrets(secretSource).stamps(ValidationStamps.inCache(context.environment()));
        if (maxBody != null) {
            engine.maxBody(maxBody);
        }
        return engine;
    }

    /** The engine that sends for real, a single run's and a batch's alike: where its tokens are kept is set here. */
    private ConnectorRuntime live(ConnectorRuntime.Builder engine, PrintWriter err) {
        return engine.tokenStore(tokenStore.open(context, noTokenCache, err)).build();
    }

    /** Options of a single run that a batch does not take. */
    private void refuseWithBatch() {
        if (sandbox || example != null) {
            throw BatchOptions.notWith(sandbox ? "--sandbox" : "--example",
                    "the sandbox plays one example; try the action there without --batch first");
        }
        if (dryRun) {
            throw BatchOptions.notWith("--dry-run", "--dry-run shows the requests of one run: try it on one line's"
                    + " inputs with --inputs");
        }
        if (inputsFile != null) {
            throw BatchOptions.notWith("--inputs", "each line holds its inputs; -i values apply to every line");
        }
    }

    private ObjectNode inputsObject() {
        return inputsFile == null ? Json.object() : InputsFile.read(inputsFile, context.cwd(), context.stdin());
    }

    /** The JVM decodes arguments in the locale's charset, and puts U+FFFD for bytes it cannot decode. */
    private void checkDecoded() {
        inputs.forEach((name, value) -> {
            if (value.indexOf('\uFFFD') >= 0) {
                throw Failure.of(Kind.USAGE, "-i " + name + ": the value is not valid text: it holds U+FFFD, which"
                                + " stands for bytes that could not be decoded").code(Code.BAD_INPUT)
                        .hint("pass it in UTF-8 from a UTF-8 locale (LANG=C.UTF-8), or in an --inputs file").build();
            }
        });
    }
}
