package dev.connectorruntime.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.http.PercentEncoding;
import dev.connectorruntime.model.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Local {@code $ref}s ({@code #/components/<kind>/<name>}) followed through the document's components, a chain of
 * references at most once round (a ref to itself ends). A remote or {@code file:} reference, or one to another file,
 * is never followed: an import fetches no URL and reads no other file. It is reported once, and what held it is
 * treated as absent. Recursion through schemas is {@link OpenApiSchemas}' concern.
 */
final class OpenApiRefs {

    private final Components components;
    private final Report report;
    private final Set<String> reported = new HashSet<>();

    OpenApiRefs(Components components, Report report) {
        this.components = components == null ? new Components() : components;
        this.report = report;
    }

    Schema<?> schema(Schema<?> s, String where) {
        return follow(s, Schema::get$ref, components.getSchemas(), "schemas", where);
    }

    Parameter parameter(Parameter p, String where) {
        return follow(p, Parameter::get$ref, components.getParameters(), "parameters", where);
    }

    RequestBody body(RequestBody b, String where) {
        return follow(b, RequestBody::get$ref, components.getRequestBodies(), "requestBodies", where);
    }

    ApiResponse response(ApiResponse r, String where) {
        return follow(r, ApiResponse::get$ref, components.getResponses(), "responses", where);
    }

    Example example(Example e, String where) {
        return follow(e, Example::get$ref, components.getExamples(), "examples", where);
    }

    /** The value of {@code example}, else of the first of {@code examples} that has one; {@code null} if none. */
    JsonNode example(Object example, Map<String, Example> examples, String where) {
        if (example != null) {
            return Json.mapper().valueToTree(example);
        }
        if (examples != null) {
            for (Example e : examples.values()) {
                Example r = example(e, where);
                if (r != null && r.getValue() != null) {
                    return Json.mapper().valueToTree(r.getValue());
                }
            }
        }
        return null;
    }

    SecurityScheme scheme(SecurityScheme s, String where) {
        return follow(s, SecurityScheme::get$ref, components.getSecuritySchemes(), "securitySchemes", where);
    }

    private <T> T follow(T start, Function<T, String> refOf, Map<String, T> named, String kind, String where) {
        T at = start;
        Set<String> seen = new HashSet<>();
        while (at != null && refOf.apply(at) != null) {
            String ref = refOf.apply(at);
            // swagger-parser writes a bare name ("Pet") as "#/components/schemas/Pet"
            String prefix = "#/components/" + kind + "/";
            if (!ref.startsWith("#")) {
                once(ref, "$ref " + ref + " in " + where, "an import fetches no URL and reads no other file: bundle"
                        + " the document into one file first (for example `npx @redocly/cli bundle`)");
                return null;
            }
            if (!ref.startsWith(prefix) || !seen.add(ref)) {
                once(ref, "$ref " + ref + " in " + where, seen.contains(ref) ? "it refers to itself"
                        : "only references into #/components/" + kind + " are followed");
                return null;
            }
            String name = unescape(ref.substring(prefix.length()));
            T next = named == null ? null : named.get(name);
            if (next == null) {
                once(ref, "$ref " + ref + " in " + where, "the document has no such component");
                return null;
            }
            at = next;
        }
        return at;
    }

    private void once(String ref, String what, String why) {
        if (reported.add(ref)) {
            report.dropped(what, why);
        }
    }

    /** JSON pointer escapes ({@code ~1} for {@code /}, {@code ~0} for {@code ~}) and percent-encoding. */
    static String unescape(String token) {
        String t = PercentEncoding.decode(token); // lenient: a bad escape stays as written
        return t.replace("~1", "/").replace("~0", "~");
    }
}
