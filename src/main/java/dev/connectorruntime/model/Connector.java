package dev.connectorruntime.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import dev.connectorruntime.error.Location;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where an API lives and how to authenticate to it: one {@code connectors/<name>.yaml} (SPEC §2).
 *
 * @param name        equals the file's base name
 * @param description for people, or {@code null}
 * @param baseUrl     the API's base URL, path prefix kept; {@code null} when {@code auth.base_url_from} names it
 * @param auth        how requests are authenticated
 * @param headers     sent with every API request (never to the token URL)
 * @param timeout     per attempt, or {@code null} for the default
 * @param retry       the retry policy, or {@code null} for the default
 * @param caFile      an extra PEM bundle to trust, or {@code null}
 * @param maxBody     the body cap in bytes ({@code max_body}), or {@code null} for the default
 * @param location    the file
 */
public record Connector(@NotNull @Pattern(regexp = Names.PATTERN, message = Names.MESSAGE) String name,
                        String description, SecretTemplate baseUrl, @NotNull Auth auth,
                        Map<String, SecretTemplate> headers, Duration timeout, @Valid RetryPolicy retry, Path caFile,
                        Long maxBody, Location location) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public Connector {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(location, "location");
        headers = Copies.ordered(headers);
    }

    /** Issue 12: what the HTTP client owns, and proxy headers, are not a connector's to set either. */
    @AssertTrue(message = "may not set a Proxy-* header or one the HTTP client owns: "
            + ReservedHeaders.CLIENT_OWNED_LIST)
    public boolean isHeadersAllowed() {
        return headers.keySet().stream().noneMatch(ReservedHeaders::forConnector);
    }

    /** Every value of this connector that may hold {@code <<placeholders>>}: URLs, credentials, headers. */
    public List<SecretTemplate> templates() {
        List<SecretTemplate> all = new ArrayList<>(Auth.present(baseUrl));
        all.addAll(auth.templates());
        all.addAll(headers.values());
        return all;
    }

    /**
     * Whether requests of this connector are likely to use TLS, as a hint for start-up work only (the answer never
     * changes what is sent): its base URL or, when the token response names the base URL, its token URL does not
     * plainly start with {@code http:}.
     */
    public boolean likelyTls() {
        SecretTemplate url = baseUrl != null ? baseUrl : auth instanceof OAuth2 o ? o.client().tokenUrl() : null;
        return url == null || !url.source().regionMatches(true, 0, "http:", 0, 5);
    }

    /** The token-response field that names the base URL, or {@code null}. */
    public String baseUrlFrom() {
        return auth instanceof OAuth2 o ? o.client().baseUrlFrom() : null;
    }
}
