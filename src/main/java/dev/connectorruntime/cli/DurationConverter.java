package dev.connectorruntime.cli;

import dev.connectorruntime.model.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}: durations as definitions write them. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration d = Durations.parse(value);
        if (d == null || d.isZero()) {
            throw new CommandLine.TypeConversionException("`" + value + "` is not a duration above zero:"
                    + " write it as 500ms, 30s, 5m or 2h");
        }
        return d;
    }
}
