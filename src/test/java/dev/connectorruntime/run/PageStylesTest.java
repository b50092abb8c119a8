package dev.connectorruntime.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.connectorruntime.http.HttpResult;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.model.Paginate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * SPEC §6 Pagination, one style at a time: the first URL, the next one, and the dry run's words (the CLI tests walk
 * each style over a real server; these pin what they do not reach).
 */
class PageStylesTest {

    private static final URI PAGE = URI.create("https://api.example.com/v1/items?q=a");

    @Test
    void descriptionWhenEachStyleThenSaysWhatTheRuntimeDoesAfterEachPage() {
        assertThat(PageStyles.of(new Paginate.NextUrl("/next")).description())
                .isEqualTo("follows `/next` of each answer");
        assertThat(PageStyles.of(new Paginate.Cursor("/meta/after", "after")).description())
                .isEqualTo("sets `after` from `/meta/after` of each answer");
        assertThat(PageStyles.of(new Paginate.Link()).description())
                .isEqualTo("follows each answer's Link rel=\"next\"");
        assertThat(PageStyles.of(new Paginate.Offset("offset", "limit", 50, 0)).description())
                .isEqualTo("steps `offset` by 50 until a short page");
        assertThat(PageStyles.of(new Paginate.Page("page", null, 50, 1)).description())
                .isEqualTo("steps `page` by 1 until a short page");
    }

    @Test
    void firstWhenStyleReadsTheAnswerThenTheRequestUrlIsKept() {
        assertThat(PageStyles.of(new Paginate.NextUrl("/next")).first(PAGE)).isEqualTo(PAGE);
        assertThat(PageStyles.of(new Paginate.Cursor("/c", "after")).first(PAGE)).isEqualTo(PAGE);
        assertThat(PageStyles.of(new Paginate.Link()).first(PAGE)).isEqualTo(PAGE);
    }

    @Test
    void offsetWhenStartIsNotZeroThenEveryPageCountsFromIt() {
        PageStyle offset = PageStyles.of(new Paginate.Offset("offset", "limit", 5, 10));

        assertThat(offset.first(PAGE)).hasToString("https://api.example.com/v1/items?q=a&offset=10&limit=5");
        assertThat(offset.next(page(PAGE, "{}", 5, 1))).hasToString("https://api.example.com/v1/items?q=a&offset=15");
        assertThat(offset.next(page(PAGE, "{}", 5, 3))).hasToString("https://api.example.com/v1/items?q=a&offset=25");
    }

    @Test
    void pageWhenNoSizeParamThenOnlyThePageNumberIsSetFromStart() {
        PageStyle page = PageStyles.of(new Paginate.Page("page", null, 2, 1));

        assertThat(page.first(PAGE)).hasToString("https://api.example.com/v1/items?q=a&page=1");
        assertThat(page.next(page(page.first(PAGE), "{}", 2, 1)))
                .hasToString("https://api.example.com/v1/items?q=a&page=2");
    }

    @Test
    void nextWhenPageShortThenStops() {
        assertThat(PageStyles.of(new Paginate.Offset("offset", null, 5, 0)).next(page(PAGE, "{}", 4, 1))).isNull();
        assertThat(PageStyles.of(new Paginate.Page("page", null, 5, 1)).next(page(PAGE, "{}", 0, 2))).isNull();
    }

    @Test
    void cursorWhenPageEmptyThenStopsThoughTheAnswerHasACursor() {
        PageStyle cursor = PageStyles.of(new Paginate.Cursor("/after", "after"));

        assertThat(cursor.next(page(PAGE, "{\"after\":\"c9\"}", 0, 1))).isNull();
        assertThat(cursor.next(page(PAGE, "{\"after\":\"\"}", 3, 1))).isNull();
        assertThat(cursor.next(page(PAGE, "{\"after\":null}", 3, 1))).isNull();
        assertThat(cursor.next(page(PAGE, "{\"after\":\"c9\"}", 3, 1)))
                .hasToString("https://api.example.com/v1/items?q=a&after=c9");
    }

    @Test
    void nextUrlWhenRelativeWithSpacesAroundThenResolvedAgainstThePage() {
        PageStyle nextUrl = PageStyles.of(new Paginate.NextUrl("/next"));

        assertThat(nextUrl.next(page(PAGE, "{\"next\":\" items?q=b \"}", 1, 1)))
                .hasToString("https://api.example.com/v1/items?q=b");
        assertThat(nextUrl.next(page(PAGE, "{\"next\":\"\"}", 1, 1))).isNull();
        assertThat(nextUrl.next(page(PAGE, "{\"next\":7}", 1, 1))).isNull();
    }

    @Test
    void linkWhenNextIsOneOfSeveralRelationsInAnyCaseThenFollowsIt() {
        PageStyle link = PageStyles.of(new Paginate.Link());
        HttpHeaders headers = HttpHeaders.of(Map.of("Link", List.of("</v1/items?page=1>; rel=first",
                "</v1/items?page=3>; title=\"more\"; REL=\"last NEXT\"")), (name, value) -> true);

        assertThat(link.next(new PageStyle.Page(PAGE, answer(headers, "[]"), Json.array(), 0, 1)))
                .hasToString("https://api.example.com/v1/items?page=3");
        assertThat(link.next(page(PAGE, "[]", 0, 1))).isNull();
    }

    @Test
    void allWhenSixteenRunsShareOnePaginatorThenEachWalksItsOwnPages() throws Exception {
        Paginator paginator = new Paginator(new Paginate("/items", new Paginate.Offset("offset", "limit", 3, 0), 100,
                false));
        URI origin = URI.create("https://api.example.com");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ArrayNode>> runs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return paginator.all(paginator.first(PAGE), origin, PageStylesTest::tenItemsByOffset);
                }));
            }
            start.countDown();
            for (Future<ArrayNode> run : runs) {
                assertThat(Json.compact(run.get())).isEqualTo("[0,1,2,3,4,5,6,7,8,9]");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** An API holding the items 0 to 9, answering {@code limit} of them from {@code offset}. */
    private static HttpResult tenItemsByOffset(URI url) {
        Map<String, String> params = new HashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            params.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        int from = Integer.parseInt(params.get("offset"));
        int to = Math.min(10, from + Integer.parseInt(params.get("limit")));
        String items = String.join(",", IntStream.range(from, to).mapToObj(Integer::toString).toList());
        return answer(HttpHeaders.of(Map.of(), (name, value) -> true), "{\"items\":[" + items + "]}");
    }

    private static PageStyle.Page page(URI url, String body, int items, int number) {
        try {
            return new PageStyle.Page(url, answer(HttpHeaders.of(Map.of(), (n, v) -> true), body), Json.parse(body),
                    items, number);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResult answer(HttpHeaders headers, String body) {
        return new HttpResult(200, headers, body.getBytes(StandardCharsets.UTF_8), PAGE, Duration.ZERO);
    }
}
