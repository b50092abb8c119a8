package dev.connectorruntime.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.connectorruntime.error.Masking;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Masks secret values in text on its way out (SPEC §8). Every value that is a secret, or derived from
 * one (a Basic header, a form body with a password, a token), is {@link #register(String) registered}
 * where it is obtained or built; every message, trace and plan passes through {@link #redact(String)}
 * before it is printed.
 *
 * <p>A registered value is masked as written and in its derived forms: percent-encoded per RFC 3986,
 * form-encoded ({@code application/x-www-form-urlencoded}, space as {@code +}) and escaped inside a
 * JSON string. A value shorter than {@value #MIN_SUBSTRING_LENGTH} characters is masked only where it
 * stands as a whole token (bounded by the start or end of the text or by a character that is not a
 * letter or digit), so that a short value does not shred unrelated words. Empty and blank values are
 * never registered: masking whitespace would only garble output.
 *
 * <p>Each engine (and each CLI command) has its own redactor: nothing is process-wide. Values that come and go
 * (access tokens, JWT assertions, token request bodies) are registered {@link #registerTransient transiently}:
 * only the newest {@value #TRANSIENT_KEPT} are kept, so that memory stays flat however many tokens a long-lived
 * engine is issued.
 *
 * <p>Thread-safe: values may be registered from several threads while others redact.
 */
public final class Redactor implements Masking {

    /** What a masked value is replaced with. */
    public static final String MASK = "****";

    static final int MIN_SUBSTRING_LENGTH = 6;

    /** How many transient values are kept: tokens older than that are long expired. */
    static final int TRANSIENT_KEPT = 64;

    private static final Set<String> SENSITIVE_HEADERS = Set.of(
            "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key",
            "x-auth-token");
    private static final String[] SENSITIVE_FRAGMENTS = {
        "token", "secret", "password", "session", "api-key", "apikey", "api_key"
    };
    private static final Set<String> KNOWN_SCHEMES = Set.of(
            "basic", "bearer", "digest", "token", "negotiate", "ntlm", "oauth", "dpop", "ssws",
            "aws4-hmac-sha256");
    private static final Pattern SCHEME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** Form text → whether it may be masked only as a whole token. Guarded by {@code this}. */
    private final Map<String, Boolean> forms = new HashMap<>();
    /** The values themselves, before deriving forms: looked for in a decoded view. Guarded by {@code this}. */
    private final Set<String> values = new HashSet<>();
    /** The newest transient values, oldest first. Guarded by {@code this}. */
    private final Map<String, Boolean> transients = new LinkedHashMap<>(16, 0.75f, false);
    private volatile Form[] snapshot = new Form[0];
    private volatile Form[] rawSnapshot = new Form[0];

    /** A redactor that knows no value yet. */
    public Redactor() {
    }

    /** Remembers a value and its derived forms; empty, blank and {@code null} values are ignored. */
    public void register(String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        synchronized (this) {
            if (add(forms, value) | values.add(value)) {
                rebuild();
            }
        }
    }

    /**
     * Remembers a value that comes and goes (a token, a signed assertion): masked like any other until
     * {@value #TRANSIENT_KEPT} newer transient values have been registered.
     */
    public void registerTransient(String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        synchronized (this) {
            if (transients.remove(value) != null) {
                transients.put(value, Boolean.TRUE);
                return;
            }
            transients.put(value, Boolean.TRUE);
            if (transients.size() > TRANSIENT_KEPT) {
                transients.remove(transients.keySet().iterator().next());
            }
            rebuild();
        }
    }

    /** A transient secret's value, as {@link #registerTransient(String)}. */
    public void registerTransient(Secret secret) {
        if (secret != null) {
            registerTransient(secret.reveal());
        }
    }


    private static boolean add(Map<String, Boolean> into, String value) {
        boolean tokenOnly = value.length() < MIN_SUBSTRING_LENGTH;
        boolean changed = false;
        for (String form : DerivedForms.of(value)) {
            Boolean before = into.get(form);
            if (before == null || before && !tokenOnly) {
                into.put(form, tokenOnly);
                changed = true;
            }
        }
        return changed;
    }

    private void rebuild() {
        Map<String, Boolean> all = new HashMap<>(forms);
        Set<String> raw = new HashSet<>(values);
        for (String value : transients.keySet()) {
            add(all, value);
            raw.add(value);
        }
        rawSnapshot = raw.stream().map(v -> new Form(v, v.length() < MIN_SUBSTRING_LENGTH)).toArray(Form[]::new);
        snapshot = all.entrySet().stream()
                .map(e -> new Form(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt((Form f) -> f.text.length()).reversed())
                .toArray(Form[]::new);
    }

    /** Remembers a secret's value and its derived forms. */
    public void register(Secret secret) {
        if (secret != null) {
            register(secret.reveal());
        }
    }

    /**
     * The text with every occurrence of a registered form replaced by {@value #MASK}, longest forms
     * first; where occurrences overlap or touch, their union becomes one mask, so no part of either
     * survives. Returns the same instance when nothing matched, and {@code null} for {@code null}.
     */
    public String redact(String text) {
        return redact(text, snapshot, rawSnapshot, false);
    }

    @Override
    public String text(String text) {
        return redact(text);
    }

    /**
     * JSON-aware masking (SPEC §8): only string values are looked at, never keys, numbers, booleans or null, so the
     * JSON stays valid and a key, a count or a flag that happens to spell a short secret is left alone. Within a
     * string value a secret is masked wherever it stands; one under {@value #MIN_SUBSTRING_LENGTH} characters only
     * where it is the whole value. Returns the same tree when nothing is masked, else a masked copy.
     */
    @Override
    public JsonNode json(JsonNode tree) {
        Form[] current = snapshot;
        Form[] raw = rawSnapshot;
        if (tree == null || current.length == 0 || !holdsSecret(tree, current, raw)) {
            return tree;
        }
        JsonNode copy = tree.deepCopy();
        return maskValues(copy, current, raw);
    }

    private static boolean holdsSecret(JsonNode node, Form[] forms, Form[] raw) {
        if (node.isTextual()) {
            String v = node.textValue();
            return redact(v, forms, raw, true) != v;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (holdsSecret(child, forms, raw)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode maskValues(JsonNode node, Form[] forms, Form[] raw) {
        if (node.isTextual()) {
            String v = node.textValue();
            String masked = redact(v, forms, raw, true);
            return masked == v ? node : TextNode.valueOf(masked);
        }
        if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, maskValues(a.get(i), forms, raw));
            }
        } else if (node instanceof ObjectNode o) {
            for (var it = o.fields(); it.hasNext();) {
                var field = it.next();
                field.setValue(maskValues(field.getValue(), forms, raw));
            }
        }
        return node;
    }

    /**
     * @param wholeValue a JSON string value: a short form is masked only when it is the whole value, not as a
     *                   word within it (in free text it is masked as a whole word)
     */
    private static String redact(String text, Form[] current, Form[] raw, boolean wholeValue) {
        if (text == null || text.isEmpty() || current.length == 0) {
            return text;
        }
        BitSet masked = DecodedView.worthDecoding(text) ? decoded(text, raw, wholeValue) : null;
        for (Form form : current) {
            if (form.tokenOnly && wholeValue) {
                if (text.equals(form.text)) {
                    return MASK;
                }
                continue;
            }
            int at = text.indexOf(form.text);
            while (at >= 0) {
                int end = at + form.text.length();
                if (!form.tokenOnly || isBoundary(text, at, true) && isBoundary(text, end, false)) {
                    if (masked == null) {
                        masked = new BitSet(text.length());
                    }
                    masked.set(at, end);
                }
                at = text.indexOf(form.text, at + 1);
            }
        }
        if (masked == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (int start = masked.nextSetBit(0); start >= 0; start = masked.nextSetBit(from)) {
            out.append(text, from, start).append(MASK);
            from = masked.nextClearBit(start);
        }
        return out.append(text, from, text.length()).toString();
    }

    /**
     * The spans of the text where a value stands once the encodings a server may have applied are undone (its
     * {@code +} read both ways): a secret echoed back as {@code p%40ss} or {@code p\u0040ss} is found too.
     */
    private static BitSet decoded(String text, Form[] raw, boolean wholeValue) {
        BitSet masked = null;
        for (boolean plusIsSpace : new boolean[] {true, false}) {
            DecodedView view = DecodedView.of(text, plusIsSpace);
            if (view.text.equals(text)) {
                continue;
            }
            for (Form value : raw) {
                if (value.tokenOnly && wholeValue) {
                    if (view.text.equals(value.text)) {
                        masked = mark(masked, text, 0, text.length());
                    }
                    continue;
                }
                for (int at = view.text.indexOf(value.text); at >= 0; at = view.text.indexOf(value.text, at + 1)) {
                    int last = at + value.text.length() - 1;
                    if (!value.tokenOnly || isBoundary(view.text, at, true)
                            && isBoundary(view.text, last + 1, false)) {
                        masked = mark(masked, text, view.start[at], view.end[last]);
                    }
                }
            }
        }
        return masked;
    }

    private static BitSet mark(BitSet masked, String text, int from, int to) {
        BitSet m = masked != null ? masked : new BitSet(text.length());
        m.set(from, to);
        return m;
    }

    /**
     * Whether a header carries credentials, case-insensitive: {@code Authorization},
     * {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie}, {@code X-Api-Key},
     * {@code Api-Key}, {@code X-Auth-Token}, and any name containing {@code token}, {@code secret},
     * {@code password}, {@code session}, {@code api-key}, {@code apikey} or {@code api_key}.
     */
    public static boolean isSensitiveHeader(String name) {
        if (name == null) {
            return false;
        }
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return SENSITIVE_HEADERS.contains(lower) || Arrays.stream(SENSITIVE_FRAGMENTS).anyMatch(lower::contains);
    }

    /**
     * A header value fit for printing: unchanged when the header is not {@link #isSensitiveHeader
     * sensitive}; else the authentication scheme followed by {@code ****} ({@code Bearer ****},
     * {@code Basic ****}) when the value has one, and {@code ****} otherwise. The first word counts as a
     * scheme in {@code Authorization} and {@code Proxy-Authorization}; in other headers only a
     * well-known scheme does, so that no word of a secret that merely contains a space is shown.
     */
    public static String maskHeaderValue(String name, String value) {
        if (!isSensitiveHeader(name) || value == null) {
            return value;
        }
        String stripped = value.strip();
        int space = indexOfWhitespace(stripped);
        if (space > 0 && !stripped.substring(space).isBlank()) {
            String scheme = stripped.substring(0, space);
            String lowerName = name.strip().toLowerCase(Locale.ROOT);
            boolean authorization = lowerName.equals("authorization") || lowerName.equals("proxy-authorization");
            if (authorization ? SCHEME.matcher(scheme).matches()
                    : KNOWN_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
                return scheme + " " + MASK;
            }
        }
        return MASK;
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBoundary(String text, int index, boolean before) {
        if (before ? index == 0 : index == text.length()) {
            return true;
        }
        int cp = before ? text.codePointBefore(index) : text.codePointAt(index);
        return !Character.isLetterOrDigit(cp);
    }

    /** A class, not a record: a record would print the form it holds. */
    private static final class Form {
        final String text;
        final boolean tokenOnly;

        Form(String text, boolean tokenOnly) {
            this.text = text;
            this.tokenOnly = tokenOnly;
        }
    }
}
