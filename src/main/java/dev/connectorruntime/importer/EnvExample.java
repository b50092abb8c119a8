package dev.connectorruntime.importer;

import dev.connectorruntime.secret.Placeholders;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code .env.example} (SPEC §12): one {@code KEY=} line, no value, per placeholder of the connectors written,
 * appended to the file's own lines, which are kept; a key it already has is not repeated.
 */
final class EnvExample {

    private static final Pattern PLACEHOLDER = Pattern.compile("<<([a-z][a-z0-9_]*)(?::-.*?)?>>");
    private static final Pattern KEY = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=");

    private EnvExample() {
    }

    /** The placeholder names in these texts, in order of appearance. */
    static Set<String> placeholders(List<String> texts) {
        Set<String> names = new LinkedHashSet<>();
        for (String t : texts) {
            Matcher m = PLACEHOLDER.matcher(t);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * The file's new text, or {@code null} when it would not change.
     *
     * @param existing the file's text now, or {@code null} when there is none
     */
    static String merged(String existing, Set<String> names) {
        Set<String> have = new LinkedHashSet<>();
        if (existing != null) {
            for (String line : existing.split("\n", -1)) {
                Matcher m = KEY.matcher(line);
                if (m.find()) {
                    have.add(m.group(1));
                }
            }
        }
        List<String> add = new ArrayList<>();
        for (String n : names) {
            String key = Placeholders.envName(n);
            if (!have.contains(key)) {
                add.add(key + "=");
            }
        }
        if (add.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        if (existing == null || existing.isEmpty()) {
            sb.append("# Secrets the imported connectors read: copy to .env, fill in, never commit .env.\n");
        } else {
            sb.append(existing);
            if (!existing.endsWith("\n")) {
                sb.append('\n');
            }
        }
        add.forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }
}
