package dev.connectorruntime.compile;

import static dev.connectorruntime.compile.Compiling.body;
import static dev.connectorruntime.compile.Compiling.compile;
import static dev.connectorruntime.compile.Compiling.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** One compiled action is rendered by many threads at once (a server, a batch): each gets its own body. */
class RenderBodyConcurrentlyTest {

    private static final String INPUTS = """
            name: {type: string, required: true}
            count: {type: integer}
            """;

    @Test
    void renderWhenSixteenThreadsShareOneJsonBodyThenEachGetsItsOwnTree() throws Exception {
        CompiledAction json = compile(INPUTS, """
                method: POST
                path: /things
                json: {name: "{{name}}", tags: ["{{count}}", "n{{count}}"], fixed: {on: true}}
                """);

        rendersConcurrently(json,
                i -> "{\"name\":\"t" + i + "\",\"tags\":[" + i + ",\"n" + i + "\"],\"fixed\":{\"on\":true}}");
    }

    @Test
    void renderWhenSixteenThreadsShareOneFormBodyThenEachGetsItsOwnFields() throws Exception {
        CompiledAction form = compile(INPUTS, """
                method: POST
                path: /things
                form: {name: "{{name}}", count: "{{count}}"}
                """);

        rendersConcurrently(form, i -> "name=t" + i + "&count=" + i);
    }

    @Test
    void renderWhenSixteenThreadsShareOneTextBodyThenEachGetsItsOwnText() throws Exception {
        CompiledAction text = compile(INPUTS, """
                method: POST
                path: /things
                text: "{{name}} has {{count}}"
                """);

        rendersConcurrently(text, i -> "t" + i + " has " + i);
    }

    /** Thread i renders {@code name: t<i>, count: <i>} many times; every body must be its own. */
    private static void rendersConcurrently(CompiledAction compiled, IntFunction<String> expected) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> threads = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                threads.add(pool.submit(() -> {
                    start.await();
                    List<String> bodies = new ArrayList<>();
                    for (int k = 0; k < 200; k++) {
                        bodies.add(body(render(compiled, "{'name': 't" + n + "', 'count': " + n + "}")));
                    }
                    return bodies;
                }));
            }
            start.countDown();
            for (int i = 0; i < 16; i++) {
                assertThat(threads.get(i).get()).hasSize(200).containsOnly(expected.apply(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
