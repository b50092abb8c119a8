package dev.connectorruntime.model;

/**
 * The name an action is served under (SPEC §11): what MCP clients accept and OpenAPI takes as {@code operationId}.
 * Two exposed actions of a workspace may not share one; {@code validate} says so.
 */
public final class ToolNames {

    /**
     * The strictest tool-name rule MCP clients apply (one bad name makes some clients drop every tool). Anchored by
     * {@link java.util.regex.Matcher#matches()}; {@code ^…$} in the published schema.
     */
    public static final String PATTERN = "[a-zA-Z0-9_-]{1,64}";

    static final String MESSAGE = "must be 1 to 64 letters, digits, _ and -";

    private static final int MAX = 64;

    private ToolNames() {
    }

    /** The action's tool name: {@code tool.name} when set, else {@link #from(String) from} its name. */
    public static String of(Action action) {
        String set = action.tool().name();
        return set != null ? set : from(action.name());
    }

    /**
     * A name made to match {@link #PATTERN}: every character (code point) but ASCII letters, digits, {@code _} and
     * {@code -} becomes {@code _}, then the first 64 are kept; an empty name becomes {@code _}. Action names
     * ({@code [a-z][a-z0-9_-]*}) only ever lose what follows their 64th character.
     */
    public static String from(String name) {
        StringBuilder out = new StringBuilder(Math.min(name.length(), MAX));
        name.codePoints().limit(MAX).forEach(c -> out.append(allowed(c) ? (char) c : '_'));
        return out.length() == 0 ? "_" : out.toString();
    }

    /** Whether {@code name} may be a tool name as it is. */
    public static boolean isValid(String name) {
        return name != null && name.matches(PATTERN);
    }

    private static boolean allowed(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }
}
