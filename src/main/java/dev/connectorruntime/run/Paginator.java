package dev.connectorruntime.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.http.HttpResult;
import dev.connectorruntime.http.Urls;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.model.Paginate;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches every page of a paginated action and concatenates their items (SPEC §6). A page without items, a
 * repeated URL or cursor, or a next URL on another origin is an error, never a loop.
 */
final class Paginator {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]*)*)");
    private static final Pattern REL_NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?", Pattern.CASE_INSENSITIVE);

    private final Paginate paginate;

    Paginator(Paginate paginate) {
        this.paginate = paginate;
    }

    /** The first page's URL: offset and page styles put their parameters on it. */
    URI first(URI uri) {
        Paginate.Style style = paginate.style();
        if (style instanceof Paginate.Offset o) {
            URI u = Urls.replaceParam(uri, o.param(), Long.toString(o.start()));
            return o.limitParam() == null ? u : Urls.replaceParam(u, o.limitParam(), Integer.toString(o.pageSize()));
        }
        if (style instanceof Paginate.Page p) {
            URI u = Urls.replaceParam(uri, p.param(), Long.toString(p.start()));
            return p.sizeParam() == null ? u : Urls.replaceParam(u, p.sizeParam(), Integer.toString(p.pageSize()));
        }
        return uri;
    }

    /** Fetches every page through {@code fetch}, starting at {@code first}. */
    ArrayNode all(URI first, URI origin, java.util.function.Function<URI, HttpResult> fetch) {
        ArrayNode items = Json.array();
        Set<String> seen = new HashSet<>();
        URI url = first;
        long position = startOf(paginate.style());
        for (int page = 1; ; page++) {
            seen.add(url.toString());
            HttpResult result = fetch.apply(url);
            JsonNode body = Bodies.json(result, result.text());
            JsonNode pageItems = body.at(paginate.items());
            if (!pageItems.isArray()) {
                throw Failure.of(Kind.API, "page " + page + " has no list at `" + paginate.items() + "`")
                        .status(result.status()).hint("check `paginate.items` against the API's answer (see -v)")
                        .build();
            }
            items.addAll((ArrayNode) pageItems);
            URI next = next(url, result, body, pageItems.size(), position);
            position += step(paginate.style());
            if (next == null) {
                return items;
            }
            if (seen.contains(next.toString())) {
                throw Failure.of(Kind.API, "page " + page + " points back to a page already fetched ("
                        + next.getRawPath() + "): the API's pagination loops").build();
            }
            Exchange.requireOrigin(next, origin, "next page");
            if (page >= paginate.maxPages()) {
                if (paginate.truncate()) {
                    return items;
                }
                throw Failure.of(Kind.API, "there are more than " + paginate.maxPages() + " pages")
                        .hint("raise `paginate.max_pages`, or set `on_max_pages: truncate` to stop there").build();
            }
            url = next;
        }
    }

    private URI next(URI url, HttpResult result, JsonNode body, int count, long position) {
        Paginate.Style style = paginate.style();
        if (style instanceof Paginate.NextUrl n) {
            JsonNode v = body.at(n.pointer());
            return v.isTextual() && !v.asText().isEmpty() ? url.resolve(v.asText().trim()) : null;
        }
        if (style instanceof Paginate.Cursor c) {
            JsonNode v = body.at(c.from());
            if (v.isMissingNode() || v.isNull() || v.asText().isEmpty() || count == 0) {
                return null;
            }
            return Urls.replaceParam(url, c.param(), v.asText());
        }
        if (style instanceof Paginate.Link) {
            String link = nextLink(result.headers().allValues("Link"));
            return link == null ? null : url.resolve(link);
        }
        if (style instanceof Paginate.Offset o) {
            return count < o.pageSize() ? null : Urls.replaceParam(url, o.param(), Long.toString(position + o.pageSize()));
        }
        Paginate.Page p = (Paginate.Page) style;
        return count < p.pageSize() ? null : Urls.replaceParam(url, p.param(), Long.toString(position + 1));
    }

    private static long startOf(Paginate.Style style) {
        if (style instanceof Paginate.Offset o) {
            return o.start();
        }
        return style instanceof Paginate.Page p ? p.start() : 0;
    }

    private static long step(Paginate.Style style) {
        return style instanceof Paginate.Offset o ? o.pageSize() : 1;
    }

    /** RFC 8288: the target of the link whose {@code rel} includes {@code next}. */
    static String nextLink(List<String> headers) {
        for (String header : headers) {
            Matcher m = LINK.matcher(header);
            while (m.find()) {
                Matcher rel = REL_NEXT.matcher(m.group(2));
                while (rel.find()) {
                    for (String r : rel.group(1).trim().split("\\s+")) {
                        if (r.equalsIgnoreCase("next")) {
                            return m.group(1).trim();
                        }
                    }
                }
            }
        }
        return null;
    }

}
