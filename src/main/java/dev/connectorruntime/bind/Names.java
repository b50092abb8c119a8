package dev.connectorruntime.bind;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.load.YScalar;
import dev.connectorruntime.model.ReservedHeaders;
import dev.connectorruntime.secret.Placeholders;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Checks shared by both kinds of file: the {@code name} rule and where placeholders may not stand. */
final class Names {

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

    /** RFC 9110 §5.1: a field name is a token. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    static final String PLACES_HINT =
            "secrets may stand only in a connector's URLs, credentials, token_params and headers";

    private Names() {
    }

    /** The definition's {@code name}: matches {@code ^[a-z][a-z0-9_-]*$} and equals the file's base name. */
    static String check(Fields f, Path file, List<Problem> problems) {
        YScalar s = f.scalar("name", true);
        if (s == null) {
            return null;
        }
        String name = s.text();
        String base = baseName(file);
        if (!NAME.matcher(name).matches()) {
            problems.add(Problem.error(Code.BAD_NAME, s.location(),
                    "`" + name + "` is not a valid name",
                    "names are lower-case letters, digits, `-` and `_`, starting with a letter"));
            return null;
        }
        if (!name.equals(base)) {
            problems.add(Problem.error(Code.NAME_MISMATCH, s.location(),
                    "`name: " + name + "` does not match the file name `" + file.getFileName() + "`",
                    "rename the file to `" + name + ".yaml`, or set `name: " + base + "`"));
            return null;
        }
        return name;
    }

    static String baseName(Path file) {
        String f = file.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot < 0 ? f : f.substring(0, dot);
    }

    /** Adds a problem when {@code name} cannot be an HTTP header name (the HTTP client would refuse it later). */
    static void checkHeaderName(String name, Location at, List<Problem> problems) {
        // a placeholder in a name is refused as such, with its own message
        if (!HEADER_NAME.matcher(name).matches() && !Placeholders.contains(name)) {
            problems.add(Problem.error(Code.BAD_HEADER_NAME, at, "`" + name + "` is not a valid header name",
                    "header names are letters, digits and !#$%&'*+-.^_`|~, with no spaces or colons"));
        }
    }

    /** Adds a problem when an action (or a connector) may not set the header {@code name} (issue 12). */
    static void refuseReservedHeader(boolean action, String name, Location at, List<Problem> problems) {
        if (action ? !ReservedHeaders.forAction(name) : !ReservedHeaders.forConnector(name)) {
            return;
        }
        String hint = ReservedHeaders.isProxy(name) ? "`Proxy-*` headers are for a proxy, not the API: set HTTPS_PROXY"
                + " or HTTP_PROXY" : action ? "Authorization comes from the connector's `auth`; the HTTP client sets the"
                + " others" : "the HTTP client sets it itself, from the request it sends";
        problems.add(Problem.error(Code.RESERVED_HEADER, at,
                (action ? "an action" : "a connector") + " may not set the `" + name + "` header", hint));
    }

    static void refusePlaceholder(YScalar s, String key, List<Problem> problems) {
        if (Placeholders.contains(s.text())) {
            problems.add(Problem.error(Code.PLACEHOLDER_NOT_ALLOWED, s.location(),
                    "`<<…>>` placeholders are not allowed in `" + key + "`",
                    "secrets may stand only in a connector's URLs, credentials, token_params and headers"));
        }
    }
}
