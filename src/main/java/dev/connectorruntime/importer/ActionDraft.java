package dev.connectorruntime.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * An action an import would write (SPEC §4, §12).
 *
 * @param name        the file's base name (SPEC §1), unique within the import
 * @param description for people and agents, or {@code null}
 * @param connector   the connector's name
 * @param inputs      typed inputs in order
 * @param request     what it sends
 * @param examples    §9 examples (each an object with {@code name}, {@code inputs}, {@code response}…), written as given
 * @param source      what it came from, for the comment at the top ({@code Postman request "Folder / Get user"})
 */
public record ActionDraft(String name, String description, String connector, List<InputDraft> inputs,
                          RequestDraft request, List<ObjectNode> examples, String source) {

    public ActionDraft {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(request, "request");
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    public ActionDraft withConnector(String c) {
        return new ActionDraft(name, description, c, inputs, request, examples, source);
    }

    public ActionDraft withRequest(RequestDraft r) {
        return new ActionDraft(name, description, connector, inputs, r, examples, source);
    }
}
