package dev.connectorruntime.sandbox;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Example;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.model.Paginate;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the API for one example: refuses a request without the sandbox's credentials (a 401 in the API's style),
 * checks the first request against the example's {@code request}, and answers the example's responses in order,
 * the URLs the runtime follows (a redirect's {@code Location}, a paginating {@code Link} header, the
 * {@code paginate.next_url} field) moved to the sandbox's origin.
 */
final class ApiEndpoint {

    private static final Pattern ABSOLUTE_ORIGIN = Pattern.compile("(?i)\\bhttps?://[^/\\s<>;,\"?#]+");

    private final Action action;
    private final Example example;
    private final Gate gate;
    private final ApiStyle style;
    private final URI origin;
    private final List<String> problems = new ArrayList<>();
    private int requests;
    private int served;

    ApiEndpoint(Action action, Example example, Gate gate, ApiStyle style, URI origin) {
        this.action = action;
        this.example = example;
        this.gate = gate;
        this.style = style;
        this.origin = origin;
    }

    synchronized Reply handle(RecordedRequest r) {
        Gate.Verdict verdict = gate.check(r);
        if (verdict != Gate.Verdict.ACCEPTED) {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            headers.add(Map.entry("Content-Type", "application/json;charset=UTF-8"));
            if (gate.challenge() != null) {
                headers.add(gate.challenge());
            }
            return new Reply(401, headers, Json.compact(style.unauthorized(verdict == Gate.Verdict.MISSING))
                    .getBytes(StandardCharsets.UTF_8));
        }
        requests++;
        if (requests == 1 && example.request() != null) {
            List<String> differences = RequestMatcher.differences(example.request(), r, gate.queryParameter());
            if (!differences.isEmpty()) {
                problems.add("the request differs from the example's `request`:");
                differences.forEach(d -> problems.add("  " + d));
                return Reply.refusal(400, "the request differs from example `" + example.name() + "`: "
                        + String.join("; ", differences));
            }
        }
        if (served >= example.responses().size()) {
            String message = "example `" + example.name() + "` has " + responses(example.responses().size())
                    + ", and this is request " + requests + " (" + r + ")";
            problems.add("the action sent more requests than the example has responses: " + message);
            return Reply.refusal(400, message);
        }
        return reply(example.responses().get(served++), r.method());
    }

    /** What went wrong on the API's side of the example: a request that differs, one too many. */
    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /** How many of the example's responses were served. */
    synchronized int served() {
        return served;
    }

    private Reply reply(Example.Response response, String method) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        boolean contentType = false;
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            contentType |= name.equals("content-type");
            headers.add(Map.entry(h.getKey(), followed(name, response.status()) ? rebase(h.getValue()) : h.getValue()));
        }
        for (Map.Entry<String, String> extra : style.headers(requests)) {
            if (response.headers().keySet().stream().noneMatch(k -> k.equalsIgnoreCase(extra.getKey()))) {
                headers.add(extra);
            }
        }
        JsonNode body = response.body();
        byte[] bytes = null;
        if (body != null && !method.equals("HEAD")) {
            String declared = response.headers().entrySet().stream()
                    .filter(h -> h.getKey().equalsIgnoreCase("Content-Type")).map(Map.Entry::getValue)
                    .findFirst().orElse("application/json");
            boolean json = declared.toLowerCase(Locale.ROOT).contains("json");
            String text = json || !body.isTextual() ? Json.compact(nextUrlRebased(body)) : body.asText();
            bytes = text.getBytes(StandardCharsets.UTF_8);
            if (!contentType) {
                headers.add(0, Map.entry("Content-Type", "application/json;charset=UTF-8"));
            }
        }
        return new Reply(response.status(), headers, bytes);
    }

    /**
     * Whether the runtime follows this header's URL: a redirect's {@code Location}, and {@code Link} when the action
     * paginates by it. Only those move to the sandbox's origin; any other header is served as written, so that an
     * output read from it ({@code output_from: response}) equals the example's.
     */
    private boolean followed(String lowerCaseName, int status) {
        return switch (lowerCaseName) {
            case "location" -> status >= 300 && status < 400;
            case "link" -> action.paginate() != null && action.paginate().style() instanceof Paginate.Link;
            default -> false;
        };
    }

    /** The {@code next_url} field of a page, when it is an absolute URL, moved to the sandbox's origin. */
    private JsonNode nextUrlRebased(JsonNode body) {
        if (action.paginate() == null || !(action.paginate().style() instanceof Paginate.NextUrl n)) {
            return body;
        }
        JsonPointer pointer = JsonPointer.compile(n.pointer());
        JsonNode value = body.at(pointer);
        if (!value.isTextual() || !ABSOLUTE_ORIGIN.matcher(value.asText()).lookingAt()) {
            return body;
        }
        JsonNode copy = body.deepCopy();
        JsonNode parent = copy.at(pointer.head());
        String rebased = rebase(value.asText());
        if (parent instanceof ObjectNode o) {
            o.put(pointer.last().getMatchingProperty(), rebased);
        } else if (parent instanceof ArrayNode a) {
            a.set(pointer.last().getMatchingIndex(), Json.nodes().textNode(rebased));
        }
        return copy;
    }

    private String rebase(String text) {
        Matcher m = ABSOLUTE_ORIGIN.matcher(text);
        return m.replaceAll(Matcher.quoteReplacement(origin.toString()));
    }

    private static String responses(int n) {
        return n == 1 ? "1 response" : n + " responses";
    }
}
