package dev.connectorruntime.cli;

import dev.connectorruntime.http.Headers;
import dev.connectorruntime.http.HttpCall;
import dev.connectorruntime.http.HttpListener;
import dev.connectorruntime.http.HttpResult;
import dev.connectorruntime.model.Durations;
import dev.connectorruntime.secret.Redactor;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code -v}: every attempt on stderr, curl-style ({@code >} sent, {@code <} received, {@code *} what the runtime
 * did), token requests included. Sensitive headers show only their scheme ({@code Bearer ****}); every line passes
 * {@link Terminal#line}, so registered secrets are masked and control characters from the network escaped. Bodies
 * are never printed, only their size.
 */
final class VerboseTrace implements HttpListener {

    private final PrintWriter err;
    private final Redactor redactor;

    VerboseTrace(PrintWriter err, Redactor redactor) {
        this.err = err;
        this.redactor = redactor;
    }

    @Override
    public synchronized void sending(HttpCall call, int attempt, int maxAttempts) {
        print("> " + call.method() + " " + call.uri() + (attempt > 1 ? " (attempt " + attempt + " of " + maxAttempts + ")" : ""));
        for (Headers.Header<String> h : call.headers()) {
            print("> " + h.name() + ": " + Redactor.maskHeaderValue(h.name(), h.value()));
        }
        byte[] body = call.body();
        if (body != null) {
            print("> (body: " + bytes(body.length) + ")");
        }
        err.flush();
    }

    @Override
    public synchronized void answered(HttpCall call, HttpResult result) {
        print("< " + result.status() + " in " + result.elapsed().toMillis() + " ms, " + bytes(result.body().length));
        for (Map.Entry<String, List<String>> h : result.headers().map().entrySet()) {
            if (h.getKey().startsWith(":")) {
                continue;
            }
            for (String value : h.getValue()) {
                print("< " + h.getKey() + ": " + Redactor.maskHeaderValue(h.getKey(), value));
            }
        }
        err.flush();
    }

    @Override
    public synchronized void failed(HttpCall call, String what, Duration elapsed) {
        print("* failed after " + elapsed.toMillis() + " ms: " + what);
        err.flush();
    }

    @Override
    public synchronized void retrying(HttpCall call, Duration wait, int nextAttempt, int maxAttempts) {
        print("* retrying in " + Durations.format(wait) + " (attempt " + nextAttempt + " of " + maxAttempts + ")");
        err.flush();
    }

    private void print(String line) {
        err.println(Terminal.line(line, redactor));
    }

    private static String bytes(int n) {
        return n == 1 ? "1 byte" : n + " bytes";
    }
}
