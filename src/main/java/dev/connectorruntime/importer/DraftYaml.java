package dev.connectorruntime.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.model.Json;
import java.util.Map;

/**
 * Drafts as the YAML files an import writes: the editor modeline the shipped files have (SPEC §1), a comment naming
 * the source (SPEC §12), then the keys in the order {@code docs/definitions.md} shows them. No clock, no random:
 * the same draft gives the same bytes, so re-importing an unchanged source with {@code --force} changes nothing.
 */
final class DraftYaml {

    private DraftYaml() {
    }

    static String connector(ConnectorDraft c, String command) {
        ObjectNode root = Json.object();
        root.put("name", c.name());
        putIf(root, "description", c.description());
        putIf(root, "base_url", c.baseUrl());
        ObjectNode auth = auth(c.auth());
        if (auth != null) {
            root.set("auth", auth);
        }
        if (!c.headers().isEmpty()) {
            root.set("headers", map(c.headers()));
        }
        return file("connector", c.source(), command, root);
    }

    static String action(ActionDraft a, String command) {
        ObjectNode root = Json.object();
        root.put("name", a.name());
        putIf(root, "description", a.description());
        root.put("connector", a.connector());
        if (!a.inputs().isEmpty()) {
            ObjectNode inputs = root.putObject("inputs");
            for (InputDraft i : a.inputs()) {
                inputs.set(i.name(), input(i));
            }
        }
        ObjectNode request = root.putObject("request");
        request.put("method", a.request().method());
        request.put("path", a.request().path());
        if (!a.request().query().isEmpty()) {
            request.set("query", map(a.request().query()));
        }
        if (!a.request().headers().isEmpty()) {
            request.set("headers", map(a.request().headers()));
        }
        BodyDraft body = a.request().body();
        if (body instanceof BodyDraft.Json j) {
            request.set("json", j.tree());
        } else if (body instanceof BodyDraft.Form f) {
            request.set("form", map(f.fields()));
        } else if (body instanceof BodyDraft.Text t) {
            request.put("text", t.text());
        }
        if (!a.examples().isEmpty()) {
            ArrayNode examples = root.putArray("examples");
            a.examples().forEach(examples::add);
        }
        return file("action", a.source(), command, root);
    }

    private static ObjectNode input(InputDraft i) {
        ObjectNode o = Json.object();
        o.put("type", i.type());
        if (i.required() && i.defaultValue() == null) {
            o.put("required", true);
        }
        if (i.defaultValue() != null) {
            o.set("default", i.defaultValue());
        }
        if (!i.enumValues().isEmpty()) {
            ArrayNode e = o.putArray("enum");
            i.enumValues().forEach(e::add);
        }
        putIf(o, "format", i.format());
        putIf(o, "description", i.description());
        if (i.more() != null) {
            i.more().fields().forEachRemaining(m -> o.set(m.getKey(), m.getValue()));
        }
        return o;
    }

    private static ObjectNode auth(AuthDraft auth) {
        ObjectNode o = Json.object();
        if (auth instanceof AuthDraft.Basic b) {
            o.put("type", "basic");
            o.put("username", b.username());
            o.put("password", b.password());
        } else if (auth instanceof AuthDraft.Bearer b) {
            o.put("type", "bearer");
            o.put("token", b.token());
        } else if (auth instanceof AuthDraft.ApiKey k) {
            o.put("type", "api_key");
            o.put("in", k.in());
            o.put("name", k.name());
            o.put("value", k.value());
        } else if (auth instanceof AuthDraft.OAuth2 g) {
            o.put("type", "oauth2");
            o.put("grant_type", g.grantType());
            o.put("token_url", g.tokenUrl());
            o.put("client_id", g.clientId());
            putIf(o, "client_secret", g.clientSecret());
            putIf(o, "username", g.username());
            putIf(o, "password", g.password());
            putIf(o, "refresh_token", g.refreshToken());
            putIf(o, "scope", g.scope());
            putIf(o, "client_auth", g.clientAuth());
        } else {
            return null;
        }
        return o;
    }

    private static String file(String kind, String source, String command, ObjectNode root) {
        StringBuilder sb = new StringBuilder("# yaml-language-server: $schema=../schema/").append(kind)
                .append(".schema.json\n");
        sb.append("# Imported by `").append(command).append("`");
        if (source != null && !source.isBlank()) {
            sb.append(" from ").append(YamlText.comment(source));
        }
        sb.append(". Review it before use.\n");
        YamlText.members(root, 0, sb);
        return sb.toString();
    }

    private static ObjectNode map(Map<String, String> m) {
        ObjectNode o = Json.object();
        m.forEach(o::put);
        return o;
    }

    private static void putIf(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    static JsonNode text(String s) {
        return Json.nodes().textNode(s);
    }
}
