package dev.connectorruntime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.compile.InputSchema;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Body;
import dev.connectorruntime.model.Connector;
import dev.connectorruntime.model.Example;
import dev.connectorruntime.model.Input;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.model.OAuth2;
import dev.connectorruntime.model.OutputFrom;
import dev.connectorruntime.model.Paginate;
import dev.connectorruntime.validate.Definitions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code describe ACTION}: its inputs, connector, request and examples. */
@Command(name = "describe", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show one action: its inputs (type, required, default, constraints), connector, request and"
                + " examples. --format json adds the inputs as one JSON Schema, as a tool definition needs.")
final class DescribeCommand extends WorkspaceCommand implements Callable<Integer> {

    /** Output formats of list and describe. */
    enum Format { text, json }

    /** What {@code output_from: response} gives the output expression (SPEC §4). */
    private static final String WHOLE_RESPONSE = "the response: {status, headers, body}";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "The action's name.")
    String action;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    Format format;

    DescribeCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        Definitions.Pair pair = Definitions.forRun(workspace(), action);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(Terminal.clean(Json.compact(json(pair.action(), pair.connector()))));
        } else {
            text(pair.action(), pair.connector(), out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String authWords(Connector c) {
        return c.auth() instanceof OAuth2 o ? "oauth2 " + o.grantType() : c.auth().type();
    }

    static String baseUrl(Connector c) {
        if (c.baseUrlFrom() != null) {
            return "from the token response's `" + c.baseUrlFrom() + "`";
        }
        return c.baseUrl() == null ? "" : c.baseUrl().source();
    }

    private static void text(Action a, Connector c, PrintWriter out) {
        out.println(a.name() + (a.description() == null ? "" : ": " + Terminal.line(a.description())));
        out.println();
        out.println("Connector: " + c.name() + " (" + authWords(c) + "; base URL " + baseUrl(c) + ")");
        out.println("Request:   " + a.request().method() + " " + Terminal.line(a.request().path().source()));
        a.request().query().forEach((k, v) -> out.println("  query    " + k + " = " + Terminal.line(v.source())));
        a.request().headers().forEach((k, v) -> out.println("  header   " + k + ": " + Terminal.line(v.source())));
        Body body = a.request().body();
        if (body != null) {
            out.println("  body     " + bodyKind(body));
        }
        if (a.paginate() != null) {
            out.println("Paginate:  items " + a.paginate().items() + ", " + style(a.paginate().style()) + ", at most "
                    + a.paginate().maxPages() + " pages" + (a.paginate().truncate() ? " (then truncated)" : ""));
        }
        if (a.outputFrom() == OutputFrom.RESPONSE) {
            out.println(a.output() == null ? "Output:    " + WHOLE_RESPONSE
                    : "Output:    " + Terminal.line(a.output()) + "\n  from     " + WHOLE_RESPONSE);
        } else if (a.output() != null) {
            out.println("Output:    " + Terminal.line(a.output()));
        }
        out.println();
        out.println("Inputs:");
        List<String[]> rows = new ArrayList<>();
        for (Input i : a.inputs()) {
            rows.add(new String[] {i.name(), i.type().schemaName(),
                i.required() ? "required" : i.defaultValue() != null ? "default " + Json.compact(i.defaultValue()) : "optional",
                constraints(i), i.description() == null ? "" : i.description()});
        }
        Table.print(out, rows);
        if (!a.examples().isEmpty()) {
            out.println();
            out.println("Examples:");
            List<String[]> ex = new ArrayList<>();
            for (Example e : a.examples()) {
                ex.add(new String[] {e.name(), "inputs " + Json.compact(e.inputs()),
                    e.output() == null ? "" : "output " + abbreviate(Json.compact(e.output()))});
            }
            Table.print(out, ex);
        }
    }

    private static ObjectNode json(Action a, Connector c) {
        ObjectNode o = Json.object();
        o.put("name", a.name()).put("description", a.description()).put("connector", c.name())
                .put("auth", authWords(c)).put("base_url", baseUrl(c));
        ObjectNode request = o.putObject("request");
        request.put("method", a.request().method().name()).put("path", a.request().path().source());
        ObjectNode query = request.putObject("query");
        a.request().query().forEach((k, v) -> query.put(k, v.source()));
        ObjectNode headers = request.putObject("headers");
        a.request().headers().forEach((k, v) -> headers.put(k, v.source()));
        request.put("body", a.request().body() == null ? null : bodyKind(a.request().body()));
        if (a.paginate() != null) {
            o.putObject("paginate").put("items", a.paginate().items()).put("style", style(a.paginate().style()))
                    .put("max_pages", a.paginate().maxPages());
        }
        o.put("output", a.output()).put("output_from", a.outputFrom().yamlName());
        ArrayNode inputs = o.putArray("inputs");
        for (Input i : a.inputs()) {
            ObjectNode in = inputs.addObject().put("name", i.name()).put("type", i.type().schemaName())
                    .put("required", i.required());
            in.set("default", i.defaultValue());
            in.put("description", i.description());
        }
        o.set("input_schema", InputSchema.of(a));
        ArrayNode examples = o.putArray("examples");
        for (Example e : a.examples()) {
            ObjectNode ex = examples.addObject().put("name", e.name());
            ex.set("inputs", e.inputs());
            ex.set("output", e.output());
        }
        return o;
    }

    private static String constraints(Input i) {
        List<String> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = i.schema().fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!List.of("type", "description", "default").contains(e.getKey())) {
                out.add(e.getKey() + " " + (e.getValue().isTextual() ? e.getValue().asText() : Json.compact(e.getValue())));
            }
        }
        return String.join(", ", out);
    }

    private static String bodyKind(Body body) {
        if (body instanceof Body.Json j) {
            return "json " + Json.compact(j.tree());
        }
        if (body instanceof Body.Form f) {
            return "form " + String.join(", ", f.fields().keySet());
        }
        return "text";
    }

    private static String style(Paginate.Style s) {
        if (s instanceof Paginate.NextUrl n) {
            return "next_url " + n.pointer();
        }
        if (s instanceof Paginate.Cursor c) {
            return "cursor " + c.from() + " → " + c.param();
        }
        if (s instanceof Paginate.Link) {
            return "Link header";
        }
        if (s instanceof Paginate.Offset o) {
            return "offset " + o.param() + " by " + o.pageSize();
        }
        Paginate.Page p = (Paginate.Page) s;
        return "page " + p.param() + " by " + p.pageSize();
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 59) + "…" : s;
    }
}
