package dev.connectorruntime.error;

/** How bad a {@link Problem} is: errors fail validation, warnings only with {@code --strict}. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
