package dev.connectorruntime.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.model.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * An OpenAPI 3.0 or 3.1 document read into swagger-parser's model, without resolving anything: the parser is handed
 * a tree we built, so it never fetches a URL nor reads another file ({@link OpenApiRefs} follows local
 * {@code $ref}s). YAML is read with the YAML 1.2 core schema, not the parser's YAML 1.1 one, under which an enum
 * value {@code yes} or {@code on} would become {@code true} and {@code 010} the number 8; and without its 3 MB limit
 * (GitHub's description is 13 MB).
 */
final class OpenApiDocument {

    /** A large description in YAML; the JSON reader has no limit of its own. */
    private static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

    private OpenApiDocument() {
    }

    /**
     * @throws Failure {@code import-source} (exit 2) for a document that cannot be read, Swagger 2.0 (with a hint),
     *                 or one that is not OpenAPI 3.0/3.1
     */
    static OpenAPI read(byte[] bytes, String source) {
        JsonNode tree = tree(bytes, source);
        if (tree.has("swagger")) {
            throw Failure.of(Kind.USAGE, Code.IMPORT_SOURCE, source + " is a Swagger " + tree.path("swagger").asText()
                    + " document; import openapi reads OpenAPI 3.0 and 3.1")
                    .hint("convert it first, e.g. `npx swagger2openapi " + source + " -o openapi.yaml`, then import"
                            + " that").build();
        }
        String version = tree.path("openapi").asText("");
        if (!version.startsWith("3.0") && !version.startsWith("3.1")) {
            throw Failure.of(Kind.USAGE, Code.IMPORT_SOURCE, source + " is not an OpenAPI 3.0 or 3.1 document"
                    + (version.isEmpty() ? "" : " (openapi: " + version + ")"))
                    .hint("give an OpenAPI 3.0 or 3.1 description, YAML or JSON").build();
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().parseJsonNode(null, tree, options);
        if (result.getOpenAPI() == null) {
            throw Failure.of(Kind.USAGE, Code.IMPORT_SOURCE, "cannot read " + source + ": "
                    + String.join("; ", result.getMessages())).build();
        }
        return result.getOpenAPI();
    }

    private static JsonNode tree(byte[] bytes, String source) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String start = text.stripLeading();
        try {
            JsonNode node;
            if (start.startsWith("{")) {
                node = Json.parse(bytes);
            } else {
                LoaderOptions lo = new LoaderOptions();
                lo.setCodePointLimit(MAX_CODE_POINTS);
                lo.setMaxAliasesForCollections(1000);
                Yaml yaml = new Yaml(new SafeConstructor(lo), new Representer(new DumperOptions()), new DumperOptions(),
                        lo, new CoreSchema());
                node = Json.mapper().valueToTree(yaml.load(text));
            }
            if (node == null || !node.isObject()) {
                throw new IOException("it does not hold an object");
            }
            return node;
        } catch (IOException | YAMLException | IllegalArgumentException e) {
            throw Failure.of(Kind.USAGE, Code.IMPORT_SOURCE, "cannot read " + source + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""))
                    .hint("give an OpenAPI 3.0 or 3.1 description, YAML or JSON").build();
        }
    }

    /**
     * YAML 1.2's core schema, narrowed as the runtime's own loader narrows it: integers are decimal without a
     * leading zero (which SnakeYAML's constructor would read as octal), and there are no timestamps.
     */
    private static final class CoreSchema extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?(?:0|[1-9][0-9]*)$"), "-+0123456789");
            addImplicitResolver(Tag.FLOAT, Pattern.compile(
                    "^[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*(?:[eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+)$"), "-+.0123456789");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL|)$"), "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
            addImplicitResolver(Tag.MERGE, MERGE, "<");
        }
    }
}
