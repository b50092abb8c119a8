package dev.connectorruntime.bind;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.load.YList;
import dev.connectorruntime.load.YMap;
import dev.connectorruntime.load.YNode;
import dev.connectorruntime.load.YScalar;
import dev.connectorruntime.model.Body;
import dev.connectorruntime.model.Request;
import dev.connectorruntime.model.TemplateText;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code request:} → {@link Request} (SPEC §4). */
final class RequestBinder {

    private final List<Problem> problems;

    RequestBinder(List<Problem> problems) {
        this.problems = problems;
    }

    Request bind(YMap map) {
        Fields f = new Fields(map, "`request`", problems);
        String method = f.oneOf("method", true, List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"));
        YScalar path = f.scalar("path", true);
        if (path != null) {
            checkPath(path);
        }
        Map<String, TemplateText> query = templates(f.scalarMap("query"));
        Map<String, TemplateText> headers = templates(f.headers("headers"));
        headers.forEach((name, value) -> Names.refuseReservedHeader(true, name, value.location(), problems));
        Body body = body(f);
        f.finish();
        if (path == null) {
            return null;
        }
        // a bad method is already reported; GET stands in so the rest of the action can still be checked
        return new Request(method == null ? Request.Method.GET : Request.Method.valueOf(method), new TemplateText(path.text(), path.location()),
                query, headers, body);
    }

    private void checkPath(YScalar path) {
        String p = path.text();
        if (!p.startsWith("/")) {
            problems.add(Problem.error(Code.BAD_PATH, path.location(), "`path` must start with `/`",
                    "write `/" + p + "`; the connector's base URL goes in front of it"));
        } else if (Request.sectionSpansSegments(p)) {
            problems.add(Problem.error(Code.BAD_PATH, path.location(), "a section in `path` (`{{#x}}`…`{{/x}}`,"
                            + " `{{^x}}`…`{{/x}}`) may not span a `/`: the path is rendered segment by segment",
                    "keep each section within one segment (`/things{{#as_json}}.json{{/as_json}}`), make the input"
                            + " required or give it a default, or move the optional part under `query:`"));
        } else if (outsideTags(p).contains("?") || outsideTags(p).contains("#")) {
            problems.add(Problem.error(Code.BAD_PATH, path.location(), "`path` may not hold a query string or fragment",
                    "put query parameters under `query:`"));
        }
    }

    /** The text without its {@code {{…}}} tags: {@code {{#x}}} opens a section, it is no fragment. */
    private static String outsideTags(String template) {
        return template.replaceAll("\\{\\{.*?}}", "");
    }

    private Body body(Fields f) {
        YNode json = f.node("json", false);
        YMap form = f.has("form") ? f.map("form", false) : null;
        YScalar text = f.scalar("text", false);
        int bodies = (json != null ? 1 : 0) + (form != null ? 1 : 0) + (text != null ? 1 : 0);
        if (bodies > 1) {
            Location second = java.util.stream.Stream.of("json", "form", "text").filter(f::has).map(f::keyLocationOf)
                    .sorted(java.util.Comparator.comparingInt(Location::line).thenComparingInt(Location::column))
                    .skip(1).findFirst().orElse(f.location());
            problems.add(Problem.error(Code.SEVERAL_BODIES, second,
                    "`request` may hold only one of `json`, `form` and `text`", null));
            return null;
        }
        if (json != null) {
            Map<String, Location> locations = new HashMap<>();
            leafLocations(json, "", locations);
            return new Body.Json(json.toJson(), locations);
        }
        if (form != null) {
            return new Body.Form(templates(f.scalarMap("form")));
        }
        if (text != null) {
            return new Body.Text(new TemplateText(text.text(), text.location()));
        }
        return null;
    }

    private static void leafLocations(YNode node, String pointer, Map<String, Location> out) {
        if (node instanceof YScalar s) {
            out.put(pointer, s.location());
        } else if (node instanceof YMap m) {
            for (YMap.Entry e : m.entries()) {
                leafLocations(e.value(), pointer + "/" + e.key().replace("~", "~0").replace("/", "~1"), out);
            }
        } else if (node instanceof YList l) {
            for (int i = 0; i < l.items().size(); i++) {
                leafLocations(l.items().get(i), pointer + "/" + i, out);
            }
        }
    }

    private static Map<String, TemplateText> templates(Map<String, YScalar> scalars) {
        Map<String, TemplateText> out = new LinkedHashMap<>();
        scalars.forEach((k, v) -> out.put(k, new TemplateText(v.text(), v.location())));
        return out;
    }
}
