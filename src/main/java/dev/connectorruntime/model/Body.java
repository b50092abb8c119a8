package dev.connectorruntime.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.error.Location;
import java.util.Map;

/** An action's request body: at most one of {@code json}, {@code form} or {@code text} (SPEC §4). */
public sealed interface Body permits Body.Json, Body.Form, Body.Text {

    /**
     * {@code json:} any tree; every string leaf is a template, and a leaf that is exactly {@code {{x}}} keeps
     * the input's type.
     *
     * @param tree      the tree as written
     * @param locations where each string leaf stands, by JSON pointer ({@code /contact/name})
     */
    record Json(JsonNode tree, Map<String, Location> locations) implements Body {
        public Json {
            tree = tree.deepCopy();
            locations = Map.copyOf(locations);
        }

        @Override
        public JsonNode tree() {
            return tree.deepCopy();
        }
    }

    /** {@code form:} fields sent as {@code application/x-www-form-urlencoded}. */
    record Form(Map<String, TemplateText> fields) implements Body {
        public Form {
            fields = Copies.ordered(fields);
        }
    }

    /** {@code text:} a plain-text body. */
    record Text(TemplateText text) implements Body {
    }
}
