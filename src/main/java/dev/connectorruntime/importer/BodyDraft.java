package dev.connectorruntime.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one body of an action draft (SPEC §4): {@code json}, {@code form} or {@code text}. */
public sealed interface BodyDraft {

    /** {@code json:}, a tree whose string leaves are templates ({@code "{{name}}"} keeps the input's type). */
    record Json(JsonNode tree) implements BodyDraft {
    }

    /** {@code form:}, a map of templates. */
    record Form(Map<String, String> fields) implements BodyDraft {
        public Form {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /** {@code text:}, one template. */
    record Text(String text) implements BodyDraft {
    }
}
