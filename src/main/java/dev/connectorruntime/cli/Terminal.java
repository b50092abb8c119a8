package dev.connectorruntime.cli;

import dev.connectorruntime.secret.Redactor;

/**
 * The last step before text reaches a person: control characters (which a response or a file could use to
 * rewrite the terminal) escaped, and, for text that may hold what a server sent, secrets masked by the command's
 * redactor. Everything printed passes through here.
 */
final class Terminal {

    private Terminal() {
    }

    /**
     * Escapes every control character except newline and tab. For text that holds no secret value: definitions,
     * and failures, which the engine redacted before they left it.
     */
    static String clean(String text) {
        return text == null ? null : escapeControls(text);
    }

    /** Redacts, then escapes every control character except newline and tab. */
    static String clean(String text, Redactor redactor) {
        return text == null ? null : escapeControls(redactor.redact(text));
    }

    /**
     * Escapes every control character except newline and tab, and masks nothing: only for the one value a user
     * asked to see ({@code token --show}).
     */
    static String escapeControls(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c >= 0x80 && c < 0xa0
                    || c == '\u2028' || c == '\u2029';
            if (control && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (control) {
                    sb.append(c == '\r' ? "\\r" : String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    /**
     * Whether the process's stderr is a terminal (for the progress line of a batch): {@code System.console()} only
     * answers for stdin and stdout together, so Linux's {@code /proc/self/fd/2} is read; elsewhere the console's
     * answer stands in.
     */
    static boolean isStderr() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** One line: also newlines and tabs escaped. */
    static String line(String text) {
        return clean(text).replace("\n", "\\n").replace("\t", "\\t");
    }

    /** One line, redacted: also newlines and tabs escaped. */
    static String line(String text, Redactor redactor) {
        return clean(text, redactor).replace("\n", "\\n").replace("\t", "\\t");
    }
}
