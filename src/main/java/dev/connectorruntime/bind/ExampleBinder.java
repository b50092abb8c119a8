package dev.connectorruntime.bind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.load.YList;
import dev.connectorruntime.load.YMap;
import dev.connectorruntime.load.YNode;
import dev.connectorruntime.load.YScalar;
import dev.connectorruntime.model.Example;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code examples:} → {@link Example}s (SPEC §4, §9). */
final class ExampleBinder {

    private ExampleBinder() {
    }

    static List<Example> bind(YList list, List<Problem> problems) {
        List<Example> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        Set<String> names = new HashSet<>();
        for (YNode item : list.items()) {
            YMap map = Fields.mapping(item, "an example", problems);
            if (map == null) {
                continue;
            }
            Example e = example(map, problems);
            if (e != null && !names.add(e.name())) {
                problems.add(Problem.error(Code.DUPLICATE_EXAMPLE, map.location(),
                        "two examples are named `" + e.name() + "`", "example names must be unique in an action"));
            } else if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    private static Example example(YMap map, List<Problem> problems) {
        Fields f = new Fields(map, "the example", problems);
        String name = f.string("name", true);
        YMap inputsMap = f.map("inputs", false);
        ObjectNode inputs = inputsMap == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) inputsMap.toJson();
        List<Example.Response> responses = new ArrayList<>();
        YMap one = f.map("response", false);
        YList many = f.list("responses");
        if (one != null && many != null) {
            problems.add(Problem.error(Code.SEVERAL_RESPONSES, map.location(),
                    "an example holds `response` or `responses`, not both", null));
        }
        if (one != null) {
            responses.add(response(one, problems));
        } else if (many != null) {
            for (YNode n : many.items()) {
                YMap m = Fields.mapping(n, "a response", problems);
                if (m != null) {
                    responses.add(response(m, problems));
                }
            }
        } else {
            problems.add(Problem.error(Code.MISSING_KEY, map.location(),
                    "the example needs `response` or `responses`"));
        }
        YNode output = f.node("output", false);
        YMap requestMap = f.map("request", false);
        Example.ExpectedRequest request = requestMap == null ? null : request(requestMap, problems);
        f.finish();
        if (name == null) {
            return null;
        }
        return new Example(name, inputs, responses, output == null ? null : output.toJson(), request,
                map.location());
    }

    private static Example.Response response(YMap map, List<Problem> problems) {
        Fields f = new Fields(map, "the response", problems);
        Long status = f.integer("status", 100, false);
        Map<String, String> headers = strings(f.scalarMap("headers"));
        YNode body = f.node("body", false);
        f.finish();
        return new Example.Response(status == null ? 200 : status.intValue(), headers,
                body == null ? null : body.toJson());
    }

    private static Example.ExpectedRequest request(YMap map, List<Problem> problems) {
        Fields f = new Fields(map, "the expected request", problems);
        String method = f.string("method", false);
        String path = f.string("path", false);
        Map<String, List<String>> query = new LinkedHashMap<>();
        YMap q = f.map("query", false);
        if (q != null) {
            for (YMap.Entry e : q.entries()) {
                List<String> values = new ArrayList<>();
                if (e.value() instanceof YList l) {
                    l.items().forEach(i -> values.add(text(i)));
                } else {
                    values.add(text(e.value()));
                }
                query.put(e.key(), values);
            }
        }
        Map<String, String> headers = strings(f.scalarMap("headers"));
        YNode body = f.node("body", false);
        f.finish();
        return new Example.ExpectedRequest(method, path, query, headers, body == null ? null : body.toJson());
    }

    private static String text(YNode n) {
        return n instanceof YScalar s ? s.text() : n.toJson().toString();
    }

    private static Map<String, String> strings(Map<String, YScalar> scalars) {
        Map<String, String> out = new LinkedHashMap<>();
        scalars.forEach((k, v) -> out.put(k, v.text()));
        return out;
    }

}
