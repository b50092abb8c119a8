package dev.connectorruntime.batch;

import java.time.Duration;
import java.util.Locale;

/**
 * The progress line's text (SPEC §13: done/total, rate, errors, time left), from the counts and the time spent:
 * {@code 1,234/10,000 lines · 812/s · 3 errors · 11 s left}. Without a total (stdin) there is no time left.
 */
public final class Progress {

    private Progress() {
    }

    /**
     * @param total   lines of the input that hold something, or {@code -1} when not known
     * @param elapsed time since the batch started
     */
    public static String line(Tally.Counts c, long total, Duration elapsed) {
        StringBuilder sb = new StringBuilder();
        long done = c.done() + c.skipped();
        sb.append(number(done));
        if (total >= 0) {
            sb.append('/').append(number(total));
        }
        sb.append(total == 1 ? " line" : " lines");
        double seconds = elapsed.toNanos() / 1e9;
        double rate = seconds > 0 ? c.done() / seconds : 0;
        sb.append(" · ").append(number(Math.round(rate))).append("/s");
        sb.append(" · ").append(number(c.failed())).append(c.failed() == 1 ? " error" : " errors");
        if (c.skipped() > 0) {
            sb.append(" · ").append(number(c.skipped())).append(" skipped");
        }
        if (total >= 0 && rate > 0 && done < total) {
            sb.append(" · ").append(duration(Math.round((total - done) / rate))).append(" left");
        }
        return sb.toString();
    }

    /** The last word: how many lines succeeded and failed, in how long. */
    public static String summary(Tally.Counts c, Duration elapsed) {
        String s = number(c.done()) + (c.done() == 1 ? " line" : " lines") + " in "
                + duration(Math.max(0, Math.round(elapsed.toMillis() / 1000.0))) + ": " + number(c.succeeded())
                + " succeeded, " + number(c.failed()) + " failed";
        return c.skipped() > 0 ? s + ", " + number(c.skipped()) + " skipped (--resume)" : s;
    }

    static String duration(long seconds) {
        if (seconds < 90) {
            return seconds + " s";
        }
        if (seconds < 90 * 60) {
            return Math.round(seconds / 60.0) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
