package dev.connectorruntime.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.model.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JSON equality as a reader means it (numbers by value: {@code 2}, {@code 2.0} and {@code 2e0} are equal; member
 * order ignored; array order kept), and the differences as lines a reader can act on:
 * {@code [1].Name: expected "Alan Turing", got "Grace Hopper"}.
 */
final class JsonDiff {

    static final int MAX_LINES = 10;
    private static final int MAX_VALUE = 120;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonDiff() {
    }

    static boolean equal(JsonNode expected, JsonNode actual) {
        return expected.equals(BY_VALUE, actual);
    }

    /** Every difference, at most {@value #MAX_LINES} lines (the last says how many more). */
    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        walk("", expected, actual, out);
        if (out.size() > MAX_LINES) {
            int more = out.size() - (MAX_LINES - 1);
            out = new ArrayList<>(out.subList(0, MAX_LINES - 1));
            out.add("… and " + more + " more differences");
        }
        return out;
    }

    private static void walk(String path, JsonNode e, JsonNode a, List<String> out) {
        if (equal(e, a)) {
            return;
        }
        if (e.isObject() && a.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = e.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String at = member(path, f.getKey());
                if (!a.has(f.getKey())) {
                    out.add(at + ": missing, expected " + show(f.getValue()));
                } else {
                    walk(at, f.getValue(), a.get(f.getKey()), out);
                }
            }
            Iterator<String> names = a.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!e.has(name)) {
                    out.add(member(path, name) + ": not expected, got " + show(a.get(name)));
                }
            }
        } else if (e.isArray() && a.isArray()) {
            int common = Math.min(e.size(), a.size());
            for (int i = 0; i < common; i++) {
                walk(path + "[" + i + "]", e.get(i), a.get(i), out);
            }
            if (e.size() != a.size()) {
                out.add(where(path) + "expected " + items(e.size()) + ", got " + items(a.size()));
            }
            for (int i = common; i < e.size(); i++) {
                out.add(path + "[" + i + "]: missing, expected " + show(e.get(i)));
            }
            for (int i = common; i < a.size(); i++) {
                out.add(path + "[" + i + "]: not expected, got " + show(a.get(i)));
            }
        } else {
            out.add(where(path) + "expected " + show(e) + ", got " + show(a));
        }
    }

    private static String member(String path, String name) {
        if (IDENTIFIER.matcher(name).matches()) {
            return path.isEmpty() ? name : path + "." + name;
        }
        return path + "[" + Json.compact(Json.nodes().textNode(name)) + "]";
    }

    private static String where(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }

    private static String items(int n) {
        return n == 1 ? "1 item" : n + " items";
    }

    /** Compact JSON, shortened past {@value #MAX_VALUE} characters. */
    static String show(JsonNode node) {
        return show(node, MAX_VALUE);
    }

    /** Compact JSON, shortened past {@code max} characters. */
    static String show(JsonNode node, int max) {
        String s = Json.compact(node);
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }
}
