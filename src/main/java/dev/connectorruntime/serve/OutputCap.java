package dev.connectorruntime.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.model.Sizes;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * SPEC §11 {@code --max-output}: an MCP result holds at most this much JSON text (UTF-8 bytes), because an agent's
 * context window is the scarce thing. An array is cut by whole items; an object whose largest member is an array
 * (Salesforce's {@code {totalSize, done, records}}) has that array cut; the result stays valid JSON, and a note
 * says how many of how many items were kept and how to narrow the call. Anything else too large is cut as text.
 *
 * @param text the JSON text to send
 * @param note what was cut, or {@code null} when nothing was
 */
record OutputCap(String text, String note) {

    static OutputCap of(JsonNode output, long max) {
        String whole = Json.compact(output);
        long size = bytes(whole);
        if (size <= max) {
            return new OutputCap(whole, null);
        }
        ArrayNode array = output.isArray() ? (ArrayNode) output : largestArray(output);
        if (array == null || array.isEmpty()) {
            String cut = cutText(whole, max);
            return new OutputCap(cut, "The output was cut to the first " + Sizes.format(bytes(cut)) + " of "
                    + Sizes.format(size) + " (--max-output " + Sizes.format(max) + "); it is not valid JSON."
                    + " Call again with inputs that select less.");
        }
        // the text without the array's items: what the kept items are added to
        long frame = bytes(Json.compact(withItems(output, array, 0)));
        long budget = max - frame;
        int kept = 0;
        long used = 0;
        for (JsonNode item : array) {
            long next = bytes(Json.compact(item)) + (kept > 0 ? 1 : 0);
            if (used + next > budget) {
                break;
            }
            used += next;
            kept++;
        }
        String text = Json.compact(withItems(output, array, kept));
        return new OutputCap(text, "The output was cut to fit --max-output " + Sizes.format(max) + ": " + kept
                + " of " + array.size() + " items kept (" + Sizes.format(size) + " in all)."
                + " Call again with inputs that select fewer items (a smaller limit, a narrower filter).");
    }

    /** The output with only the first {@code n} items of {@code array}, which is the output or one of its members. */
    private static JsonNode withItems(JsonNode output, ArrayNode array, int n) {
        ArrayNode items = Json.array();
        for (int i = 0; i < n; i++) {
            items.add(array.get(i));
        }
        if (output == array) {
            return items;
        }
        ObjectNode copy = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = output.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            copy.set(e.getKey(), e.getValue() == array ? items : e.getValue());
        }
        return copy;
    }

    private static ArrayNode largestArray(JsonNode output) {
        if (!output.isObject()) {
            return null;
        }
        ArrayNode best = null;
        long bestSize = -1;
        for (Iterator<JsonNode> it = output.elements(); it.hasNext(); ) {
            JsonNode v = it.next();
            if (v.isArray()) {
                long s = bytes(Json.compact(v));
                if (s > bestSize) {
                    best = (ArrayNode) v;
                    bestSize = s;
                }
            }
        }
        return best;
    }

    private static String cutText(String text, long max) {
        int end = (int) Math.min(text.length(), max);
        while (end > 0 && bytes(text.substring(0, end)) > max) {
            end -= Math.max(1, (int) ((bytes(text.substring(0, end)) - max) / 4));
        }
        if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, Math.max(0, end));
    }

    private static long bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
