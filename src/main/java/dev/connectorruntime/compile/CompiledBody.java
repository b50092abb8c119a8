package dev.connectorruntime.compile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.template.Template;
import java.util.Collection;
import java.util.Map;

/**
 * An action's request body (SPEC §4) with its templates parsed once; one small class per body kind, made by
 * {@link CompiledBodies#compile}. Immutable: many threads render one body at once.
 */
interface CompiledBody {

    /**
     * The body's bytes for these input values, encoded as SPEC §5.2–§5.3 say for its kind; {@code null} when the
     * action sends no body.
     */
    byte[] render(Map<String, JsonNode> values);

    /** The {@code Content-Type} sent unless a header names one; {@code null} when there is no body. */
    String contentType();

    /** Every template of the body. */
    Collection<Template> templates();
}
