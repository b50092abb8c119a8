package dev.connectorruntime.cli;

import dev.connectorruntime.auth.Token;
import dev.connectorruntime.auth.TokenStatus;
import dev.connectorruntime.auth.TokenStore;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.load.Workspace;
import dev.connectorruntime.engine.ConnectorRuntime;
import dev.connectorruntime.engine.SecretSource;
import dev.connectorruntime.validate.Definitions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code token CONNECTOR}: obtains or reuses a token and shows it, masked; {@code --clear} drops cached tokens. */
@Command(name = "token", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Obtain or reuse a connector's token and show where it came from, masked; or drop cached"
                + " tokens.",
        footer = {"", "Examples:",
            "  runtime token salesforce",
            "  curl -H \"Authorization: Bearer $(runtime token salesforce --show)\" https://...",
            "  runtime token salesforce --clear",
            "  runtime token --clear"})
final class TokenCommand extends WorkspaceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONNECTOR",
            description = "The connector's name (connectors/CONNECTOR.yaml); optional with --clear.")
    String connector;

    @Option(names = "--show", description = "Print only the raw token on stdout, for piping. It is not masked.")
    boolean show;

    @Option(names = "--clear",
            description = "Drop the connector's stored tokens (all connectors' without CONNECTOR) from the disk cache"
                    + " or the --token-store; ask for none.")
    boolean clear;

    @Option(names = "--no-token-cache",
            description = "Neither reuse nor keep a token on disk (a rotated refresh token is still kept).")
    boolean noTokenCache;

    @Option(names = {"-v", "--verbose"},
            description = "Trace the token request and its answer on stderr: method, URL, status, timing (masked).")
    boolean verbose;

    @Option(names = "--secrets", paramLabel = "FILE",
            description = "The secrets file (default: .env in the workspace). Environment variables win over it.")
    Path secrets;

    @Mixin
    TokenStoreOption tokenStore = new TokenStoreOption();

    TokenCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        Workspace workspace = workspace();
        PrintWriter out = spec.commandLine().getOut();
        if (clear) {
            try (TokenStore store = tokenStore.open(context, noTokenCache, spec.commandLine().getErr())) {
                return clear(workspace, store, out);
            }
        }
        if (connector == null) {
            throw Failure.of(Kind.USAGE, "missing CONNECTOR").code(Code.USAGE)
                    .hint("`token CONNECTOR` shows a connector's token; `token --clear` drops every cached token")
                    .build();
        }
        SecretSource secretSource = secrets != null
                ? SecretSource.of(context.environment(), context.cwd().resolve(secrets))
                : SecretSource.environmentAndDotenv(context.environment());
        TokenStatus status;
        ConnectorRuntime.Builder engine = context.engine().workspace(workspace.dir()).secrets(secretSource)
                .tokenStore(tokenStore.open(context, noTokenCache, spec.commandLine().getErr()));
        if (verbose) {
            engine.listener(new VerboseTrace(spec.commandLine().getErr(), context.redactor()));
        }
        try (ConnectorRuntime runtime = engine.build()) {
            status = runtime.token(connector);
        }
        Token token = status.token();
        if (show) {
            if (token == null) {
                throw Failure.of(Kind.USAGE, "connector `" + connector + "` uses " + status.type()
                        + " auth: there is no token to show").code(Code.USAGE)
                        .hint("--show is for OAuth2 connectors").build();
            }
            out.println(Terminal.escapeControls(token.accessToken().reveal()));
            out.flush();
            return ExitCodes.OK;
        }
        print(status, out);
        return ExitCodes.OK;
    }

    private int clear(Workspace workspace, TokenStore store, PrintWriter out) {
        if (show) {
            throw Failure.of(Kind.USAGE, "--show and --clear cannot be combined").code(Code.USAGE).build();
        }
        if (connector != null) {
            Definitions.requireConnector(workspace, connector);
        }
        int count = store.clear(connector);
        String of = connector == null ? "" : " of `" + connector + "`";
        out.println(Terminal.clean((count == 0 ? "no cached token" + of
                : "dropped " + count + (count == 1 ? " cached token" : " cached tokens") + of)
                + " in " + store.location()));
        out.flush();
        return ExitCodes.OK;
    }

    private void print(TokenStatus status, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"connector", connector});
        rows.add(new String[] {"type", status.type()});
        Token t = status.token();
        if (t == null) {
            rows.add(new String[] {"source", "the connector's own credentials: nothing to obtain, nothing cached"});
        } else {
            rows.add(new String[] {"source", t.source() == Token.Source.CACHE ? "cache (issued to an earlier run)"
                    : "new (just issued by the token endpoint)"});
            rows.add(new String[] {"token", "**** (" + t.accessToken().length() + " characters; --show prints it)"});
            rows.add(new String[] {"issued", t.issuedAt().truncatedTo(ChronoUnit.SECONDS).toString()});
            rows.add(new String[] {"expires", expiry(t, status.at())});
            rows.add(new String[] {"scope", t.scope() == null || t.scope().isBlank()
                    ? "not stated by the token endpoint" : context.redactor().redact(t.scope())});
        }
        rows.add(new String[] {"base URL", context.redactor().redact(status.baseUrl())});
        Table.print(out, rows);
        out.flush();
    }

    private static String expiry(Token t, Instant now) {
        if (t.expiresAt() == null) {
            return "unknown, renewed on 401";
        }
        Duration left = Duration.between(now, t.expiresAt());
        long seconds = Math.max(0, left.toSeconds());
        String in = seconds < 90 ? seconds + " s" : Math.round(seconds / 60.0) + " min";
        return t.expiresAt().truncatedTo(ChronoUnit.SECONDS) + " (in " + in + ")";
    }
}
