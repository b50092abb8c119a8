package dev.connectorruntime.error;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with a definition, found without throwing: validation collects them all.
 *
 * @param severity error or warning
 * @param code     its stable code, listed in {@code docs/errors.md}; reports print its {@link Code#id() id}, e.g.
 *                 {@code yaml-duplicate-key}
 * @param location where it stands
 * @param message  what is wrong, one sentence, no trailing period
 * @param hint     how to fix it, or {@code null}
 */
public record Problem(Severity severity, Code code, Location location, String message, String hint) {

    /** File, then line, then column, then message: the order reports are printed in. */
    public static final Comparator<Problem> ORDER = Comparator
            .comparing((Problem p) -> p.location().file().toString())
            .thenComparingInt(p -> p.location().line())
            .thenComparingInt(p -> p.location().column())
            .thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(Code code, Location location, String message, String hint) {
        return new Problem(Severity.ERROR, code, location, message, hint);
    }

    public static Problem error(Code code, Location location, String message) {
        return error(code, location, message, null);
    }

    public static Problem warning(Code code, Location location, String message, String hint) {
        return new Problem(Severity.WARNING, code, location, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
