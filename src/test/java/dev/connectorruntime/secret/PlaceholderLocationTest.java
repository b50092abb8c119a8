package dev.connectorruntime.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A missing secret is reported where its own placeholder stands, so the caret points at the right one. */
class PlaceholderLocationTest {

    static final Location VALUE = new Location(Path.of("connectors/salesforce.yaml"), 11, 13);

    @Test
    void resolveWhenTheSecondPlaceholderIsMissingThenItsColumnIsReported() {
        List<Problem> problems = new ArrayList<>();
        new SecretResolver(Map.of("SALESFORCE_PASSWORD", "pw-0123456"), null, false, new Redactor())
                .resolve("<<salesforce_password>><<salesforce_security_token>>", VALUE, problems);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("secret `<<salesforce_security_token>>` is not set");
            assertThat(p.location()).isEqualTo(new Location(VALUE.file(), 11, 36));
        });
    }

    @Test
    void atWhenTheValueSpansLinesThenTheValuesOwnLocation() {
        assertThat(SecretResolver.at("line one\n<<key>>", "key", VALUE)).isEqualTo(VALUE);
        assertThat(SecretResolver.at("<<key>>", "key", VALUE)).isEqualTo(VALUE);
        assertThat(SecretResolver.at("José <<key>>", "key", VALUE)).isEqualTo(new Location(VALUE.file(), 11, 18));
    }
}
