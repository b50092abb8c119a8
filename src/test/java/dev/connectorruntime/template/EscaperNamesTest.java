package dev.connectorruntime.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.model.Input;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** SPEC §5: the names the binder keeps from inputs are the escapers' names. */
class EscaperNamesTest {

    @Test
    void theNamesAnInputMayNotTakeAreTheEscapersNames() {
        assertThat(Input.RESERVED_NAMES)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Escaper.values()).map(Escaper::tagName).toList());
    }
}
