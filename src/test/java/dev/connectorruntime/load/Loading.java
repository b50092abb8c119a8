package dev.connectorruntime.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.function.ThrowingSupplier;

/** Shared helpers: parse a text as an action file and look at what came back. */
final class Loading {

    static final Path FILE = Path.of("actions", "list-contacts.yaml");

    private Loading() {
    }

    static YNode parse(String yaml) {
        return YamlLoader.parse(FILE, yaml);
    }

    static YMap parseMap(String yaml) {
        YNode node = parse(yaml);
        assertThat(node).isInstanceOf(YMap.class);
        return (YMap) node;
    }

    static List<Problem> problems(String yaml) {
        return problemsOf(() -> YamlLoader.parse(FILE, yaml));
    }

    static List<Problem> problemsOf(ThrowingSupplier<YNode> load) {
        Failure failure = catchThrowableOfType(Failure.class, load::get);
        assertThat(failure).as("expected the load to fail").isNotNull();
        assertThat(failure.kind()).isEqualTo(Kind.INVALID);
        assertThat(failure.problems()).isNotEmpty().allMatch(Problem::isError);
        return failure.problems();
    }

    /** The single problem of a failed parse. */
    static Problem problem(String yaml) {
        List<Problem> problems = problems(yaml);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }
}
