package dev.connectorruntime.model;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.Objects;

/**
 * How to fetch every page (SPEC §6).
 *
 * @param items      JSON pointer to the array of items in each page
 * @param style      how the next page is found
 * @param maxPages   the most pages fetched
 * @param truncate   {@code on_max_pages: truncate}: stop quietly at {@code maxPages} instead of failing
 */
public record Paginate(@NotNull @Pattern(regexp = "(/.*)?", message = "must be a JSON pointer") String items,
                       @NotNull Style style, @Min(value = 1, message = "must be at least 1") int maxPages,
                       boolean truncate) {

    public static final int DEFAULT_MAX_PAGES = 100;

    public Paginate {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(style, "style");
    }

    /** How the next page is found. */
    public sealed interface Style permits NextUrl, Cursor, Link, Offset, Page {
    }

    /** {@code next_url: /pointer}: the next page's URL is in the body (Salesforce's {@code nextRecordsUrl}). */
    public record NextUrl(String pointer) implements Style {
    }

    /** {@code cursor: { from, param }}: a cursor from the body goes into a query parameter. */
    public record Cursor(String from, String param) implements Style {
    }

    /** {@code link: true}: RFC 8288 {@code Link: <…>; rel="next"}. */
    public record Link() implements Style {
    }

    /** {@code offset: { param, limit_param, page_size, start }}. */
    public record Offset(String param, String limitParam, int pageSize, long start) implements Style {
    }

    /** {@code page: { param, size_param, page_size, start }}. */
    public record Page(String param, String sizeParam, int pageSize, long start) implements Style {
    }
}
