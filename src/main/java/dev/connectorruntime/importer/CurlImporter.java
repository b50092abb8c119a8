package dev.connectorruntime.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.model.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code import curl} (SPEC §12): one curl command line to one action and its connector. The line is read as a shell
 * reads it ({@link ShellWords}) and as curl reads it ({@link CurlParser}); credentials become the connector's auth
 * ({@link CurlAuth}); path identifiers, query parameters and body members become typed inputs whose default is the
 * literal ({@link LiteralInputs}).
 */
public final class CurlImporter {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

    private CurlImporter() {
    }

    /**
     * @param text   the command line (continuations, quotes and a leading {@code $ } prompt allowed)
     * @param source where it came from, for the files' comment ({@code a curl command line})
     * @throws Failure {@code import-source} (exit 2) when it is not a curl command this can read
     */
    public static Draft read(String text, String source) {
        Report report = new Report();
        CurlRequest req;
        try {
            List<String> words = new ArrayList<>(ShellWords.split(text));
            if (!words.isEmpty() && words.get(0).equals("$")) {
                words.remove(0);
            }
            req = CurlParser.parse(words, report);
        } catch (IllegalArgumentException e) {
            throw Failure.of(Kind.USAGE, Code.IMPORT_SOURCE, "cannot read the curl command: " + e.getMessage())
                    .hint("give one curl command line, as a shell would run it").build();
        }
        if (!METHODS.contains(req.method())) {
            throw Failure.of(Kind.USAGE, Code.IMPORT_SOURCE, "method " + req.method() + " is not one an action has")
                    .hint("an action's method is one of GET, POST, PUT, PATCH, DELETE, HEAD").build();
        }
        return draft(req, source, report);
    }

    /** The request as curl would send it: what the tests compare with curlconverter. */
    static CurlRequest request(String text) {
        return CurlParser.parse(ShellWords.split(text), new Report());
    }

    private static Draft draft(CurlRequest req, String source, Report report) {
        UrlParts url = UrlParts.of(req.url());
        String connector = connectorName(url.origin());
        CurlAuth.Result auth = CurlAuth.read(req, url.query(), connector, report);
        LiteralInputs inputs = new LiteralInputs(report);
        String path = inputs.path(url.path());
        Map<String, String> query = inputs.query(auth.query());
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : auth.headers()) {
            String had = headers.keySet().stream().filter(k -> k.equalsIgnoreCase(h.getKey())).findFirst().orElse(null);
            if (had != null) {
                report.dropped("header " + had + ": " + headers.remove(had), "an action sends a header once: the"
                        + " last one is kept");
            }
            headers.put(h.getKey(), h.getValue());
        }
        BodyDraft body = req.body() == null ? null : inputs.body(req.body(), headers);
        headers.forEach((k, v) -> report.carried("header " + k));
        String name = ImportNames.definition(actionWords(req.method(), url.path()));
        ConnectorDraft c = new ConnectorDraft(connector, null, url.origin(), auth.auth(), auth.connectorHeaders(),
                "a curl command line");
        ActionDraft a = new ActionDraft(name, req.method() + " " + url.path(), connector, inputs.inputs(),
                new RequestDraft(req.method(), path, query, headers, body), List.of(),
                source + ": " + req.method() + " " + url.path());
        return new Draft(List.of(c), List.of(a), report);
    }

    /** {@code https://api.github.com} → {@code github}; {@code http://127.0.0.1:8080} → {@code imported-127-0-0-1}. */
    static String connectorName(String origin) {
        String host = origin.substring(origin.indexOf("://") + 3).replaceFirst(":\\d*$", "")
                .replaceFirst("^.*@", "").toLowerCase(Locale.ROOT);
        if (host.matches("[0-9.]+|\\[.*]") || !host.contains(".")) {
            return ImportNames.definition(host);
        }
        List<String> labels = new ArrayList<>(List.of(host.split("\\.")));
        labels.remove(labels.size() - 1);
        while (labels.size() > 1 && Set.of("api", "www", "rest", "app", "gateway").contains(labels.get(0))) {
            labels.remove(0);
        }
        return ImportNames.definition(String.join("-", labels.size() > 2 ? labels.subList(labels.size() - 2,
                labels.size()) : labels));
    }

    /** The method and the path's last words ({@code GET /v1/users/42/orders} → {@code get users orders}). */
    private static String actionWords(String method, String path) {
        List<String> words = new ArrayList<>();
        for (String seg : path.split("/")) {
            if (!seg.isEmpty() && !Literals.id(seg) && !seg.matches("(?i)v\\d+(\\.\\d+)?|api")) {
                words.add(seg);
            }
        }
        List<String> last = words.size() > 3 ? words.subList(words.size() - 3, words.size()) : words;
        return method.toLowerCase(Locale.ROOT) + " " + String.join(" ", last);
    }

    static ArrayNode array() {
        return Json.array();
    }

    static JsonNode text(String s) {
        return Json.nodes().textNode(s);
    }
}
