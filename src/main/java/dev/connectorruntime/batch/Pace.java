package dev.connectorruntime.batch;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --rate}: at most {@code count} calls started per {@code per}, evenly spaced (no bursts), written
 * {@code 10/s}, {@code 100/m}, {@code 3600/h}. A batch runs one action, so one connector: the pace is the
 * connector's.
 *
 * @param count calls per period, at least 1
 * @param per   the period: a second, a minute or an hour
 */
public record Pace(long count, Duration per) {

    private static final Pattern FORM = Pattern.compile("([0-9]{1,9})/(s|m|h)");

    public Pace {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
    }

    /** The pace of {@code 10/s}, {@code 100/m}, {@code 3600/h}; {@code null} for any other text or a zero count. */
    public static Pace parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            return null;
        }
        Duration per = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            default -> Duration.ofHours(1);
        };
        return new Pace(Long.parseLong(m.group(1)), per);
    }

    /** The time between two starts, in nanoseconds. */
    public long intervalNanos() {
        return Math.max(1, per.toNanos() / count);
    }

    /** As written: {@code 10/s}. */
    @Override
    public String toString() {
        return count + "/" + (per.toHours() == 1 ? "h" : per.toMinutes() == 1 ? "m" : "s");
    }
}
