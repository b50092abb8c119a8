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
        List<String> started = new CopyOnWriteArrayList<>();
        var a = blocked("sf", "a", started);
        var b = blocked("sf", "b", started);
        var c = blocked("sf", "c", started);
        var d = blocked("sf", "d", started);
        Thread.sleep(100);
        assertThat(started).containsExactlyInAnyOrder("a", "b");
        assertThat(lanes.load()).isEqualTo(4);

        release.countDown();

        assertThat(List.of(a.get(5, TimeUnit.SECONDS), b.get(), c.get(), d.get())).containsExactly("a", "b", "c", "d");
        assertThat(started.subList(2, 4)).containsExactly("c", "d");
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
