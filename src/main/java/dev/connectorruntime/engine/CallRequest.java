package dev.connectorruntime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.http.Cancellation;
import dev.connectorruntime.http.Deadline;
import dev.connectorruntime.http.HttpListener;
import dev.connectorruntime.model.Json;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One call of an action: its inputs, and optionally a deadline, a cancellation handle and a listener. Built with
 * {@link #of(String)}; immutable.
 *
 * <pre>{@code
 * Cancellation cancel = new Cancellation();
 * CallResult r = runtime.call(CallRequest.of("list-contacts").input("limit", 5)
 *         .timeout(Duration.ofSeconds(30)).cancellation(cancel).build());
 * }</pre>
 */
public final class CallRequest {

    private final String action;
    private final ObjectNode inputs;
    private final Map<String, String> inputTexts;
    private final Duration timeout;
    private final Deadline deadline;
    private final Cancellation cancellation;
    private final HttpListener listener;

    private CallRequest(Builder b) {
        this.action = b.action;
        this.inputs = b.share();
        this.inputTexts = Map.copyOf(b.inputTexts);
        this.timeout = b.timeout;
        this.deadline = b.deadline;
        this.cancellation = b.cancellation;
        this.listener = b.listener;
    }

    /** The same call with other typed inputs. */
    public CallRequest withInputs(ObjectNode values) {
        Builder b = new Builder(action).inputs(values).inputTexts(inputTexts).timeout(timeout).deadline(deadline)
                .cancellation(cancellation).listener(listener);
        return b.build();
    }

    /** A call of the action of this name. */
    public static Builder of(String action) {
        return new Builder(action);
    }

    public String action() {
        return action;
    }

    /** Typed input values, as a JSON object. */
    public ObjectNode inputs() {
        return inputs.deepCopy();
    }

    /** The same, not copied: for the engine, which only reads it. */
    ObjectNode inputsNode() {
        return inputs;
    }

    /** {@code NAME=VALUE} texts to be parsed by each input's type (the CLI's {@code -i}); they win over inputs. */
    public Map<String, String> inputTexts() {
        return inputTexts;
    }

    /** The deadline for this call, started now when only a timeout was given. */
    Deadline startDeadline() {
        return deadline != null ? deadline : timeout != null ? Deadline.forCall(timeout) : Deadline.NONE;
    }

    Cancellation cancellation() {
        return cancellation;
    }

    HttpListener listener() {
        return listener;
    }

    /** Builds a {@link CallRequest}. */
    public static final class Builder {
        private final String action;
        private ObjectNode inputs = Json.object();
        /** Whether {@link #inputs} belongs to a built request too: copied before the builder changes it. */
        private boolean shared;
        private final Map<String, String> inputTexts = new LinkedHashMap<>();
        private Duration timeout;
        private Deadline deadline;
        private Cancellation cancellation;
        private HttpListener listener;

        private Builder(String action) {
            this.action = Objects.requireNonNull(action, "action");
        }

        /** Input values from a map of Java values (strings, numbers, booleans, lists, maps, JSON trees). */
        public Builder inputs(Map<String, ?> values) {
            JsonNode tree;
            try {
                tree = Json.mapper().valueToTree(values);
            } catch (IllegalArgumentException e) {
                throw Failure.of(Kind.USAGE, "inputs of `" + action + "` cannot be read as JSON: " + e.getMessage())
                        .code(Code.BAD_INPUT).build();
            }
            if (tree instanceof ObjectNode fresh) { // made here: nobody else holds it
                this.inputs = fresh;
                this.shared = false;
                return this;
            }
            return inputs(tree);
        }

        /** Input values from a JSON object. */
        public Builder inputs(JsonNode values) {
            if (values == null || values.isNull()) {
                this.inputs = Json.object();
                return this;
            }
            if (!values.isObject()) {
                throw Failure.of(Kind.USAGE, "the inputs of `" + action + "` must be a JSON object, not "
                        + values.getNodeType().name().toLowerCase(java.util.Locale.ROOT)).code(Code.BAD_INPUT)
                        .build();
            }
            this.inputs = ((ObjectNode) values).deepCopy();
            this.shared = false;
            return this;
        }

        /** One input value. */
        public Builder input(String name, Object value) {
            if (shared) {
                inputs = inputs.deepCopy();
                shared = false;
            }
            inputs.set(name, Json.mapper().valueToTree(value));
            return this;
        }

        /** {@code NAME=VALUE} texts parsed by each input's type, as the CLI's {@code -i}; they win over inputs. */
        public Builder inputTexts(Map<String, String> texts) {
            inputTexts.putAll(texts);
            return this;
        }

        /** A total deadline for the call, from when it starts: token request, retries and pages included. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** A total deadline already running (the CLI's {@code --timeout} counts from the command's start). */
        public Builder deadline(Deadline deadline) {
            this.deadline = deadline;
            return this;
        }

        /** A handle that cancels the call from another thread. */
        public Builder cancellation(Cancellation cancellation) {
            this.cancellation = cancellation;
            return this;
        }

        /** Sees this call's requests and answers (besides the runtime's own listener): {@code -v} is one. */
        public Builder listener(HttpListener listener) {
            this.listener = listener;
            return this;
        }

        public CallRequest build() {
            return new CallRequest(this);
        }

        private ObjectNode share() {
            shared = true;
            return inputs;
        }
    }
}
