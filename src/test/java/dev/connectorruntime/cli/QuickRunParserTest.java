package dev.connectorruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.engine.ConnectorRuntime;
import dev.connectorruntime.secret.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The quick reader of {@code run}'s command line against picocli: whatever line it takes, picocli takes too and
 * reads the same way; whatever it is unsure of, it leaves to picocli.
 */
class QuickRunParserTest {

    private static final Context CONTEXT = new Context(Map.of(), Path.of("/work"), false,
            ConnectorRuntime::builder, new Redactor());

    /** Every option value, as one comparable record. */
    record Reading(String action, Map<String, String> inputs, String inputsFile, Path secrets, boolean noTokenCache,
                   boolean sandbox, String example, boolean dryRun, boolean verbose, Duration timeout, Long maxBody,
                   Path dir, boolean debug, boolean jsonErrors) {
        static Reading of(RunCommand r) {
            return new Reading(r.action, new LinkedHashMap<>(r.inputs), r.inputsFile, r.secrets, r.noTokenCache,
                    r.sandbox, r.example, r.dryRun, r.verbose, r.timeout, r.maxBody, r.common.dir, r.common.debug,
                    r.common.jsonErrors);
        }
    }

    /** picocli's reading, as Main sets it up, or {@code null} when picocli refuses the line or is asked for help. */
    private static Reading picocli(String... args) {
        RunCommand run = new RunCommand(CONTEXT);
        CommandLine cl = new CommandLine(new Main()).addSubcommand(run);
        try {
            CommandLine.ParseResult result = cl.parseArgs(args);
            CommandLine.ParseResult sub = result.subcommand();
            if (sub == null || sub.isUsageHelpRequested() || sub.isVersionHelpRequested()) {
                return null;
            }
        } catch (CommandLine.ParameterException e) {
            return null;
        }
        return Reading.of(run);
    }

    private static Reading quick(String... args) {
        RunCommand run = QuickRunParser.parse(args, CONTEXT);
        return run == null ? null : Reading.of(run);
    }

    @Test
    void theEverydayLinesAreReadWithoutPicocliAndAsPicocliReadsThem() {
        List<String[]> lines = List.of(
                new String[] {"run", "list-contacts"},
                new String[] {"run", "list-contacts", "--dir", "ws", "-i", "limit=5", "--input", "q=a=b"},
                new String[] {"run", "--dir=ws", "get-contact", "-i", "id=003", "--secrets", "s.env"},
                new String[] {"run", "list-contacts", "--sandbox", "--example", "two contacts", "--json-errors"},
                new String[] {"run", "list-contacts", "-v", "--timeout", "2m", "--no-token-cache", "--debug"},
                new String[] {"run", "list-contacts", "--dry-run", "--inputs", "in.json", "-i", "k="},
                new String[] {"run", "search", "-i", "name=José Müller", "-i", "name=Ada", "--timeout=500ms"});
        for (String[] line : lines) {
            assertThat(quick(line)).as(String.join(" ", line)).isNotNull().isEqualTo(picocli(line));
        }
        assertThat(quick("run", "search", "-i", "name=José", "-i", "name=Ada").inputs())
                .containsExactly(Map.entry("name", "Ada"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "run", "run --help", "run list-contacts -h", "run -V", "run list-contacts --version",
        "run list-contacts extra", "run --dir ws", "run list-contacts --unknown", "run list-contacts -x",
        "run list-contacts --sandbox --sandbox", "run list-contacts --dir a --dir b", "run list-contacts -v --verbose",
        "run list-contacts -vi k=v", "run list-contacts -ik=v", "run list-contacts -i", "run list-contacts -i novalue",
        "run list-contacts -i =v", "run list-contacts --timeout 0s", "run list-contacts --timeout soon",
        "run list-contacts --timeout -5s", "run list-contacts --example --sandbox", "run list-contacts --sandbox=true",
        "run list-contacts -- --dir", "run @args.txt", "run list-contacts --dir @dir", "run  ",
        "validate list-contacts", "run list-contacts --inputs -"})
    void aLineItIsUnsureOfIsLeftToPicocli(String line) {
        assertThat(quick(line.split(" ", -1))).isNull();
    }

    @Test
    void noTokenLeftOutOfAnyMixOfTheOptionsIsReadDifferentlyFromPicocli() {
        List<String> tokens = List.of("list-contacts", "get-contact", "", "@a", "-", "--", "-i", "--input",
                "--input=x=1", "-ix=1", "-v", "--verbose", "-vi", "--sandbox", "--sandbox=true", "--no-token-cache",
                "--dry-run", "--debug", "--json-errors", "--dir", "--dir=ws", "--dir=", "--secrets", "--secrets=s",
                "--inputs", "--example", "--example=one", "--timeout", "--timeout=5s", "--timeout=0s", "--max-body", "--max-body=64KB", "--max-body=0", "10MB", "-h",
                "--help", "-V", "--unknown", "limit=5", "name=a=b", "=v", "noequals", "ws", "5s", "2m", "x=-1",
                "-5s", "José=Müller", "k=", "a b=c d", "-i=x=1", "--input=", "two contacts");
        Random random = new Random(7);
        int taken = 0;
        for (int n = 0; n < 30_000; n++) {
            List<String> line = new ArrayList<>(List.of("run"));
            int length = 1 + random.nextInt(7);
            for (int k = 0; k < length; k++) {
                line.add(tokens.get(random.nextInt(tokens.size())));
            }
            String[] args = line.toArray(String[]::new);
            Reading fast = quick(args);
            if (fast != null) {
                taken++;
                assertThat(fast).as(Arrays.toString(args)).isEqualTo(picocli(args));
            }
        }
        assertThat(taken).as("lines read without picocli").isGreaterThan(1_000);
    }
}
