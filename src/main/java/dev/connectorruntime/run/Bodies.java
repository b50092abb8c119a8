package dev.connectorruntime.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.http.HttpResult;
import dev.connectorruntime.model.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A successful answer's body as the runtime uses it: JSON decoded, anything else as text, nothing as null. */
final class Bodies {

    private Bodies() {
    }

    static Output decode(HttpResult result) {
        if (result.body().length == 0) {
            return Output.of(Json.nodes().nullNode());
        }
        if (result.isJson()) {
            return Output.of(json(result));
        }
        String text = result.text();
        if (result.header("Content-Type") == null) {
            try {
                return Output.of(Json.parse(text));
            } catch (IOException e) {
                return Output.text(text);
            }
        }
        return Output.text(text);
    }

    /** The body as JSON; UTF-8 (RFC 8259 §8.1) is parsed from the bytes, without a copy as text. */
    static JsonNode json(HttpResult result) {
        try {
            return result.charset().equals(StandardCharsets.UTF_8) ? Json.parse(result.body())
                    : Json.parse(result.text());
        } catch (IOException e) {
            String text = result.text();
            throw Failure.of(Kind.API, "the API's answer from " + result.uri().getHost()
                            + " says it is JSON but is not valid JSON (" + result.body().length + " bytes)")
                    .code(Code.BAD_RESPONSE).status(result.status())
                    .apiError(text.length() > 2000 ? text.substring(0, 2000) + "…" : text)
                    .hint("the server may have sent an error page or a truncated body: see -v").build();
        }
    }
}
