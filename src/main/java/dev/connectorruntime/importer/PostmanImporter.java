package dev.connectorruntime.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code import postman} (SPEC §12): a Postman collection v2.1 (v2.0 read too) to a connector per base URL and auth,
 * and an action per request. Folders nest; an omitted {@code auth} inherits the folder's or the collection's,
 * {@code {"type": "noauth"}} means none. Scripts do not run: each one is reported.
 */
public final class PostmanImporter {

    private final Report report = new Report();
    private final PostmanVariables vars = new PostmanVariables();
    private final ImportNames.Scope connectorNames = ImportNames.Scope.definitions();
    private final ImportNames.Scope actionNames = ImportNames.Scope.definitions();
    private final Map<String, ConnectorDraft> connectors = new LinkedHashMap<>();
    private final List<ActionDraft> actions = new ArrayList<>();
    private final String collectionName;
    private final String source;

    private PostmanImporter(String collectionName, String source) {
        this.collectionName = collectionName;
        this.source = source;
    }

    /**
     * @param collection  the collection's JSON
     * @param environment an environment's JSON ({@code --environment}), or {@code null}
     * @param folder      only the requests under the folder of this name ({@code --folder}), or {@code null}
     * @param source      the file's name, for the files' comments
     * @throws Failure {@code import-source} (exit 2) for what is not a collection v2.0/v2.1, or an unknown folder
     */
    public static Draft read(JsonNode collection, JsonNode environment, String folder, String source) {
        String schema = collection.path("info").path("schema").asText("");
        if (!collection.path("item").isArray() || !collection.has("info")) {
            throw Failure.of(Kind.USAGE, Code.IMPORT_SOURCE, source + " is not a Postman collection v2.0 or v2.1")
                    .hint("export the collection from Postman as Collection v2.1").build();
        }
        if (!schema.isEmpty() && !schema.contains("/v2.1") && !schema.contains("/v2.0")) {
            throw Failure.of(Kind.USAGE, Code.IMPORT_SOURCE, source + " is a collection of another version: "
                    + schema).hint("export the collection from Postman as Collection v2.1").build();
        }
        PostmanImporter importer = new PostmanImporter(collection.path("info").path("name").asText("postman"),
                source);
        importer.vars.add(collection.get("variable"));
        if (environment != null) {
            importer.vars.add(environment.get("values"));
        }
        importer.scripts(collection, "the collection", null, collection.get("auth"));
        boolean found = importer.walk(collection.get("item"), collection.get("auth"), "", folder, folder == null);
        if (!found) {
            throw Failure.of(Kind.USAGE, Code.IMPORT_SOURCE, "the collection has no folder named `" + folder + "`")
                    .hint(folderHint(collection.get("item"))).build();
        }
        return new Draft(List.copyOf(importer.connectors.values()), importer.actions, importer.report);
    }

    /** @return whether the folder asked for was found (or none was asked for) */
    private boolean walk(JsonNode items, JsonNode auth, String path, String folder, boolean inside) {
        boolean found = inside;
        for (JsonNode item : items) {
            String name = item.path("name").asText("request");
            String where = path.isEmpty() ? name : path + " / " + name;
            JsonNode own = item.get("auth");
            JsonNode effective = own != null && !own.isNull() ? own : auth;
            if (item.has("item")) {
                boolean in = inside || name.equals(folder);
                if (in) {
                    scripts(item, "folder " + where, null, effective);
                }
                found |= walk(item.get("item"), effective, where, folder, in);
            } else if (inside && item.has("request")) {
                request(item, effective, where);
            }
        }
        return found;
    }

    private void request(JsonNode item, JsonNode auth, String where) {
        PostmanRequest r = new PostmanRequest(item, vars, report, where);
        if (r.method() == null) {
            return;
        }
        String base = r.base();
        AuthDraft probe = PostmanAuth.read(auth, "x", vars, new Report(), where);
        String key = base + "\n" + probe;
        ConnectorDraft had = connectors.get(key);
        if (had == null) {
            String name = connectorName(base.startsWith("<<") ? ImportNames.definition(collectionName)
                    : CurlImporter.connectorName(base), probe);
            had = new ConnectorDraft(name, collectionName, base, PostmanAuth.read(auth, name, vars, report,
                    where), Map.of(), "Postman collection \"" + collectionName + "\" (" + source + ")");
        }
        ConnectorDraft connector = had;
        ActionDraft action = r.action(actionNames.take(ImportNames.definition(item.path("name").asText())),
                connector.name(), "Postman request \"" + where + "\" in " + source);
        Map<String, String> headers = new LinkedHashMap<>(connector.headers());
        r.connectorHeaders().forEach((k, v) -> headers.putIfAbsent(k, vars.credential(v, connector.name(),
                ImportNames.input(k))));
        connectors.put(key, connector.withHeaders(headers));
        actions.add(action);
        scripts(item, "request " + where, connector, null);
    }

    /** The base URL's name; a second connector for it (another auth) is named after its auth: {@code shop-basic}. */
    private String connectorName(String name, AuthDraft auth) {
        if (connectors.values().stream().noneMatch(c -> c.name().equals(name))) {
            return connectorNames.take(name);
        }
        String kind = auth instanceof AuthDraft.Basic ? "basic" : auth instanceof AuthDraft.Bearer ? "bearer"
                : auth instanceof AuthDraft.ApiKey ? "api-key" : auth instanceof AuthDraft.OAuth2 ? "oauth2" : "public";
        return connectorNames.take(name + "-" + kind);
    }

    /** Scripts do not run; one often fetches a token, which the connector's auth does instead. */
    private void scripts(JsonNode item, String where, ConnectorDraft connector, JsonNode auth) {
        boolean authorized = connector != null ? !(connector.auth() instanceof AuthDraft.None)
                : auth != null && !(PostmanAuth.read(auth, "x", vars, new Report(), where) instanceof AuthDraft.None);
        for (JsonNode event : item.path("event")) {
            JsonNode exec = event.path("script").path("exec");
            String text = exec.isArray() ? String.join("\n", toList(exec)) : exec.asText("");
            if (text.isBlank()) {
                continue;
            }
            String kind = event.path("listen").asText().equals("test") ? "test script" : "pre-request script";
            boolean token = text.contains("sendRequest") && text.toLowerCase(java.util.Locale.ROOT).contains("token");
            String why = "scripts do not run";
            if (token && authorized) {
                why += "; it fetches a token, which " + (connector != null ? "connector " + connector.name()
                        + "'s auth" : "the connectors' auth") + " replaces";
            } else if (token) {
                why += "; it fetches a token: give the connector an oauth2 auth (client_credentials or password)"
                        + " instead";
            }
            report.dropped(kind + " of " + where, why);
        }
    }

    private static List<String> toList(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String folderHint(JsonNode items) {
        List<String> names = new ArrayList<>();
        folders(items, names);
        return names.isEmpty() ? "the collection has no folders: leave out --folder"
                : "its folders: " + String.join(", ", names);
    }

    private static void folders(JsonNode items, List<String> out) {
        for (JsonNode item : items) {
            if (item.has("item")) {
                out.add(item.path("name").asText());
                folders(item.get("item"), out);
            }
        }
    }
}
