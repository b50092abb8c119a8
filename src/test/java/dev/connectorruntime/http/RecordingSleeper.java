package dev.connectorruntime.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Retrier.Sleeper} that remembers each wait instead of sleeping, so retry tests stay fast. */
public final class RecordingSleeper implements Retrier.Sleeper {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration d) {
        waits.add(d);
    }

    /** The waits asked for, in order. */
    public List<Duration> waits() {
        return List.copyOf(waits);
    }
}
