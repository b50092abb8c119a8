package dev.connectorruntime.model;

import java.time.Duration;

/** Durations as definitions write them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}. */
public final class Durations {

    private Durations() {
    }

    /** The duration, or {@code null} when the text is not one. */
    public static Duration parse(String text) {
        Quantities q = Quantities.split(text, 9);
        if (q == null) {
            return null;
        }
        long n = q.number();
        switch (q.unit()) {
            case "ms": return Duration.ofMillis(n);
            case "s": return Duration.ofSeconds(n);
            case "m": return Duration.ofMinutes(n);
            case "h": return Duration.ofHours(n);
            default: return null;
        }
    }

    /** The shortest way to write it back: {@code 90s}, {@code 2h}, {@code 500ms}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
