package dev.connectorruntime.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.model.SecretTemplate;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Location and SecretTemplate write out equals and hashCode (for start-up): they must still be the records'. */
class LocationTest {

    private static final Path FILE = Path.of("connectors/salesforce.yaml");

    @Test
    void locationsAreEqualExactlyWhenFileLineAndColumnAre() {
        Location a = new Location(FILE, 7, 3);

        assertThat(a).isEqualTo(new Location(Path.of("connectors/salesforce.yaml"), 7, 3))
                .hasSameHashCodeAs(new Location(FILE, 7, 3))
                .isNotEqualTo(new Location(Path.of("connectors/other.yaml"), 7, 3))
                .isNotEqualTo(new Location(FILE, 8, 3))
                .isNotEqualTo(new Location(FILE, 7, 4))
                .isNotEqualTo(null)
                .isNotEqualTo("connectors/salesforce.yaml:7:3");
        assertThat(new Location(FILE, 7, 3).hashCode()).isNotEqualTo(new Location(FILE, 3, 7).hashCode());
    }

    @Test
    void secretTemplatesAreEqualExactlyWhenSourceAndLocationAre() {
        SecretTemplate a = new SecretTemplate("<<password>><<token>>", new Location(FILE, 9, 13));

        assertThat(a).isEqualTo(new SecretTemplate("<<password>><<token>>", new Location(FILE, 9, 13)))
                .hasSameHashCodeAs(new SecretTemplate("<<password>><<token>>", new Location(FILE, 9, 13)))
                .isNotEqualTo(new SecretTemplate("<<password>>", new Location(FILE, 9, 13)))
                .isNotEqualTo(new SecretTemplate("<<password>><<token>>", new Location(FILE, 10, 13)))
                .isNotEqualTo(null);
    }
}
