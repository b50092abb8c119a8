package dev.connectorruntime.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.connectorruntime.model.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** SPEC §11 {@code --max-output}: results cut by whole items, valid JSON, with a note. */
class OutputCapTest {

    private static ArrayNode names(int n) {
        ArrayNode a = Json.array();
        for (int i = 0; i < n; i++) {
            a.add("Contact number " + i);
        }
        return a;
    }

    @Test
    void anOutputThatFitsIsSentWholeWithoutANote() {
        OutputCap cap = OutputCap.of(names(3), 1024);

        assertThat(cap.text()).isEqualTo("[\"Contact number 0\",\"Contact number 1\",\"Contact number 2\"]");
        assertThat(cap.note()).isNull();
    }

    @Test
    void anArrayIsCutByWholeItemsAndStaysValidJson() throws Exception {
        OutputCap cap = OutputCap.of(names(1000), 200);

        JsonNode kept = Json.parse(cap.text());
        assertThat(cap.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200);
        assertThat(kept.size()).isEqualTo(10);
        assertThat(kept.get(9).asText()).isEqualTo("Contact number 9");
        assertThat(cap.note()).isEqualTo("The output was cut to fit --max-output 200 bytes: 10 of 1000 items kept"
                + " (20.4KB in all). Call again with inputs that select fewer items (a smaller limit, a narrower"
                + " filter).");
    }

    @Test
    void anObjectHasItsLargestArrayCutAndKeepsItsOtherMembers() throws Exception {
        var page = Json.object().put("totalSize", 1000).put("done", true);
        page.set("records", names(1000));

        OutputCap cap = OutputCap.of(page, 300);

        JsonNode kept = Json.parse(cap.text());
        assertThat(kept.get("totalSize").asInt()).isEqualTo(1000);
        assertThat(kept.get("records").size()).isBetween(1, 15);
        assertThat(cap.text().length()).isLessThanOrEqualTo(300);
        assertThat(cap.note()).contains(" of 1000 items kept");
    }

    @Test
    void aLongStringIsCutAsTextAndTheNoteSaysItIsNotValidJson() {
        OutputCap cap = OutputCap.of(Json.nodes().textNode("é".repeat(500)), 101);

        assertThat(cap.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(101);
        assertThat(cap.note()).startsWith("The output was cut to the first ").endsWith(" (--max-output 101 bytes);"
                + " it is not valid JSON. Call again with inputs that select less.");
    }
}
