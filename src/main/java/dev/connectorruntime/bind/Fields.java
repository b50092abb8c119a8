package dev.connectorruntime.bind;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.error.Suggestions;
import dev.connectorruntime.load.YList;
import dev.connectorruntime.load.YMap;
import dev.connectorruntime.load.YNode;
import dev.connectorruntime.load.YScalar;
import dev.connectorruntime.model.Durations;
import dev.connectorruntime.model.Sizes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the keys of one YAML mapping, collecting a {@link Problem} for each missing, mistyped or unknown key
 * instead of throwing. Call {@link #finish()} once every known key has been read.
 */
final class Fields {

    private final YMap map;
    private final String context;
    private final List<Problem> problems;
    private final Set<String> known = new LinkedHashSet<>();

    /**
     * @param context how messages name this mapping: {@code "the connector"}, {@code "auth"}, {@code "input `limit`"}
     */
    Fields(YMap map, String context, List<Problem> problems) {
        this.map = map;
        this.context = context;
        this.problems = problems;
    }

    /** The node as a mapping, or {@code null} after reporting what it is instead. */
    static YMap mapping(YNode node, String what, List<Problem> problems) {
        if (node instanceof YMap m) {
            return m;
        }
        problems.add(Problem.error(Code.WRONG_TYPE, node.location(),
                what + " must be a mapping, not " + a(node.kindName())));
        return null;
    }

    /** "a list", "an integer": the kind of a node with its article. */
    static String a(String kind) {
        return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }

    Location location() {
        return map.location();
    }

    Location locationOf(String key) {
        YMap.Entry e = map.entry(key);
        return e == null ? map.location() : e.value().location();
    }

    Location keyLocationOf(String key) {
        YMap.Entry e = map.entry(key);
        return e == null ? map.location() : e.keyLocation();
    }

    boolean has(String key) {
        known.add(key);
        YNode n = map.get(key);
        return n != null && !(n instanceof YScalar s && s.isNull());
    }

    /** The value of {@code key}, or {@code null} when absent or written as null. */
    YNode node(String key, boolean required) {
        known.add(key);
        YNode n = map.get(key);
        if (n == null || n instanceof YScalar s && s.isNull()) {
            if (required) {
                problems.add(Problem.error(Code.MISSING_KEY, map.location(),
                        context + " needs `" + key + "`", null));
            }
            return null;
        }
        return n;
    }

    YScalar scalar(String key, boolean required) {
        YNode n = node(key, required);
        if (n == null) {
            return null;
        }
        if (n instanceof YScalar s) {
            return s;
        }
        problems.add(Problem.error(Code.WRONG_TYPE, n.location(),
                "`" + key + "` must be a single value, not " + a(n.kindName())));
        return null;
    }

    /** The text of a scalar as written: {@code 2.10} stays {@code "2.10"}. */
    String string(String key, boolean required) {
        YScalar s = scalar(key, required);
        return s == null ? null : s.text();
    }

    Boolean bool(String key) {
        YScalar s = scalar(key, false);
        if (s == null) {
            return null;
        }
        Boolean b = s.asBoolean();
        if (b == null) {
            problems.add(Problem.error(Code.WRONG_TYPE, s.location(),
                    "`" + key + "` must be true or false, not `" + s.text() + "`",
                    "YAML 1.2 booleans are only `true` and `false`"));
        }
        return b;
    }

    Long integer(String key, long min, boolean required) {
        YScalar s = scalar(key, required);
        if (s == null) {
            return null;
        }
        Long value = null;
        if (s.plain()) {
            try {
                value = Long.parseLong(s.text());
            } catch (NumberFormatException e) {
                value = null;
            }
        }
        if (value == null || value < min) {
            problems.add(Problem.error(Code.BAD_VALUE, s.location(),
                    "`" + key + "` must be a whole number of at least " + min + ", not `" + s.text() + "`"));
            return null;
        }
        return value;
    }

    Duration duration(String key) {
        YScalar s = scalar(key, false);
        if (s == null) {
            return null;
        }
        Duration d = Durations.parse(s.text());
        if (d == null || d.isZero()) {
            problems.add(Problem.error(Code.BAD_DURATION, s.location(),
                    "`" + key + "` is not a duration: `" + s.text() + "`",
                    "write a whole number with a unit: 500ms, 30s, 5m, 2h"));
        }
        return d;
    }

    Long size(String key) {
        YScalar s = scalar(key, false);
        if (s == null) {
            return null;
        }
        Long bytes = Sizes.parse(s.text());
        if (bytes == null) {
            problems.add(Problem.error(Code.BAD_SIZE, s.location(),
                    "`" + key + "` is not a size: `" + s.text() + "`",
                    "write a whole number of bytes, or with a unit: 64KB, 50MB, 1GB (at most 2GB)"));
        }
        return bytes;
    }

    /** One of {@code allowed}, or {@code null} after reporting. */
    String oneOf(String key, boolean required, List<String> allowed) {
        YScalar s = scalar(key, required);
        if (s == null) {
            return null;
        }
        if (allowed.contains(s.text())) {
            return s.text();
        }
        String near = Suggestions.closest(s.text(), allowed);
        problems.add(Problem.error(Code.BAD_VALUE, s.location(),
                "`" + key + "` must be one of " + String.join(", ", allowed) + ", not `" + s.text() + "`",
                near == null ? null : "did you mean `" + near + "`?"));
        return null;
    }

    YMap map(String key, boolean required) {
        YNode n = node(key, required);
        return n == null ? null : mapping(n, "`" + key + "`", problems);
    }

    YList list(String key) {
        YNode n = node(key, false);
        if (n == null) {
            return null;
        }
        if (n instanceof YList l) {
            return l;
        }
        problems.add(Problem.error(Code.WRONG_TYPE, n.location(),
                "`" + key + "` must be a list, not " + a(n.kindName())));
        return null;
    }

    /** A mapping of names to single values (headers, query, form), in the order written. */
    Map<String, YScalar> scalarMap(String key) {
        YMap m = map(key, false);
        Map<String, YScalar> out = new LinkedHashMap<>();
        if (m == null) {
            return out;
        }
        for (YMap.Entry e : m.entries()) {
            if (e.value() instanceof YScalar s) {
                if (!s.isNull()) {
                    out.put(e.key(), s);
                }
            } else {
                problems.add(Problem.error(Code.WRONG_TYPE, e.value().location(),
                        "`" + key + "." + e.key() + "` must be a single value, not " + a(e.value().kindName()),
                        "write it as a string; quote it if it starts with `{{` or `{`"));
            }
        }
        return out;
    }

    /** A map of header names to values: {@link #scalarMap}, each name checked against RFC 9110's token rule. */
    Map<String, YScalar> headers(String key) {
        Map<String, YScalar> out = scalarMap(key);
        YNode n = map.get(key);
        if (n instanceof YMap m) {
            for (YMap.Entry e : m.entries()) {
                Names.checkHeaderName(e.key(), e.keyLocation(), problems);
            }
        }
        return out;
    }

    /** Reports every key that no reader asked for, with the nearest known key as a hint. */
    void finish() {
        List<String> candidates = new ArrayList<>(known);
        for (YMap.Entry e : map.entries()) {
            if (known.contains(e.key())) {
                continue;
            }
            String near = Suggestions.closest(e.key(), candidates);
            String hint = near != null ? "did you mean `" + near + "`?"
                    : "expected one of: " + String.join(", ", candidates);
            problems.add(Problem.error(Code.UNKNOWN_KEY, e.keyLocation(),
                    "unknown key `" + e.key() + "` in " + context, hint));
        }
    }
}
