package dev.connectorruntime.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.engine.CallRequest;
import dev.connectorruntime.engine.CallResult;
import dev.connectorruntime.engine.ConnectorRuntime;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import dev.connectorruntime.http.Cancellation;
import dev.connectorruntime.http.Deadline;
import dev.connectorruntime.http.HttpListener;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.secret.Redactor;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One call of an exposed action, as every front end of {@code serve} makes it (SPEC §11): the arguments checked
 * first (every problem listed), then the engine called through the connector's lane, the output masked
 * JSON-aware. The front ends only translate an {@link Outcome} into their protocol.
 */
final class Calls {

    private final ConnectorRuntime engine;
    private final Redactor redactor;
    private final Lanes lanes;

    Calls(ConnectorRuntime engine, Redactor redactor, Lanes lanes) {
        this.engine = engine;
        this.redactor = redactor;
        this.lanes = lanes;
    }

    /** How a call ended. */
    sealed interface Outcome permits Done, Failed {
    }

    /** @param output the output, masked */
    record Done(JsonNode output, CallResult result) implements Outcome {
    }

    /**
     * @param failure redacted
     * @param errors  for bad arguments, every problem; else empty
     */
    record Failed(Failure failure, List<String> errors) implements Outcome {

        /** The failure as JSON: kind, code, status, message, hint, api_error and, for bad arguments, errors. */
        ObjectNode json(Redactor redactor) {
            ObjectNode o = Json.object();
            o.put("kind", failure.kind().id());
            o.put("code", failure.code().id());
            if (failure.status() != null) {
                o.put("status", failure.status());
            } else {
                o.putNull("status");
            }
            o.put("message", failure.getMessage());
            o.put("hint", failure.hint());
            o.set("api_error", redactor.json(failure.apiErrorJson()));
            if (!errors.isEmpty()) {
                errors.forEach(o.putArray("errors")::add);
            }
            if (!failure.problems().isEmpty()) {
                // invalid definitions or a missing secret: what the server's operator must fix, by file and line
                var list = o.putArray("problems");
                for (Problem p : failure.problems()) {
                    list.add(where(p.location()) + ": " + p.severity().label() + ": " + p.message());
                }
            }
            return o;
        }

        /** {@code actions/x.yaml:3:5}: the file as the workspace names it, not the server's absolute path. */
        private static String where(Location l) {
            Path f = l.file();
            String file = f.getParent() != null && f.getParent().getFileName() != null
                    ? f.getParent().getFileName() + "/" + f.getFileName() : String.valueOf(f.getFileName());
            return l.line() <= 0 ? file : l.column() <= 0 ? file + ":" + l.line() : file + ":" + l.line() + ":"
                    + l.column();
        }
    }

    /**
     * Calls {@code entry} with {@code arguments}; never completes exceptionally.
     *
     * @param listener told of each exchange (progress), or {@link HttpListener#NONE}
     */
    CompletableFuture<Outcome> call(Catalog.Entry entry, ObjectNode arguments, Deadline deadline,
                                    Cancellation cancellation, HttpListener listener) {
        String action = entry.action().name();
        List<String> errors;
        try {
            errors = engine.inputProblems(action, arguments);
        } catch (Failure f) {
            return CompletableFuture.completedFuture(new Failed(f, List.of()));
        }
        if (!errors.isEmpty()) {
            Failure f = Failure.of(Kind.USAGE, errors.size() == 1 ? "the arguments of `" + action + "` break a rule"
                            : "the arguments of `" + action + "` break " + errors.size() + " rules")
                    .code(Code.BAD_INPUT).hint("see errors; the tool's input schema lists every input").build();
            return CompletableFuture.completedFuture(new Failed(f, errors));
        }
        CallRequest request = CallRequest.of(action).inputs(arguments).deadline(deadline)
                .cancellation(cancellation).listener(listener).build();
        return lanes.submit(entry.action().connector(), deadline, cancellation, () -> engine.call(request))
                .handle((result, thrown) -> {
                    if (thrown == null) {
                        return new Done(redactor.json(result.json()), result);
                    }
                    Throwable t = thrown instanceof CompletionException && thrown.getCause() != null
                            ? thrown.getCause() : thrown;
                    Failure f = t instanceof Failure failure ? failure.redacted(redactor)
                            : Failure.of(Kind.INTERNAL, "the call failed: " + t.getClass().getSimpleName())
                                    .code(Code.INTERNAL).build();
                    return new Failed(f, List.of());
                });
    }
}
