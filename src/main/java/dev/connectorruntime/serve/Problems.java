package dev.connectorruntime.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.secret.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Failures as HTTP answers (SPEC §11): {@code application/problem+json} (RFC 9457) with the one status table of
 * the server. An upstream authentication failure is {@code 502}, never {@code 401}: that would tell our caller
 * that <em>they</em> are unauthenticated.
 */
final class Problems {

    static final String TYPE_PREFIX = "urn:connector-runtime:problem:";
    static final String MEDIA_TYPE = "application/problem+json";
    /** Seconds a caller is told to wait when a queue is full. */
    static final int RETRY_AFTER = 1;

    private Problems() {
    }

    /** The HTTP status of a failure. */
    static int status(Failure f) {
        return switch (f.code()) {
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case UNKNOWN_ACTION, NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case REQUEST_TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case OVERLOADED, CLOSED -> 503;
            case QUEUE_TIMEOUT -> 504;
            default -> switch (f.kind()) {
                case USAGE -> 400;
                case AUTH, API -> 502;
                case NETWORK -> 504;
                case CANCELLED, CLOSED, INTERRUPTED, OVERLOADED -> 503;
                case INVALID, INTERNAL, TEST -> 500;
            };
        };
    }

    /** The problem document. */
    static ObjectNode json(Failure f, List<String> errors, Redactor redactor) {
        ObjectNode o = Json.object();
        o.put("type", TYPE_PREFIX + f.code().id());
        o.put("title", title(f.code()));
        o.put("status", status(f));
        o.put("detail", f.getMessage());
        o.put("kind", f.kind().id());
        o.put("code", f.code().id());
        o.put("hint", f.hint());
        if (f.status() != null) {
            o.put("upstream_status", f.status());
        }
        o.set("api_error", redactor.json(f.apiErrorJson()));
        if (!errors.isEmpty()) {
            errors.forEach(o.putArray("errors")::add);
        }
        return o;
    }

    static HttpFront.Answer answer(Failure f, List<String> errors, Redactor redactor) {
        int status = status(f);
        HttpFront.Answer a = new HttpFront.Answer(status, MEDIA_TYPE,
                Json.compact(json(f, errors, redactor)).getBytes(StandardCharsets.UTF_8), Map.of());
        if (f.code() == Code.UNAUTHENTICATED) {
            a = a.with("WWW-Authenticate", "Bearer");
        }
        if (f.kind() == Kind.OVERLOADED) {
            a = a.with("Retry-After", String.valueOf(RETRY_AFTER));
        }
        return a;
    }

    /** {@code bad-input} → {@code Bad input}. */
    static String title(Code code) {
        String words = code.id().replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
