package dev.connectorruntime.bind;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.load.YMap;
import dev.connectorruntime.model.Paginate;
import java.util.ArrayList;
import java.util.List;

/** {@code paginate:} → {@link Paginate} (SPEC §6). */
final class PaginateBinder {

    private static final List<String> STYLES = List.of("next_url", "cursor", "link", "offset", "page");

    private PaginateBinder() {
    }

    static Paginate bind(YMap map, List<Problem> problems) {
        int before = ConnectorBinder.errorCount(problems);
        Fields f = new Fields(map, "`paginate`", problems);
        String items = pointer(f, "items", true, problems);
        List<Paginate.Style> styles = new ArrayList<>();
        String next = pointer(f, "next_url", false, problems);
        if (next != null) {
            styles.add(new Paginate.NextUrl(next));
        }
        YMap cursor = f.map("cursor", false);
        if (cursor != null) {
            Fields c = new Fields(cursor, "`paginate.cursor`", problems);
            String from = pointer(c, "from", true, problems);
            String param = c.string("param", true);
            c.finish();
            styles.add(new Paginate.Cursor(from, param));
        }
        Boolean link = f.bool("link");
        if (Boolean.TRUE.equals(link)) {
            styles.add(new Paginate.Link());
        }
        YMap offset = f.map("offset", false);
        if (offset != null) {
            Fields o = new Fields(offset, "`paginate.offset`", problems);
            String param = o.string("param", true);
            String limitParam = o.string("limit_param", false);
            Long size = o.integer("page_size", 1, true);
            Long start = o.integer("start", 0, false);
            o.finish();
            styles.add(new Paginate.Offset(param, limitParam, size == null ? 1 : size.intValue(),
                    start == null ? 0 : start));
        }
        YMap page = f.map("page", false);
        if (page != null) {
            Fields p = new Fields(page, "`paginate.page`", problems);
            String param = p.string("param", true);
            String sizeParam = p.string("size_param", false);
            Long size = p.integer("page_size", 1, true);
            Long start = p.integer("start", 0, false);
            p.finish();
            styles.add(new Paginate.Page(param, sizeParam, size == null ? 1 : size.intValue(),
                    start == null ? 1 : start));
        }
        Long maxPages = f.integer("max_pages", 1, false);
        String onMax = f.oneOf("on_max_pages", false, List.of("error", "truncate"));
        f.finish();
        // count the styles written, not the ones that bound: a mistyped `next_url` is not a missing one
        long written = STYLES.stream()
                .filter(s -> s.equals("link") ? f.has(s) && !Boolean.FALSE.equals(link) : f.has(s)).count();
        if (written != 1) {
            problems.add(Problem.error(Code.PAGINATE_STYLE, f.location(),
                    written == 0 ? "`paginate` needs one of " + String.join(", ", STYLES)
                            : "`paginate` may use only one of " + String.join(", ", STYLES),
                    null));
            return null;
        }
        if (ConnectorBinder.errorCount(problems) > before) {
            return null;
        }
        return new Paginate(items, styles.get(0), maxPages == null ? Paginate.DEFAULT_MAX_PAGES : maxPages.intValue(),
                "truncate".equals(onMax));
    }

    /** A JSON pointer (RFC 6901): empty, or {@code /} followed by reference tokens. */
    private static String pointer(Fields f, String key, boolean required, List<Problem> problems) {
        String p = f.string(key, required);
        if (p != null && !p.isEmpty() && !p.startsWith("/")) {
            problems.add(Problem.error(Code.BAD_POINTER, f.locationOf(key), "`" + key + "` must be a JSON pointer",
                    "write `/" + p + "`"));
            return null;
        }
        return p;
    }
}
