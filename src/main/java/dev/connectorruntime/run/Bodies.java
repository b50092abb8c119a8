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
        HttpResult.Text text = result.decodedText();
        if (result.header("Content-Type") == null && text.replaced() == 0) {
            try {
                return Output.of(Json.parse(text.text()));
            } catch (IOException e) {
                return Output.text(text.text());
            }
        }
        return Output.text(text.text(), text.replaced() == 0 ? null : "the answer is not valid "
                + text.charset().name() + ": " + text.replaced() + (text.replaced() == 1 ? " byte" : " bytes")
                + " replaced by U+FFFD");
    }

    /**
     * The body as JSON; UTF-8 (RFC 8259 §8.1) is parsed from the bytes, without a copy as text.
     *
     * @throws Failure API when it is not JSON, or not valid in its charset
     */
    static JsonNode json(HttpResult result) {
        HttpResult.Text text = null;
        try {
            if (result.charset().equals(StandardCharsets.UTF_8)) {
                return Json.parse(result.body());
            }
            text = result.decodedText();
            if (text.replaced() == 0) {
                return Json.parse(text.text());
            }
        } catch (IOException e) {
            // reported below, with what was sent
        }
        text = text != null ? text : result.decodedText();
        String shown = text.text().length() > 2000 ? text.text().substring(0, 2000) + "…" : text.text();
        throw Failure.of(Kind.API, "the API's answer from " + result.uri().getHost() + " says it is JSON but is not"
                        + " valid " + (text.replaced() > 0 ? text.charset().name() : "JSON")
                        + " (" + result.body().length + " bytes)")
                .code(Code.BAD_RESPONSE).status(result.status()).apiError(shown)
                .hint(text.replaced() > 0 ? "the server may have sent another charset than it declares: see -v"
                        : "the server may have sent an error page or a truncated body: see -v").build();
    }
}
