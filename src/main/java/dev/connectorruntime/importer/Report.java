package dev.connectorruntime.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import kept, changed and left out (SPEC §12), one {@link Item} per thing, in the order found; printed one
 * line each on stderr. Not thread-safe: one import fills one report.
 */
public final class Report {

    /** How faithfully a thing of the source was carried. */
    public enum Outcome {
        /** Written as the source has it. */
        CARRIED,
        /** Written otherwise: the item says what instead, and why. */
        APPROXIMATED,
        /** Not written: the item says why, and what to do. */
        DROPPED,
        /** Not written because it does not shape the request (curl's {@code -s}, {@code -o}); not a loss. */
        IGNORED
    }

    /**
     * One thing of the source.
     *
     * @param what the thing, as the source names it ({@code header X-Trace}, {@code option -k})
     * @param why  for an approximation, what was done instead and why; for a drop, why and what to do; {@code null}
     *             for a thing carried as is
     */
    public record Item(Outcome outcome, String what, String why) {

        /** {@code carried: header Accept}, {@code dropped: option -k (TLS verification cannot be turned off)}. */
        public String line() {
            return outcome.name().toLowerCase(java.util.Locale.ROOT) + ": " + what + (why == null ? "" : " (" + why + ")");
        }
    }

    private final List<Item> items = new ArrayList<>();

    public void carried(String what) {
        items.add(new Item(Outcome.CARRIED, what, null));
    }

    public void approximated(String what, String why) {
        items.add(new Item(Outcome.APPROXIMATED, what, why));
    }

    public void dropped(String what, String why) {
        items.add(new Item(Outcome.DROPPED, what, why));
    }

    public void ignored(String what, String why) {
        items.add(new Item(Outcome.IGNORED, what, why));
    }

    public List<Item> items() {
        return List.copyOf(items);
    }

    /** Whether anything was approximated or dropped: {@code --strict} fails then. */
    public boolean lossy() {
        return items.stream().anyMatch(i -> i.outcome() == Outcome.APPROXIMATED || i.outcome() == Outcome.DROPPED);
    }

    public long count(Outcome outcome) {
        return items.stream().filter(i -> i.outcome() == outcome).count();
    }
}
