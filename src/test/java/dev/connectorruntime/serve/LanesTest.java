package dev.connectorruntime.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectorruntime.error.Failure;
import dev.connectorruntime.http.Cancellation;
import dev.connectorruntime.http.Deadline;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC §11's per-connector admission: N in flight, a FIFO queue, a full queue refused, a deadline while queued. */
class LanesTest {

    final Lanes lanes = new Lanes(2, 2);
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        lanes.close();
    }

    private CompletableFuture<String> blocked(String connector, String name, List<String> started) {
        return lanes.submit(connector, Deadline.NONE, null, () -> {
            started.add(name);
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return name;
        });
    }

    private static Throwable cause(CompletableFuture<?> f) {
        try {
            f.get(5, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void runsAtMostConcurrencyCallsOfOneConnectorAndStartsTheWaitingOnesInOrder() throws Exception {
        // one latch per call, released one at a time: which call starts next never depends on thread timing
        java.util.Map<String, CountDownLatch> done = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.BlockingQueue<String> started = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.Map<String, CompletableFuture<String>> calls = new java.util.LinkedHashMap<>();
        for (String n : List.of("a", "b", "c", "d")) {
            done.put(n, new CountDownLatch(1));
            calls.put(n, lanes.submit("sf", Deadline.NONE, null, () -> {
                started.add(n);
                try {
                    done.get(n).await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return n;
            }));
        }
        List<String> first = List.of(started.poll(5, TimeUnit.SECONDS), started.poll(5, TimeUnit.SECONDS));
        assertThat(first).containsExactlyInAnyOrder("a", "b");
        assertThat(started.poll(100, TimeUnit.MILLISECONDS)).as("a third call while two run").isNull();
        assertThat(lanes.load()).isEqualTo(4);

        done.get("a").countDown();
        assertThat(calls.get("a").get(5, TimeUnit.SECONDS)).isEqualTo("a");
        assertThat(started.poll(5, TimeUnit.SECONDS)).as("the first queued call takes the free slot").isEqualTo("c");
        done.get("b").countDown();
        assertThat(started.poll(5, TimeUnit.SECONDS)).isEqualTo("d");
        done.values().forEach(CountDownLatch::countDown);
        assertThat(List.of(calls.get("b").get(5, TimeUnit.SECONDS), calls.get("c").get(5, TimeUnit.SECONDS),
                calls.get("d").get(5, TimeUnit.SECONDS))).containsExactly("b", "c", "d");
    }

    @Test
    void aFullQueueRefusesAtOnceWithOverloaded() {
        List<String> started = new CopyOnWriteArrayList<>();
        for (String n : List.of("a", "b", "c", "d")) {
            blocked("sf", n, started);
        }

        Throwable t = cause(blocked("sf", "e", started));

        assertThat(t).isInstanceOf(Failure.class);
        Failure f = (Failure) t;
        assertThat(f.kind().id()).isEqualTo("overloaded");
        assertThat(f.code().id()).isEqualTo("overloaded");
        assertThat(f.getMessage()).isEqualTo("the connector's queue is full (2 calls wait for one of 2 slots)");
    }

    @Test
    void connectorsHaveLanesOfTheirOwn() throws Exception {
        List<String> started = new CopyOnWriteArrayList<>();
        for (String n : List.of("a", "b", "c", "d")) {
            blocked("sf", n, started);
        }

        assertThat(lanes.submit("github", Deadline.NONE, null, () -> "free").get(5, TimeUnit.SECONDS))
                .isEqualTo("free");
    }

    @Test
    void aCallWhoseDeadlinePassesWhileQueuedFailsWithQueueTimeoutAndNeverRuns() {
        List<String> started = new CopyOnWriteArrayList<>();
        blocked("sf", "a", started);
        blocked("sf", "b", started);
        AtomicInteger ran = new AtomicInteger();

        Throwable t = cause(lanes.submit("sf", Deadline.forCall(Duration.ofMillis(100)), null,
                ran::incrementAndGet));

        assertThat(((Failure) t).code().id()).isEqualTo("queue-timeout");
        assertThat(((Failure) t).kind().id()).isEqualTo("cancelled");
        release.countDown();
        assertThat(ran).hasValue(0);
    }

    @Test
    void aCallCancelledWhileQueuedLeavesTheQueue() {
        List<String> started = new CopyOnWriteArrayList<>();
        blocked("sf", "a", started);
        blocked("sf", "b", started);
        Cancellation cancellation = new Cancellation();
        var queued = lanes.submit("sf", Deadline.NONE, cancellation, () -> "never");

        cancellation.cancel();

        assertThat(((Failure) cause(queued)).kind().id()).isEqualTo("cancelled");
        assertThat(lanes.load()).isEqualTo(2);
    }

    @Test
    void whatTheWorkThrowsIsTheResult() {
        Throwable t = cause(lanes.submit("sf", Deadline.NONE, null, () -> {
            throw new IllegalStateException("boom");
        }));

        assertThat(t).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThatThrownBy(() -> new Lanes(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
