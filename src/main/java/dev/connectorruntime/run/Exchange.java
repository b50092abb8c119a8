package dev.connectorruntime.run;

import dev.connectorruntime.auth.Authenticator;
import dev.connectorruntime.auth.Credentials;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.http.CallContext;
import dev.connectorruntime.http.HttpCall;
import dev.connectorruntime.http.HttpResult;
import dev.connectorruntime.http.Origins;
import dev.connectorruntime.http.Retrier;
import dev.connectorruntime.http.SendPolicy;
import dev.connectorruntime.http.Urls;
import dev.connectorruntime.model.Request.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One logical API request: credentials applied, retries, same-origin redirects for GET and HEAD, and a 401
 * answered by renewing the credentials once and sending once more (SPEC §6).
 */
final class Exchange {

    private static final int MAX_REDIRECTS = 5;

    /** Builds the request for a URL with these credentials (their query parameters already on the URL). */
    interface CallFactory {
        HttpCall create(URI uri, Credentials credentials);
    }

    private final Authenticator auth;
    private final Retrier retrier;
    private final SendPolicy policy;
    private final CallContext context;

    Exchange(Authenticator auth, Retrier retrier, SendPolicy policy, CallContext context) {
        this.auth = auth;
        this.retrier = retrier;
        this.policy = policy;
        this.context = context;
    }

    Credentials credentials() {
        return auth.credentials(context);
    }

    /**
     * Sends to {@code uri} (which must be on {@code origin}) and returns a 2xx answer.
     *
     * @throws Failure AUTH on a 401 that renewal does not cure; API on any other non-2xx answer or a cross-origin
     *                 redirect
     */
    HttpResult send(URI uri, URI origin, CallFactory factory) {
        Credentials credentials = auth.credentials(context);
        HttpResult result = sendFollowing(uri, origin, factory, credentials);
        if (result.status() == 401) {
            Credentials fresh = auth.renew(credentials, context);
            if (fresh == null) {
                throw ApiErrors.of(Kind.AUTH, "the API answered", result, "",
                        "the connector's credentials were refused: check them (" + auth.describe() + ")");
            }
            result = sendFollowing(uri, origin, factory, fresh);
            if (result.status() == 401) {
                throw ApiErrors.of(Kind.AUTH, "the API answered", result, " again after the token was renewed",
                        "the token endpoint accepts the credentials but the API refuses the token: check the"
                                + " user's permissions and API access");
            }
        }
        if (!result.ok()) {
            throw ApiErrors.of(Kind.API, "the API answered", result, "", hintFor(result));
        }
        return result;
    }

    private HttpResult sendFollowing(URI uri, URI origin, CallFactory factory, Credentials credentials) {
        URI current = uri;
        for (int hop = 0; ; hop++) {
            requireOrigin(current, origin, "request");
            HttpCall call = factory.create(withQuery(current, credentials), credentials);
            HttpResult result = retrier.send(call, policy, context);
            String location = result.header("Location");
            boolean redirect = result.status() == 301 || result.status() == 302 || result.status() == 303
                    || result.status() == 307 || result.status() == 308;
            boolean followable = call.method() == Method.GET || call.method() == Method.HEAD;
            if (!redirect || location == null || !followable) {
                return result;
            }
            if (hop >= MAX_REDIRECTS) {
                throw Failure.of(Kind.API, "more than " + MAX_REDIRECTS + " redirects from " + Origins.origin(uri))
                        .code(Code.REDIRECT_REFUSED).status(result.status()).build();
            }
            URI next = current.resolve(location.trim());
            requireOrigin(next, origin, "redirect");
            current = next;
        }
    }

    static void requireOrigin(URI target, URI origin, String what) {
        if (target.getScheme() == null || target.getHost() == null || !Origins.sameOrigin(target, origin)) {
            throw Failure.of(Kind.API, "refused a " + what + " to " + (target.getHost() == null ? target
                            : Origins.origin(target)) + ": credentials for " + Origins.origin(origin)
                            + " never leave their origin")
                    .code(Code.REDIRECT_REFUSED)
                    .hint("the server pointed elsewhere; call that API through its own connector").build();
        }
    }

    /** An API key {@code in: query} added to the URL (SPEC §2). */
    private static URI withQuery(URI uri, Credentials credentials) {
        if (credentials.query().isEmpty()) {
            return uri;
        }
        List<Map.Entry<String, String>> params = new ArrayList<>();
        credentials.query().forEach((k, v) -> params.add(Map.entry(k, v.reveal())));
        return Urls.withQuery(uri, params);
    }

    private static String hintFor(HttpResult result) {
        int status = result.status();
        String location = result.header("Location");
        if (status >= 300 && status < 400 && location != null) {
            return "the API redirects to " + location.trim() + ": the runtime follows redirects only for GET and"
                    + " HEAD, on the same origin; point the action's path there";
        }
        if (status == 403) {
            return "the credentials are valid but lack permission for this request (or an API limit is reached)";
        }
        if (status == 404) {
            return "check the action's path and the values of its path inputs";
        }
        if (status == 429) {
            return "the API's rate limit is reached: try again later";
        }
        return status >= 500 ? "the API failed on its side: try again later" : null;
    }
}
