package dev.connectorruntime.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Masking;
import dev.connectorruntime.model.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The batch loop without the CLI: order, the window's bound, fatal stops, a closed output, the line reader. */
class BatchTest {

    static final Masking NO_MASK = new Masking() {
        @Override
        public String text(String text) {
            return text;
        }

        @Override
        public com.fasterxml.jackson.databind.JsonNode json(com.fasterxml.jackson.databind.JsonNode tree) {
            return tree;
        }
    };

    /** Collects lines; fails its flush once {@code limit} lines were written. */
    static final class Collect implements Batch.Sink {
        final List<ObjectNode> lines = Collections.synchronizedList(new ArrayList<>());
        final int limit;

        Collect(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(ObjectNode line) {
            lines.add(line);
        }

        @Override
        public boolean flush() {
            return lines.size() < limit;
        }

        List<Long> numbers() {
            return lines.stream().map(l -> l.get("line").asLong()).toList();
        }
    }

    static JsonLines input(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            sb.append("{\"n\":").append(i).append("}\n");
        }
        return new JsonLines(new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)), "test");
    }

    @Test
    void batchUnderRandomLatenciesWritesEveryLineInInputOrder() throws IOException {
        Collect out = new Collect(Integer.MAX_VALUE);
        Batch batch = new Batch((inputs, c) -> {
            sleep(ThreadLocalRandom.current().nextInt(3));
            return inputs.get("n");
        }, 8, null, new BitSet(), NO_MASK, out);

        Batch.Report report = batch.run(input(1000));

        assertThat(out.numbers()).hasSize(1000).isSorted();
        assertThat(out.lines.get(999).get("output").asInt()).isEqualTo(1000);
        assertThat(report.counts()).isEqualTo(new Tally.Counts(1000, 1000, 0, 0));
    }

    @Test
    void batchNeverHoldsMoreThanFourTimesConcurrencyLinesWhenOneLineIsSlow() throws IOException {
        AtomicInteger maxPending = new AtomicInteger();
        Collect out = new Collect(Integer.MAX_VALUE);
        Batch[] holder = new Batch[1];
        Batch batch = new Batch((inputs, c) -> {
            if (inputs.get("n").asInt() == 2) {
                sleep(200); // every later line waits behind this one
            }
            return inputs.get("n");
        }, 4, null, new BitSet(), NO_MASK, out);
        holder[0] = batch;
        Thread watch = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                maxPending.accumulateAndGet((int) batch.window().pending(), Math::max);
                Thread.onSpinWait();
            }
        });
        watch.setDaemon(true);
        watch.start();

        batch.run(input(200));
        watch.interrupt();

        assertThat(maxPending.get()).isBetween(2, 16);
        assertThat(out.numbers()).hasSize(200).isSorted();
    }

    @Test
    void batchWhenALineFailsFatallyThenItStopsWritesWhatFinishedAndThrowsIt() {
        Collect out = new Collect(Integer.MAX_VALUE);
        AtomicInteger calls = new AtomicInteger();
        Batch batch = new Batch((inputs, c) -> {
            calls.incrementAndGet();
            if (inputs.get("n").asInt() == 3) {
                throw Failure.of(Kind.AUTH, Code.TOKEN_REFUSED, "refused").build();
            }
            return inputs.get("n");
        }, 1, null, new BitSet(), NO_MASK, out);

        assertThatThrownBy(() -> batch.run(input(100))).isInstanceOf(Failure.class).hasMessage("refused");
        assertThat(out.numbers()).containsExactly(1L, 2L, 3L);
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void batchWhenTheOutputIsClosedThenItStopsQuietly() throws IOException {
        Collect out = new Collect(5);
        Batch batch = new Batch((inputs, c) -> inputs.get("n"), 2, null, new BitSet(), NO_MASK, out);

        Batch.Report report = batch.run(input(10_000));

        assertThat(report.outputGone()).isTrue();
        assertThat(report.counts().read()).isLessThan(100);
    }

    @Test
    void batchSkipsTheLinesToResumeAndCountsThem() throws IOException {
        Collect out = new Collect(Integer.MAX_VALUE);
        BitSet skip = new BitSet();
        skip.set(2);
        skip.set(3);
        Batch batch = new Batch((inputs, c) -> inputs.get("n"), 2, null, skip, NO_MASK, out);

        Batch.Report report = batch.run(input(4));

        assertThat(out.numbers()).containsExactly(1L, 4L);
        assertThat(report.counts()).isEqualTo(new Tally.Counts(4, 2, 0, 2));
    }

    @Test
    void batchWithPaceSpacesTheStarts() throws IOException {
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        Batch batch = new Batch((inputs, c) -> {
            starts.add(System.nanoTime());
            return inputs.get("n");
        }, 4, Pace.parse("50/s"), new BitSet(), NO_MASK, new Collect(Integer.MAX_VALUE));

        batch.run(input(6));

        List<Long> sorted = starts.stream().sorted().toList();
        assertThat(Duration.ofNanos(sorted.get(5) - sorted.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(95));
    }

    @Test
    void jsonLinesReadsCrlfBomAndBlankLinesAndReportsBadOnesByNumber() throws IOException {
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}', '\n'};
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(
                "\uFEFF{\"a\":1}\r\n\n  \n[1]\n{\"a\":2} {}\n".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream(bad));
        JsonLines lines = new JsonLines(in, "in.jsonl");

        assertThat(lines.next()).isEqualTo(new Line.Inputs(1, (ObjectNode) Json.object().put("a", 1)));
        assertThat(((Line.Bad) lines.next()).problem().getMessage())
                .isEqualTo("line 4 of in.jsonl is not a JSON object of inputs but an array");
        assertThat(((Line.Bad) lines.next()).problem().getMessage()).startsWith("line 5 of in.jsonl is not JSON:"
                + " more than one JSON value");
        Line.Bad notUtf8 = (Line.Bad) lines.next();
        assertThat(notUtf8.problem().getMessage()).isEqualTo("line 6 of in.jsonl is not UTF-8");
        assertThat(notUtf8.problem().code()).isEqualTo(Code.BATCH_LINE);
        assertThat(lines.next()).isNull();
    }

    @Test
    void jsonLinesSkipsALineOverTheCapAndGoesOn() throws IOException {
        String text = "{\"a\":\"" + "x".repeat(100) + "\"}\n{\"a\":1}";
        JsonLines lines = new JsonLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "stdin", 64);

        assertThat(((Line.Bad) lines.next()).problem().getMessage())
                .isEqualTo("line 1 of stdin is longer than 64 bytes");
        assertThat(lines.next().number()).isEqualTo(2);
    }

    @Test
    void paceReadsPerSecondMinuteAndHour() {
        assertThat(Pace.parse("10/s").intervalNanos()).isEqualTo(100_000_000L);
        assertThat(Pace.parse("100/m").toString()).isEqualTo("100/m");
        assertThat(Pace.parse("3600/h").intervalNanos()).isEqualTo(1_000_000_000L);
        assertThat(Pace.parse("0/s")).isNull();
        assertThat(Pace.parse("10/d")).isNull();
        assertThat(Pace.parse("ten/s")).isNull();
    }

    @Test
    void progressLineSaysDoneTotalRateErrorsAndTimeLeft() {
        assertThat(Progress.line(new Tally.Counts(1300, 1234, 3, 0), 10_000, Duration.ofSeconds(2)))
                .isEqualTo("1,237/10,000 lines · 619/s · 3 errors · 14 s left");
        assertThat(Progress.line(new Tally.Counts(10, 9, 1, 0), -1, Duration.ofSeconds(1)))
                .isEqualTo("10 lines · 10/s · 1 error");
        assertThat(Progress.summary(new Tally.Counts(12, 9, 1, 2), Duration.ofMillis(1400)))
                .isEqualTo("10 lines in 1 s: 9 succeeded, 1 failed, 2 skipped (--resume)");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
