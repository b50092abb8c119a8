package dev.connectorruntime.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.http.Urls;
import dev.connectorruntime.model.Paginate;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one place that turns a {@link Paginate.Style} into its {@link PageStyle}, and the styles themselves. */
final class PageStyles {

    private PageStyles() {
    }

    static PageStyle of(Paginate.Style style) {
        if (style instanceof Paginate.NextUrl n) {
            return new NextUrl(n.pointer());
        }
        if (style instanceof Paginate.Cursor c) {
            return new Cursor(c.from(), c.param());
        }
        if (style instanceof Paginate.Link) {
            return new Link();
        }
        if (style instanceof Paginate.Offset o) {
            return new Stepped(o.param(), o.limitParam(), o.pageSize(), o.start(), o.pageSize());
        }
        Paginate.Page p = (Paginate.Page) style;
        return new Stepped(p.param(), p.sizeParam(), p.pageSize(), p.start(), 1);
    }

    /** {@code next_url}: the next page's URL is in the body (Salesforce's {@code nextRecordsUrl}). */
    record NextUrl(String pointer) implements PageStyle {

        @Override
        public URI next(Page page) {
            JsonNode v = page.body().at(pointer);
            return v.isTextual() && !v.asText().isEmpty() ? page.url().resolve(v.asText().trim()) : null;
        }

        @Override
        public String description() {
            return "follows `" + pointer + "` of each answer";
        }
    }

    /** {@code cursor}: a cursor from the body goes into a query parameter; an empty page ends the walk. */
    record Cursor(String from, String param) implements PageStyle {

        @Override
        public URI next(Page page) {
            JsonNode v = page.body().at(from);
            if (v.isMissingNode() || v.isNull() || v.asText().isEmpty() || page.items() == 0) {
                return null;
            }
            return Urls.replaceParam(page.url(), param, v.asText());
        }

        @Override
        public String description() {
            return "sets `" + param + "` from `" + from + "` of each answer";
        }
    }

    /** {@code link}: RFC 8288 {@code Link: <…>; rel="next"}. */
    record Link() implements PageStyle {

        private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]*)*)");
        private static final Pattern REL =
                Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?", Pattern.CASE_INSENSITIVE);

        @Override
        public URI next(Page page) {
            String link = nextLink(page.answer().headers().allValues("Link"));
            return link == null ? null : page.url().resolve(link);
        }

        @Override
        public String description() {
            return "follows each answer's Link rel=\"next\"";
        }

        /** The target of the link whose {@code rel} includes {@code next}: RFC 8288 allows several relations. */
        private static String nextLink(List<String> headers) {
            for (String header : headers) {
                Matcher m = LINK.matcher(header);
                while (m.find()) {
                    Matcher rel = REL.matcher(m.group(2));
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

    /**
     * {@code offset} (stepped by the page size) and {@code page} (stepped by 1): a parameter counted up from
     * {@code start} until a short or empty page.
     *
     * @param sizeParam the parameter that asks for {@code pageSize} items, or {@code null}
     */
    record Stepped(String param, String sizeParam, int pageSize, long start, long step) implements PageStyle {

        @Override
        public URI first(URI request) {
            URI u = Urls.replaceParam(request, param, Long.toString(start));
            return sizeParam == null ? u : Urls.replaceParam(u, sizeParam, Integer.toString(pageSize));
        }

        @Override
        public URI next(Page page) {
            // the position follows from the page number, so the style keeps no state of a run
            return page.items() < pageSize ? null
                    : Urls.replaceParam(page.url(), param, Long.toString(start + page.number() * step));
        }

        @Override
        public String description() {
            return "steps `" + param + "` by " + step + " until a short page";
        }
    }
}
