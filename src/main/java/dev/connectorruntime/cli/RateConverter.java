package dev.connectorruntime.cli;

import dev.connectorruntime.batch.Pace;
import picocli.CommandLine;

/** {@code --rate}: {@code 10/s}, {@code 100/m}, {@code 3600/h}. */
final class RateConverter implements CommandLine.ITypeConverter<Pace> {

    @Override
    public Pace convert(String value) {
        Pace pace = Pace.parse(value);
        if (pace == null) {
            throw new CommandLine.TypeConversionException("`" + value + "` is not a rate: write calls per second,"
                    + " minute or hour, at least 1: 10/s, 100/m, 3600/h");
        }
        return pace;
    }
}
