package dev.connectorruntime.model;

/**
 * Sizes as definitions and options write them: {@code 1024} (bytes), {@code 64KB}, {@code 50MB}, {@code 1GB}, in
 * multiples of 1,024 (the body cap's default, {@code 50MB}, is 52,428,800 bytes).
 */
public final class Sizes {

    private Sizes() {
    }

    /** The size in bytes, or {@code null} when the text is not one (or is zero, or past 2 GB). */
    public static Long parse(String text) {
        Quantities q = Quantities.split(text, 10);
        if (q == null) {
            return null;
        }
        long n = q.number();
        long unit = switch (q.unit().trim()) {
            case "", "B" -> 1;
            case "KB" -> 1024;
            case "MB" -> 1024 * 1024;
            case "GB" -> 1024L * 1024 * 1024;
            default -> -1;
        };
        long bytes = n * unit;
        return unit < 0 || n == 0 || bytes > Integer.MAX_VALUE - 8 ? null : bytes;
    }

    /** A size as options write it: {@code 64KB}, {@code 50MB}, {@code 1.5MB}, or {@code 900 bytes}. */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"KB", "MB", "GB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v))
                + units[u];
    }
}
