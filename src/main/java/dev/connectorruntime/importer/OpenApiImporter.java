package dev.connectorruntime.importer;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Suggestions;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code import openapi} (SPEC §12): an OpenAPI 3.0 or 3.1 document to a connector per server and security
 * requirement, and an action per operation ({@link OpenApiOperation}). The first server is the base URL, its
 * variables at their defaults; a relative one is a placeholder for the origin. Operations are named after their
 * {@code operationId} (else method and path) and can be chosen by tag, id, or read-only methods.
 */
public final class OpenApiImporter {

    /**
     * Which operations to import; empty lists choose all.
     *
     * @param tags       {@code --tag}: operations with any of these tags
     * @param operations {@code --operation}: operations with these ids; each must exist
     * @param readOnly   {@code --read-only}: GET and HEAD only
     */
    public record Filter(List<String> tags, List<String> operations, boolean readOnly) {
        public Filter {
            tags = tags == null ? List.of() : List.copyOf(tags);
            operations = operations == null ? List.of() : List.copyOf(operations);
        }
    }

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^{}]+)}");

    private final Report report = new Report();
    private final OpenAPI api;
    private final String source;
    private final String apiName;
    private final OpenApiRefs refs;
    private final OpenApiSchemas schemas;
    private final OpenApiSecurity security;
    private final ImportNames.Scope connectorNames = ImportNames.Scope.definitions();
    private final ImportNames.Scope actionNames = ImportNames.Scope.definitions();
    private final Map<String, ConnectorDraft> connectors = new LinkedHashMap<>();
    private final List<ActionDraft> actions = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();
    private final Map<List<Server>, String> bases = new HashMap<>();

    private OpenApiImporter(OpenAPI api, String source) {
        this.api = api;
        this.source = source;
        String title = api.getInfo() == null ? null : api.getInfo().getTitle();
        this.apiName = ImportNames.definition(title != null && !title.isBlank() ? title
                : source.replaceFirst("\\.(ya?ml|json)$", ""));
        this.refs = new OpenApiRefs(api.getComponents(), report);
        this.schemas = new OpenApiSchemas(refs);
        this.security = new OpenApiSecurity(api.getComponents() == null ? null
                : api.getComponents().getSecuritySchemes(), refs, report);
    }

    /**
     * @param document the document's bytes, YAML or JSON
     * @param source   the file's name, for messages and the files' comments
     * @throws Failure {@code import-source} (exit 2): not OpenAPI 3.0/3.1 (Swagger 2.0 with a hint), an unknown
     *                 {@code --operation}, or no operation left by the filter
     */
    public static Draft read(byte[] document, String source, Filter filter) {
        OpenApiImporter importer = new OpenApiImporter(OpenApiDocument.read(document, source), source);
        importer.operations(filter);
        return new Draft(List.copyOf(importer.connectors.values()), importer.actions, importer.report);
    }

    private void operations(Filter filter) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> tags = new TreeSet<>();
        Set<String> missing = new LinkedHashSet<>(filter.operations());
        if (api.getPaths() != null) {
            for (Map.Entry<String, PathItem> p : api.getPaths().entrySet()) {
                PathItem item = p.getValue();
                if (item.get$ref() != null) {
                    report.dropped("path " + p.getKey() + " ($ref " + item.get$ref() + ")", "path item references"
                            + " are not followed: bundle the document first");
                    continue;
                }
                for (Map.Entry<PathItem.HttpMethod, Operation> o : item.readOperationsMap().entrySet()) {
                    Operation op = o.getValue();
                    String method = o.getKey().name();
                    String id = op.getOperationId();
                    if (id != null) {
                        ids.add(id);
                        missing.remove(id);
                    }
                    if (op.getTags() != null) {
                        tags.addAll(op.getTags());
                    }
                    if (!chosen(filter, method, op)) {
                        continue;
                    }
                    String where = "operation " + (id != null ? id : method + " " + p.getKey());
                    if (!METHODS.contains(method)) {
                        report.dropped(where, "an action's method is one of GET, POST, PUT, PATCH, DELETE, HEAD");
                        continue;
                    }
                    operation(p.getKey(), item, method, op, where);
                }
            }
        }
        if (!missing.isEmpty()) {
            String id = missing.iterator().next();
            String near = Suggestions.closest(id, List.copyOf(ids));
            throw Failure.of(Kind.USAGE, Code.IMPORT_SOURCE, "the document has no operation `" + id + "`")
                    .hint(near != null ? "did you mean `" + near + "`?" : "operations are chosen by operationId").build();
        }
        if (actions.isEmpty()) {
            throw Failure.of(Kind.USAGE, Code.IMPORT_SOURCE, "no operation of " + source + " is left to import")
                    .hint(tags.isEmpty() ? "the document has no operations an action can have"
                            : "its tags: " + String.join(", ", tags)).build();
        }
    }

    private static boolean chosen(Filter filter, String method, Operation op) {
        if (filter.readOnly() && !method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        if (!filter.tags().isEmpty() && (op.getTags() == null
                || op.getTags().stream().noneMatch(filter.tags()::contains))) {
            return false;
        }
        return filter.operations().isEmpty() || filter.operations().contains(op.getOperationId());
    }

    private void operation(String path, PathItem item, String method, Operation op, String where) {
        List<Server> servers = op.getServers() != null && !op.getServers().isEmpty() ? op.getServers()
                : item.getServers() != null && !item.getServers().isEmpty() ? item.getServers() : api.getServers();
        String base = bases.computeIfAbsent(servers, this::baseUrl); // most operations share the document's list
        OpenApiSecurity.Choice choice = security.choose(op.getSecurity() != null ? op.getSecurity()
                : api.getSecurity());
        String key = base + "\n" + choice.key();
        ConnectorDraft connector = connectors.get(key);
        if (connector == null) {
            connector = connector(base, choice);
            connectors.put(key, connector);
        }
        String raw = op.getOperationId() != null && !op.getOperationId().isBlank() ? op.getOperationId()
                : method.toLowerCase(Locale.ROOT) + " " + path.replaceAll("[{}]", "");
        String name = actionNames.take(ImportNames.definition(raw));
        String from = (op.getOperationId() != null ? "operation " + op.getOperationId() + " (" + method + " " + path
                + ")" : "operation " + method + " " + path) + " in " + source;
        actions.add(new OpenApiOperation(refs, schemas, report, where).action(name, connector.name(), method, path, op,
                item.getParameters(), from));
    }

    private ConnectorDraft connector(String base, OpenApiSecurity.Choice choice) {
        // named after the host as curl's and Postman's are (api.github.com → github), else the document's title
        String plain = base.startsWith("<<") ? apiName : CurlImporter.connectorName(UrlParts.of(base).origin());
        boolean taken = connectors.values().stream().anyMatch(c -> c.name().equals(plain));
        String name = connectorNames.take(!taken ? plain
                : plain + "-" + ImportNames.definition(choice.key().isEmpty() ? "public" : choice.key()));
        Map<String, String> headers = new LinkedHashMap<>();
        AuthDraft auth = security.auth(choice, name, headers);
        if (auth instanceof AuthDraft.OAuth2 o && !o.tokenUrl().contains("://")) {
            String origin = base.replaceFirst("^([a-zA-Z]+://[^/]+|<<[^>]+>>).*$", "$1");
            String url = origin + (o.tokenUrl().startsWith("/") ? "" : "/") + o.tokenUrl();
            report.approximated("token URL " + o.tokenUrl() + " of connector " + name, "relative to the server: " + url);
            auth = o.withTokenUrl(url);
        }
        String description = api.getInfo() == null ? null : api.getInfo().getTitle();
        return new ConnectorDraft(name, description, base, auth, headers, "OpenAPI document \"" + description + "\" ("
                + source + ")");
    }

    /** The first server's URL, its variables at their defaults; a relative one after a placeholder origin. */
    private String baseUrl(List<Server> servers) {
        if (servers == null || servers.isEmpty()) {
            servers = List.of(new Server().url("/"));
        }
        Server s = servers.get(0);
        if (servers.size() > 1 && reported.add("servers " + servers)) {
            List<String> others = servers.subList(1, servers.size()).stream().map(Server::getUrl).toList();
            report.dropped("server" + (others.size() == 1 ? " " : "s ") + String.join(", ", others),
                    "a connector has one base URL: " + s.getUrl() + " was taken; edit base_url to use another");
        }
        String url = s.getUrl() == null ? "/" : s.getUrl();
        Matcher m = VARIABLE.matcher(url);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            ServerVariable v = s.getVariables() == null ? null : s.getVariables().get(m.group(1));
            String value = v == null ? null : v.getDefault() != null ? v.getDefault()
                    : v.getEnum() != null && !v.getEnum().isEmpty() ? v.getEnum().get(0) : null;
            if (value == null) {
                value = m.group(1);
                if (reported.add("var " + url + m.group(1))) {
                    report.dropped("server variable " + m.group(1) + " of " + url, "it has no default: its name was"
                            + " written; edit base_url");
                }
            } else if (reported.add("var " + url + m.group(1))) {
                report.approximated("server variable " + m.group(1) + " of " + url, "its default " + value
                        + " was written" + (v.getEnum() != null ? " (others: " + String.join(", ", v.getEnum()) + ")"
                        : "") + "; edit base_url for another");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        String resolved = sb.toString();
        if (!resolved.contains("://")) {
            String placeholder = "<<" + ImportNames.input(apiName + "_base_url") + ">>";
            String written = placeholder + (resolved.startsWith("/") ? "" : "/") + resolved;
            while (written.endsWith("/")) {
                written = written.substring(0, written.length() - 1);
            }
            if (reported.add("relative " + resolved)) {
                report.approximated("relative server URL " + resolved, "written as " + written + ": set "
                        + placeholder.substring(2, placeholder.length() - 2).toUpperCase(Locale.ROOT)
                        + " to the API's origin (https://host)");
            }
            return written;
        }
        return resolved;
    }
}
