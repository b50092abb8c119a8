package dev.connectorruntime.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.model.Request.Method;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exchange runs on the caller's thread and is stopped by interrupting it only while it waits inside the JDK's
 * send (see {@link Stoppable}): after a cancelled or timed-out call the thread carries no interrupt, so the next
 * thing it does (the token cache's file lock, for one) is not disturbed; Ctrl-C's own interrupt still ends a call.
 */
class StoppedExchangeTest {

    @RegisterExtension
    static final WireMockExtension server = TestServers.loopback();

    @TempDir
    Path dir;

    private HttpExecutor executor;

    @BeforeEach
    void setUp() {
        executor = new HttpExecutor(null);
        server.stubFor(get("/slow").willReturn(aResponse().withFixedDelay(3000).withBody("late")));
    }

    @AfterEach
    void tearDown() {
        executor.close();
    }

    @Test
    void cancelledCallThenItsThreadIsNotInterruptedAndAFileChannelStillWorks() throws Exception {
        Cancellation cancellation = new Cancellation();
        CompletableFuture.runAsync(cancellation::cancel, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));

        Failure f = catchThrowableOfType(Failure.class, () -> executor.send(slow(), Duration.ofSeconds(10), 1024,
                new CallContext(HttpListener.NONE, Deadline.NONE, cancellation)));

        assertThat(f.kind()).isEqualTo(Kind.CANCELLED);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertLockAndWriteWork();
    }

    @Test
    void timedOutAttemptThenNetworkTimeoutAndItsThreadIsNotInterrupted() throws Exception {
        long start = System.nanoTime();

        NetworkException e = catchThrowableOfType(NetworkException.class,
                () -> executor.send(slow(), Duration.ofMillis(300), 1024, CallContext.NONE));

        assertThat(e.fault()).isEqualTo(NetworkException.Fault.TIMEOUT);
        assertThat(e).hasMessage("no answer from 127.0.0.1:" + server.getPort() + " within 300ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertLockAndWriteWork();
    }

    @Test
    void interruptFromOutsideDuringTheExchangeThenInterruptedAndTheInterruptKept() {
        Thread caller = Thread.currentThread();
        CompletableFuture.runAsync(caller::interrupt, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));

        Failure f = catchThrowableOfType(Failure.class,
                () -> executor.send(slow(), Duration.ofSeconds(10), 1024, CallContext.NONE));

        assertThat(f.kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(Thread.interrupted()).as("Ctrl-C's interrupt stays for the command to see").isTrue();
    }

    private static HttpCall slow() {
        return HttpCall.builder(Method.GET, URI.create(TestServers.origin(server) + "/slow")).build();
    }

    /** What an interrupt left behind would break: FileChannel closes itself on an interrupted thread. */
    private void assertLockAndWriteWork() throws Exception {
        try (FileChannel ch = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
            ch.write(ByteBuffer.wrap(new byte[] {1}));
            assertThat(lock.isValid()).isTrue();
        }
    }
}
