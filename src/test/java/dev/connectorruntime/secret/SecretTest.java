package dev.connectorruntime.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretTest {

    private static final String VALUE = "hunter2-correct-horse";

    record Credentials(String user, Secret password) {
    }

    @Test
    void toStringWhenAnyValueThenFourStars() {
        assertThat(Secret.of(VALUE)).hasToString("****");
        assertThat(Secret.of("")).hasToString("****");
    }

    @Test
    void revealWhenCalledThenReturnsTheValue() {
        assertThat(Secret.of(VALUE).reveal()).isEqualTo(VALUE);
    }

    @Test
    void lengthAndIsEmptyWhenCalledThenDescribeTheValueWithoutShowingIt() {
        assertThat(Secret.of(VALUE).length()).isEqualTo(VALUE.length());
        assertThat(Secret.of(VALUE).isEmpty()).isFalse();
        assertThat(Secret.of("").isEmpty()).isTrue();
        assertThat(Secret.of("").length()).isZero();
    }

    @Test
    void equalsWhenSameValueThenEqualWithSameHashCode() {
        assertThat(Secret.of(VALUE)).isEqualTo(Secret.of(new String(VALUE))).hasSameHashCodeAs(Secret.of(VALUE));
        assertThat(Secret.of(VALUE)).isNotEqualTo(Secret.of(VALUE + "x")).isNotEqualTo(VALUE);
        assertThat(Secret.of("ü")).isNotEqualTo(Secret.of("u"));
    }

    @Test
    void ofWhenNullThenRefused() {
        assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void recordToStringWhenHoldingASecretThenMasksIt() {
        assertThat(new Credentials("ada", Secret.of(VALUE))).hasToString("Credentials[user=ada, password=****]");
    }

    @Test
    void serialiseWhenPlainObjectMapperThenRefuses() {
        ObjectMapper mapper = new ObjectMapper();

        assertThatThrownBy(() -> mapper.writeValueAsString(Secret.of(VALUE)))
                .isInstanceOf(JsonMappingException.class)
                .hasMessage("a Secret is never serialised");
        assertThatThrownBy(() -> mapper.valueToTree(Secret.of(VALUE)))
                .hasMessageContaining("a Secret is never serialised")
                .hasMessageNotContaining(VALUE);
    }

    @Test
    void serialiseWhenRecordHoldsASecretThenRefusesWithoutShowingIt() {
        ObjectMapper mapper = new ObjectMapper();

        assertThatThrownBy(() -> mapper.writeValueAsString(new Credentials("ada", Secret.of(VALUE))))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageStartingWith("a Secret is never serialised")
                .hasMessageNotContaining(VALUE);
        assertThatThrownBy(() -> mapper.writeValueAsString(Map.of("password", Secret.of(VALUE))))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageNotContaining(VALUE);
    }
}
