package dev.connectorruntime.cli;

import dev.connectorruntime.model.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}: durations as definitions write them. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration d = parse(value);
        if (d == null) {
            throw new CommandLine.TypeConversionException("`" + value + "` is not a duration above zero:"
                    + " write it as 500ms, 30s, 5m or 2h");
        }
        return d;
    }

    /** The duration, or {@code null} when the text is not one above zero. */
    static Duration parse(String value) {
        Duration d = Durations.parse(value);
        return d == null || d.isZero() ? null : d;
    }
}
