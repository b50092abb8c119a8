package dev.connectorruntime.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LevenshteinTest {

    @Test
    void distanceWhenEditsThenCountsThem() {
        assertThat(Levenshtein.distance("limit", "limit")).isZero();
        assertThat(Levenshtein.distance("limt", "limit")).isEqualTo(1);
        assertThat(Levenshtein.distance("lmiit", "limit")).isEqualTo(2);
        assertThat(Levenshtein.distance("", "abc")).isEqualTo(3);
        assertThat(Levenshtein.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void closestWhenWithinMaxThenNearestElseNull() {
        List<String> names = List.of("since", "limit", "name");
        assertThat(Levenshtein.closest("limt", names, 2)).isEqualTo("limit");
        assertThat(Levenshtein.closest("offset", names, 2)).isNull();
    }

    @Test
    void closestWhenTieThenAlphabeticallyFirst() {
        assertThat(Levenshtein.closest("ab", List.of("ac", "aa"), 2)).isEqualTo("aa");
        assertThat(Levenshtein.closest("ab", List.of("aa", "ac"), 2)).isEqualTo("aa");
    }
}
