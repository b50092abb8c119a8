package dev.connectorruntime.importer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A connector an import would write (SPEC §2, §12): every value is text as it will stand in the YAML, credentials
 * already {@code <<placeholders>>}.
 *
 * @param name        the file's base name (SPEC §1)
 * @param description for people; {@code null} to leave it out
 * @param baseUrl     the API's base URL; {@code http://} on a non-loopback host is made https when written
 * @param auth        how it authenticates; {@link AuthDraft.None} for none
 * @param headers     sent with every request, in order; values may hold placeholders
 * @param source      what it came from, for the comment at the top of the file ({@code curl command line})
 */
public record ConnectorDraft(String name, String description, String baseUrl, AuthDraft auth,
                             Map<String, String> headers, String source) {

    public ConnectorDraft {
        Objects.requireNonNull(name, "name");
        auth = auth == null ? new AuthDraft.None() : auth;
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public ConnectorDraft withBaseUrl(String url) {
        return new ConnectorDraft(name, description, url, auth, headers, source);
    }

    public ConnectorDraft withAuth(AuthDraft a) {
        return new ConnectorDraft(name, description, baseUrl, a, headers, source);
    }

    public ConnectorDraft withHeaders(Map<String, String> h) {
        return new ConnectorDraft(name, description, baseUrl, auth, h, source);
    }
}
