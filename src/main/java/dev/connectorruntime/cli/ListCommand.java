package dev.connectorruntime.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.load.Workspace;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Connector;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code list}: the catalog of actions and connectors. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the workspace's actions (connector, method, path, description) and connectors.")
final class ListCommand extends WorkspaceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    DescribeCommand.Format format;

    ListCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        Workspace workspace = workspace();
        List<String[]> actionRows = new ArrayList<>();
        ArrayNode actions = Json.array();
        for (Path file : workspace.actionFiles()) {
            Action a = Validator.action(file).definition();
            String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
            ObjectNode o = actions.addObject().put("name", name).put("valid", a != null);
            if (a == null) {
                actionRows.add(new String[] {name, "", "", "", "(invalid: run `validate`)"});
                continue;
            }
            o.put("connector", a.connector()).put("method", a.request().method().name())
                    .put("path", a.request().path().source()).put("description", a.description());
            actionRows.add(new String[] {name, a.connector(), a.request().method().name(), a.request().path().source(),
                nz(a.description())});
        }
        List<String[]> connectorRows = new ArrayList<>();
        ArrayNode connectors = Json.array();
        for (Path file : workspace.connectorFiles()) {
            Connector c = Validator.connector(file).definition();
            String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
            ObjectNode o = connectors.addObject().put("name", name).put("valid", c != null);
            if (c == null) {
                connectorRows.add(new String[] {name, "", "", "(invalid: run `validate`)"});
                continue;
            }
            String auth = DescribeCommand.authWords(c);
            String base = DescribeCommand.baseUrl(c);
            o.put("auth", auth).put("base_url", base).put("description", c.description());
            connectorRows.add(new String[] {name, auth, base, nz(c.description())});
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == DescribeCommand.Format.json) {
            ObjectNode all = Json.object();
            all.set("actions", actions);
            all.set("connectors", connectors);
            out.println(Terminal.clean(Json.compact(all)));
        } else {
            out.println("Actions:");
            Table.print(out, actionRows);
            out.println();
            out.println("Connectors:");
            Table.print(out, connectorRows);
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        FailurePrinter printer = new FailurePrinter(context.cwd());
        for (Path file : workspace.misnamedFiles()) {
            err.println("note: " + Terminal.line(printer.display(file)) + " is not read: rename it to "
                    + Terminal.line(Workspace.yamlName(file)));
        }
        err.flush();
        return ExitCodes.OK;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
