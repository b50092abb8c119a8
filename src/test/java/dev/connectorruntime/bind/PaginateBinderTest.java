package dev.connectorruntime.bind;

import static dev.connectorruntime.bind.Binding.action;
import static dev.connectorruntime.bind.Binding.actionProblem;
import static dev.connectorruntime.bind.Binding.actionProblems;
import static dev.connectorruntime.bind.Binding.describe;
import static dev.connectorruntime.bind.Binding.describeAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.model.Paginate;
import org.junit.jupiter.api.Test;

/** SPEC §6: {@code paginate:} holds {@code items} and exactly one way to find the next page. */
class PaginateBinderTest {

    private static final String HEAD = """
            name: demo
            connector: api
            request: {method: GET, path: /things}
            paginate:
            """;

    private static Paginate paginate(String body) {
        return action(HEAD + body).paginate();
    }

    @Test
    void bindWhenNoStyleThenNeedsOneOfTheFive() {
        assertThat(describe(actionProblem(HEAD + "  items: /records\n")))
                .isEqualTo("paginate-style @ 5:3: `paginate` needs one of next_url, cursor, link, offset, page");
    }

    @Test
    void bindWhenLinkFalseIsTheOnlyStyleThenStillNoStyle() {
        assertThat(describe(actionProblem(HEAD + "  items: /records\n  link: false\n")))
                .isEqualTo("paginate-style @ 5:3: `paginate` needs one of next_url, cursor, link, offset, page");
    }

    @Test
    void bindWhenTwoStylesThenOnlyOne() {
        assertThat(describe(actionProblem(HEAD + "  items: /records\n  next_url: /next\n  link: true\n")))
                .isEqualTo("paginate-style @ 5:3: `paginate` may use only one of next_url, cursor, link, offset, "
                        + "page");
    }

    @Test
    void bindWhenItemsMissingThenPaginateNeedsItems() {
        assertThat(describe(actionProblem(HEAD + "  link: true\n")))
                .isEqualTo("missing-key @ 5:3: `paginate` needs `items`");
    }

    @Test
    void bindWhenPointerLacksLeadingSlashThenBadPointerWithTheFix() {
        assertThat(describeAll(actionProblems(HEAD + "  items: records\n  next_url: nextRecordsUrl\n")))
                .containsExactly(
                        "bad-pointer @ 5:10: `items` must be a JSON pointer [write `/records`]",
                        "bad-pointer @ 6:13: `next_url` must be a JSON pointer [write `/nextRecordsUrl`]");
    }

    @Test
    void bindWhenItemsEmptyPointerThenTheWholeBody() {
        assertThat(paginate("  items: \"\"\n  link: true\n"))
                .isEqualTo(new Paginate("", new Paginate.Link(), Paginate.DEFAULT_MAX_PAGES, false));
    }

    @Test
    void bindWhenCursorThenFromAndParam() {
        assertThat(paginate("  items: /data\n  cursor: {from: /meta/next, param: after}\n  max_pages: 5\n"
                + "  on_max_pages: truncate\n"))
                .isEqualTo(new Paginate("/data", new Paginate.Cursor("/meta/next", "after"), 5, true));
    }

    @Test
    void bindWhenCursorWithoutParamThenNeedsParam() {
        assertThat(describe(actionProblem(HEAD + "  items: /data\n  cursor: {from: /next}\n")))
                .isEqualTo("missing-key @ 6:11: `paginate.cursor` needs `param`");
    }

    @Test
    void bindWhenOffsetOrPageThenDefaultsForStart() {
        assertThat(paginate("  items: /data\n  offset: {param: offset, limit_param: limit, page_size: 100}\n")
                .style()).isEqualTo(new Paginate.Offset("offset", "limit", 100, 0));
        assertThat(paginate("  items: /data\n  page: {param: page, size_param: per_page, page_size: 50}\n")
                .style()).isEqualTo(new Paginate.Page("page", "per_page", 50, 1));
    }

    @Test
    void bindWhenPageSizeZeroOrMaxPagesZeroThenWholeNumberOfAtLeastOne() {
        assertThat(describeAll(actionProblems(HEAD
                + "  items: /data\n  page: {param: page, page_size: 0}\n  max_pages: 0\n"))).containsExactly(
                "bad-value @ 6:34: `page_size` must be a whole number of at least 1, not `0`",
                "bad-value @ 7:14: `max_pages` must be a whole number of at least 1, not `0`");
    }

    @Test
    void bindWhenOnMaxPagesUnknownThenOneOf() {
        assertThat(describe(actionProblem(HEAD + "  items: /data\n  link: true\n  on_max_pages: stop\n")))
                .isEqualTo("bad-value @ 7:17: `on_max_pages` must be one of error, truncate, not `stop`");
    }

    @Test
    void bindWhenOffsetKeyMisspelledThenMissingAndUnknownWithDidYouMean() {
        assertThat(describeAll(actionProblems(HEAD + "  items: /data\n  offset: {param: o, pagesize: 10}\n")))
                .containsExactly("missing-key @ 6:11: `paginate.offset` needs `page_size`",
                        "unknown-key @ 6:22: unknown key `pagesize` in `paginate.offset` [did you mean `page_size`?]");
    }

    @Test
    void bindWhenCursorIsNotAMappingThenOnlyThatIsReported() {
        assertThat(describe(actionProblem(HEAD + "  items: /data\n  cursor: after\n")))
                .isEqualTo("wrong-type @ 6:11: `cursor` must be a mapping, not a string");
    }
}
