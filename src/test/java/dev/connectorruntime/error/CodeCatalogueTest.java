package dev.connectorruntime.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code docs/errors.md} lists every {@link Code}, and nothing else: the codes in its tables' first column. */
class CodeCatalogueTest {

    private static final Path CATALOGUE = Path.of("docs", "errors.md");
    private static final Pattern IN_BACKTICKS = Pattern.compile("`([^`]+)`");

    @Test
    void docsErrorsListsEveryCodeOnceAndNoOther() throws IOException {
        List<String> listed = listed();
        Set<String> documented = new TreeSet<>(listed);
        Set<String> ids = Arrays.stream(Code.values()).map(Code::id).collect(Collectors.toCollection(TreeSet::new));

        Set<String> undocumented = new TreeSet<>(ids);
        undocumented.removeAll(documented);
        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(ids);
        List<String> twice = new ArrayList<>(listed);
        documented.forEach(twice::remove);

        assertSoftly(soft -> {
            soft.assertThat(undocumented).as("codes of the Code enum missing from the tables of " + CATALOGUE)
                    .isEmpty();
            soft.assertThat(unknown).as("codes in the tables of " + CATALOGUE + " that the Code enum does not have")
                    .isEmpty();
            soft.assertThat(twice).as("codes listed more than once in " + CATALOGUE).isEmpty();
        });
    }

    @Test
    void eachIdIsFoundByOf() {
        for (Code c : Code.values()) {
            assertThat(Code.of(c.id())).isSameAs(c);
        }
        assertThat(Code.of("no-such-code")).isNull();
    }

    /** Every code in backticks in the first column of a table row, in the order written. */
    private static List<String> listed() throws IOException {
        List<String> codes = new ArrayList<>();
        for (String line : Files.readAllLines(CATALOGUE)) {
            if (!line.startsWith("|")) {
                continue;
            }
            String first = line.split("\\|", -1)[1];
            Matcher m = IN_BACKTICKS.matcher(first);
            while (m.find()) {
                codes.add(m.group(1));
            }
        }
        return codes;
    }
}
