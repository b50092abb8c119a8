package dev.connectorruntime.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.http.HttpResult;
import java.net.URI;

/**
 * How one pagination style of SPEC §6 finds its pages; one small class per style, made by {@link PageStyles#of}.
 * A style is immutable and keeps nothing of any run: one compiled action is paginated by many threads at once,
 * so where the next page depends on how far a run has come (offset, page) the run says so in {@link Page#number}.
 */
interface PageStyle {

    /** The first page's URL, from the request's own: the offset and page styles set their parameters on it. */
    default URI first(URI request) {
        return request;
    }

    /** The URL of the page after {@code page}, resolved against it; {@code null} when {@code page} was the last. */
    URI next(Page page);

    /** What the runtime does after each page, for the dry run: {@code follows `/next` of each answer}. */
    String description();

    /**
     * A page just fetched.
     *
     * @param url    where it was fetched from
     * @param answer the HTTP answer (its headers hold a {@code Link})
     * @param body   the answer's body as JSON
     * @param items  how many items it held
     * @param number which page of the run it was, from 1
     */
    record Page(URI url, HttpResult answer, JsonNode body, int items, int number) {
    }
}
