package dev.connectorruntime.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.error.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §11: the name an action is served under matches {@code ^[a-zA-Z0-9_-]{1,64}$}. */
class ToolNamesTest {

    private static final Location AT = Location.of(Path.of("actions/x.yaml"));

    private static Action action(String name, Tool tool) {
        Request request = new Request(Request.Method.GET, new TemplateText("/x", AT), Map.of(), Map.of(), null);
        return new Action(name, null, "api", List.of(), request, null, null, null, List.of(), false, null, null, tool,
                AT, null, AT);
    }

    @Test
    void ofWhenNoToolBlockThenTheActionsName() {
        assertThat(ToolNames.of(action("list-contacts", null))).isEqualTo("list-contacts");
        assertThat(action("list-contacts", null).tool()).isSameAs(Tool.DEFAULT);
    }

    @Test
    void ofWhenToolNameIsSetThenThatName() {
        assertThat(ToolNames.of(action("list-contacts", new Tool("sf_contacts", null, null, true))))
                .isEqualTo("sf_contacts");
    }

    @Test
    void fromWhenDotsAndSpacesThenUnderscores() {
        assertThat(ToolNames.from("contacts.list v2")).isEqualTo("contacts_list_v2");
    }

    @Test
    void fromWhenLongerThan64ThenTheFirst64() {
        String name = "abcdefghij".repeat(7);

        assertThat(ToolNames.from(name)).isEqualTo(name.substring(0, 64)).hasSize(64);
        assertThat(ToolNames.of(action(name, null))).isEqualTo(name.substring(0, 64));
    }

    @Test
    void fromWhenUnicodeThenOneUnderscorePerCharacterEvenOutsideTheBmp() {
        assertThat(ToolNames.from("café-😀")).isEqualTo("caf_-_");
    }

    @Test
    void fromWhenEmptyThenAnUnderscore() {
        assertThat(ToolNames.from("")).isEqualTo("_");
    }

    @Test
    void fromAlwaysMatchesThePattern() {
        for (String name : List.of("a", "list-contacts", "Ünïcødé", "a/b?c", "x".repeat(200), "_-", "😀".repeat(70))) {
            assertThat(ToolNames.isValid(ToolNames.from(name))).as(name).isTrue();
        }
    }

    @Test
    void isValidFollowsTheMcpRule() {
        assertThat(ToolNames.isValid("get_thing-2")).isTrue();
        assertThat(ToolNames.isValid("a".repeat(64))).isTrue();
        assertThat(ToolNames.isValid("a".repeat(65))).isFalse();
        assertThat(ToolNames.isValid("")).isFalse();
        assertThat(ToolNames.isValid("a.b")).isFalse();
        assertThat(ToolNames.isValid(null)).isFalse();
    }
}
