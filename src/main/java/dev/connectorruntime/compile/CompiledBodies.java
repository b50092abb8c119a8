package dev.connectorruntime.compile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.http.Form;
import dev.connectorruntime.model.Body;
import dev.connectorruntime.template.Template;
import dev.connectorruntime.template.Templates;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The one place that turns a {@link Body} into its {@link CompiledBody}, and the kinds that need no more. */
final class CompiledBodies {

    /** No body: nothing to send and no content type. */
    static final CompiledBody NONE = new CompiledBody() {
        @Override
        public byte[] render(Map<String, JsonNode> values) {
            return null;
        }

        @Override
        public String contentType() {
            return null;
        }

        @Override
        public Collection<Template> templates() {
            return List.of();
        }
    };

    private CompiledBodies() {
    }

    /** Parses every template of {@code body} ({@code null}: none), adding a problem for each one that is wrong. */
    static CompiledBody compile(Body body, Set<String> declared, List<Problem> problems) {
        if (body instanceof Body.Json json) {
            return JsonBody.compile(json, declared, problems);
        }
        if (body instanceof Body.Form f) {
            return new FormBody(CompiledAction.compileAll(f.fields(), declared, problems));
        }
        if (body instanceof Body.Text t) {
            return new Text(Templates.compile(t.text().source(), t.text().location(), declared, problems));
        }
        return NONE;
    }

    /** {@code form}: each field form-encoded; a field that is exactly {@code {{x}}} is left out when x is not given. */
    private record FormBody(Map<String, Template> fields) implements CompiledBody {

        FormBody {
            fields = Collections.unmodifiableMap(fields);
        }

        @Override
        public byte[] render(Map<String, JsonNode> values) {
            List<Map.Entry<String, Template>> given = fields.entrySet().stream()
                    .filter(f -> !f.getValue().isSingleVariable() || values.containsKey(f.getValue().singleVariable()))
                    .toList();
            return Form.encode(given, Map.Entry::getKey, f -> f.getValue().render(values))
                    .getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String contentType() {
            return Form.MEDIA_TYPE;
        }

        @Override
        public Collection<Template> templates() {
            return fields.values();
        }
    }

    /** {@code text}: the template rendered as it is. */
    private record Text(Template text) implements CompiledBody {

        @Override
        public byte[] render(Map<String, JsonNode> values) {
            return text.render(values).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String contentType() {
            return "text/plain; charset=utf-8";
        }

        @Override
        public Collection<Template> templates() {
            return Collections.singletonList(text);
        }
    }
}
