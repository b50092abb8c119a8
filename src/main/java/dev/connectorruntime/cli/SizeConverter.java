package dev.connectorruntime.cli;

import dev.connectorruntime.model.Sizes;
import picocli.CommandLine;

/** {@code 1024}, {@code 64KB}, {@code 50MB}: sizes as definitions write them. */
final class SizeConverter implements CommandLine.ITypeConverter<Long> {

    @Override
    public Long convert(String value) {
        Long bytes = Sizes.parse(value);
        if (bytes == null) {
            throw new CommandLine.TypeConversionException("`" + value + "` is not a size: write a whole number of"
                    + " bytes, or with a unit: 64KB, 50MB, 1GB (at most 2GB)");
        }
        return bytes;
    }
}
