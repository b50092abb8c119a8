package dev.connectorruntime.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.http.HttpResult;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.model.Paginate;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;

/**
 * Fetches every page of a paginated action and concatenates their items (SPEC §6). A page without items, a
 * repeated URL or cursor, or a next URL on another origin is an error, never a loop. Its {@link PageStyle} finds
 * each next page; what one run has seen lives in {@link #all}, so a paginator may serve several runs.
 */
final class Paginator {

    private final Paginate paginate;
    private final PageStyle style;

    Paginator(Paginate paginate) {
        this.paginate = paginate;
        this.style = PageStyles.of(paginate.style());
    }

    /** The first page's URL: offset and page styles put their parameters on it. */
    URI first(URI uri) {
        return style.first(uri);
    }

    /** Fetches every page through {@code fetch}, starting at {@code first}. */
    ArrayNode all(URI first, URI origin, java.util.function.Function<URI, HttpResult> fetch) {
        ArrayNode items = Json.array();
        Set<String> seen = new HashSet<>();
        URI url = first;
        for (int page = 1; ; page++) {
            seen.add(url.toString());
            HttpResult result = fetch.apply(url);
            JsonNode body = Bodies.json(result);
            JsonNode pageItems = body.at(paginate.items());
            if (!pageItems.isArray()) {
                throw Failure.of(Kind.API, "page " + page + " has no list at `" + paginate.items() + "`")
                        .code(Code.PAGINATION_FAILED).status(result.status()).hint("check `paginate.items` against the API's answer (see -v)")
                        .build();
            }
            items.addAll((ArrayNode) pageItems);
            URI next = style.next(new PageStyle.Page(url, result, body, pageItems.size(), page));
            if (next == null) {
                return items;
            }
            if (seen.contains(next.toString())) {
                throw Failure.of(Kind.API, "page " + page + " points back to a page already fetched ("
                        + next.getRawPath() + "): the API's pagination loops").code(Code.PAGINATION_FAILED).build();
            }
            Exchange.requireOrigin(next, origin, "next page");
            if (page >= paginate.maxPages()) {
                if (paginate.truncate()) {
                    return items;
                }
                throw Failure.of(Kind.API, "there are more than " + paginate.maxPages() + " pages")
                        .code(Code.PAGINATION_FAILED)
                        .hint("raise `paginate.max_pages`, or set `on_max_pages: truncate` to stop there").build();
            }
            url = next;
        }
    }
}
