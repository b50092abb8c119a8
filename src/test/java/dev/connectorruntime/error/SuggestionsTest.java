package dev.connectorruntime.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void closestWhenOneEditAwayThenSuggestsIt() {
        assertThat(Suggestions.closest("limt", List.of("limit", "offset"))).isEqualTo("limit");
        assertThat(Suggestions.closest("baseurl", List.of("base_url", "auth"))).isEqualTo("base_url");
        assertThat(Suggestions.closest("rn", List.of("run", "validate"))).isEqualTo("run");
    }

    @Test
    void closestWhenLettersAreSwappedThenCountsOneEdit() {
        assertThat(Suggestions.distance("tiemout", "timeout")).isEqualTo(1);
        assertThat(Suggestions.closest("tiemout", List.of("timeout"))).isEqualTo("timeout");
    }

    @Test
    void closestWhenNothingIsNearThenNull() {
        assertThat(Suggestions.closest("x", List.of("run"))).isNull();
        assertThat(Suggestions.closest("headers", List.of("auth", "name"))).isNull();
        assertThat(Suggestions.closest("anything", List.of())).isNull();
    }

    @Test
    void closestWhenTiedThenTheAlphabeticallyFirstWinsWhateverTheOrder() {
        assertThat(Suggestions.closest("cat", Set.of("bat", "hat", "rat"))).isEqualTo("bat");
        assertThat(Suggestions.closest("cat", List.of("rat", "hat", "bat"))).isEqualTo("bat");
    }

    @Test
    void closestIgnoresCase() {
        assertThat(Suggestions.closest("Base_Url", List.of("base_url"))).isEqualTo("base_url");
    }
}
