package dev.connectorruntime.run;

import dev.connectorruntime.http.Origins;
import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a run sends its requests instead of where its connector says: the token endpoint and the API alike go
 * to {@code origin}, each keeping its path (the token URL's path, the base URL's prefix). The connector's files
 * are not rewritten: its URLs are re-based after their secrets are resolved. The sandbox (SPEC §9) is one such
 * target; a run with a target is a rehearsal, so it never reads or writes the disk token cache.
 *
 * @param origin {@code scheme://host:port}, no path; https, or http on a loopback address (SPEC §2)
 */
public record Target(URI origin) {

    private static final Pattern SCHEME_AND_AUTHORITY = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*");

    public Target {
        Objects.requireNonNull(origin, "origin");
        String problem = Origins.problem(origin.toString());
        if (problem != null || origin.getRawPath() != null && !origin.getRawPath().isEmpty()) {
            throw new IllegalArgumentException("a target is an origin (scheme://host:port): " + origin);
        }
    }

    /** The URL with its scheme and authority replaced by this target's origin, its path kept. */
    public String rebase(String url) {
        var m = SCHEME_AND_AUTHORITY.matcher(url);
        return m.find() ? origin + url.substring(m.end()) : origin.toString();
    }
}
