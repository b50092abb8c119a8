package dev.connectorruntime.template;

import static dev.connectorruntime.template.TemplateFixtures.inputs;
import static dev.connectorruntime.template.TemplateFixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What the compiler of an action learns from a template before rendering it (SPEC §5.2, §5.3). */
class TemplateShapeTest {

    @Test
    void isSingleVariableWhenExactlyOneTagThenTrue() {
        Template t = valid("{{limit}}", "limit");
        assertThat(t.isSingleVariable()).isTrue();
        assertThat(t.singleVariable()).isEqualTo("limit");
        assertThat(valid("{{ limit }}", "limit").singleVariable()).isEqualTo("limit");
    }

    @Test
    void isSingleVariableWhenAnythingAroundTheTagThenFalse() {
        for (String source : List.of(" {{limit}}", "{{limit}} ", "{{limit}}{{limit}}", "x{{limit}}",
                "{{#limit}}{{/limit}}", "{{limit}}{{! note }}", "literal")) {
            Template t = valid(source, "limit");
            assertThat(t.isSingleVariable()).as(source).isFalse();
            assertThat(t.singleVariable()).as(source).isNull();
        }
    }

    @Test
    void isLiteralWhenNoTagThenRendersAsItself() {
        String source = "/services/data/v58.0/query\r\n  {not a tag} }} {";
        Template t = valid(source);
        assertThat(t.isLiteral()).isTrue();
        assertThat(t.variables()).isEmpty();
        assertThat(t.render(Map.of())).isSameAs(source);
        assertThat(valid("").isLiteral()).isTrue();
    }

    @Test
    void isLiteralWhenOnlyACommentThenFalse() {
        assertThat(valid("{{! note }}").isLiteral()).isFalse();
        assertThat(valid("{{limit}}", "limit").isLiteral()).isFalse();
    }

    @Test
    void variablesWhenUsedThenDeclaredNamesInOrderOfFirstUse() {
        Template t = valid("{{#tags}}{{.}}{{/tags}} {{limit}} {{^since}}x{{/since}} {{limit}} {{#soql}}{{name}}{{/soql}}",
                "name", "limit", "tags", "since", "unused");
        assertThat(t.variables()).containsExactly("tags", "limit", "since", "name");
    }

    @Test
    void sourceWhenCompiledThenAsWritten() {
        assertThat(valid("{{ limit }}", "limit").source()).isEqualTo("{{ limit }}");
    }

    @Test
    void renderWhenManyThreadsThenEachGetsItsOwnResult() throws Exception {
        Template t = valid("{{#tags}}{{#soql}}{{.}}{{/soql}}|{{/tags}}{{n}}", "tags", "n");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                tasks.add(() -> {
                    for (int k = 0; k < 200; k++) {
                        String got = t.render(inputs("{'tags': ['a\\'" + n + "', 'b'], 'n': " + k + "}"));
                        if (!got.equals("a\\\"" + n + "|b|" + k)) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
