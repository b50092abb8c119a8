package dev.connectorruntime.importer;

import dev.connectorruntime.model.Input;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SPEC §1 and §12's name rules for what an import writes: definitions in kebab case ({@code Get user} →
 * {@code get-user}), inputs and placeholders in snake case ({@code pageNumber} → {@code page_number},
 * {@code x-extra-id} → {@code x_extra_id}). A {@link Scope} makes names unique within one import.
 */
public final class ImportNames {

    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
    private static final Pattern OTHER = Pattern.compile("[^a-z0-9]+");

    private ImportNames() {
    }

    /** An input or placeholder name: {@code [a-z][a-z0-9_]*}, never empty. */
    public static String input(String wire) {
        return words(wire, "_", "input");
    }

    /** A connector or action name: {@code [a-z][a-z0-9-]*}, never empty. */
    public static String definition(String raw) {
        return words(raw, "-", "imported");
    }

    /** A placeholder for one credential of a connector: {@code <<github_token>>}. */
    public static String placeholder(String connector, String purpose) {
        return "<<" + input(connector + "_" + purpose) + ">>";
    }

    private static String words(String raw, String sep, String fallback) {
        String s = raw == null ? "" : CAMEL.matcher(raw).replaceAll(sep);
        s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        s = OTHER.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(sep);
        s = trim(s, sep);
        if (s.isEmpty()) {
            return fallback;
        }
        if (!Character.isLetter(s.charAt(0))) {
            s = fallback + sep + s;
        }
        return s.length() > 60 ? trim(s.substring(0, 60), sep) : s;
    }

    private static String trim(String s, String sep) {
        while (s.startsWith(sep)) {
            s = s.substring(sep.length());
        }
        while (s.endsWith(sep)) {
            s = s.substring(0, s.length() - sep.length());
        }
        return s;
    }

    /**
     * Names taken within one import: {@link #take} answers the name itself the first time, then {@code name_2},
     * {@code name_3}… (or {@code name-2} for definitions). Input scopes also refuse §5's escaper names.
     */
    public static final class Scope {
        private final Set<String> taken = new HashSet<>();
        private final String sep;

        private Scope(String sep, Set<String> reserved) {
            this.sep = sep;
            taken.addAll(reserved);
        }

        /** For the inputs of one action: {@code soql} and {@code soql_like} are never given out. */
        public static Scope inputs() {
            return new Scope("_", Input.RESERVED_NAMES);
        }

        /** For the connectors, or the actions, of one import. */
        public static Scope definitions() {
            return new Scope("-", Set.of());
        }

        /** The name, made unique in this scope, and taken. */
        public String take(String name) {
            String candidate = name;
            for (int n = 2; !taken.add(candidate); n++) {
                candidate = name + sep + n;
            }
            return candidate;
        }

        /** Marks a name as taken (an input the action already has). */
        public void reserve(String name) {
            taken.add(name);
        }
    }
}
