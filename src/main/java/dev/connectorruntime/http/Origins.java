package dev.connectorruntime.http;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The origin rules of SPEC §2 and §5: base and token URLs are https, or plain http on a loopback address; a
 * request with credentials goes only to the connector's own origin.
 */
public final class Origins {

    private Origins() {
    }

    /**
     * Checks a URL a connector names (or a token response hands back).
     *
     * @return {@code null} when the URL may be used, else what is wrong with it, one phrase
     */
    public static String problem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a valid URL: " + e.getReason();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String port = uri.getRawAuthority() == null ? null : port(uri.getRawAuthority());
        if ((scheme.equals("https") || scheme.equals("http")) && port != null && !port.isEmpty() && !isPort(port)) {
            // java.net.URI takes any digits as a port, and anything else as a registry name without a host
            return "has a port that is not a number from 1 to 65535";
        }
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            return "is not an absolute http(s) URL";
        }
        if (uri.getRawUserInfo() != null) {
            return "may not carry a user name or password";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "may not carry a query string or fragment";
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            return "must use https (plain http is allowed only on a loopback address)";
        }
        return null;
    }

    /** The port as written after the host ({@code ""} for {@code host:}), or {@code null} when there is none. */
    private static String port(String authority) {
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        int after = hostPort.startsWith("[") ? hostPort.indexOf(']') + 1 : hostPort.lastIndexOf(':');
        if (after <= 0 || after >= hostPort.length() || hostPort.charAt(after) != ':') {
            return null;
        }
        return hostPort.substring(after + 1);
    }

    private static boolean isPort(String text) {
        String digits = text.replaceFirst("^0+(?=.)", "");
        return digits.chars().allMatch(c -> c >= '0' && c <= '9') && digits.length() <= 5
                && Integer.parseInt(digits) >= 1 && Integer.parseInt(digits) <= 65535;
    }

    /** 127.0.0.0/8, ::1 and localhost: the only hosts plain http may reach. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Same scheme, host and port (default ports made explicit). */
    public static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    /** {@code https://host:port}, for messages. */
    public static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost()
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /**
     * The problem of a URL that is fine as written but not once its placeholders are resolved (the value is not
     * shown: it may hold a secret); validation reports the same code for a URL written in full.
     */
    public static Problem resolvedUrlProblem(String key, String problem, Location where) {
        return Problem.error(Code.BAD_URL, where, "`" + key + "` " + problem,
                "the value comes from its placeholders: check what they are set to");
    }
}
