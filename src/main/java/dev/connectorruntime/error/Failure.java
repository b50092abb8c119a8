package dev.connectorruntime.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * The one exception the runtime throws on purpose: it ends a call or a command with a {@link Kind} (and so an
 * exit code), a stable {@link Code}, a message that says what went wrong, and a hint that says what to do; the
 * HTTP status and the API's own error body when an answer caused it. Inside the runtime, messages may still
 * carry text from the network or a file; the engine {@link #redacted redacts} every failure before it leaves
 * (SPEC §10), and the CLI escapes control characters before printing.
 */
public class Failure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Kind kind;
    private final Code code;
    private final String hint;
    private final Integer status;
    private final String apiError;
    private final List<Problem> problems;

    private Failure(Builder b) {
        super(b.message, b.cause);
        this.kind = b.kind;
        this.code = b.code != null ? b.code : b.kind.defaultCode();
        this.hint = b.hint;
        this.status = b.status;
        this.apiError = b.apiError;
        this.problems = List.copyOf(b.problems);
    }

    public static Builder of(Kind kind, String message) {
        return new Builder(kind, message);
    }

    public static Builder of(Kind kind, Code code, String message) {
        return new Builder(kind, message).code(code);
    }

    /** Invalid definitions: every problem found, exit 3. */
    public static Failure invalid(List<Problem> problems) {
        return invalid(problems, Code.INVALID_DEFINITIONS);
    }

    /**
     * Problems that end a command with exit 3 but are not about the definitions themselves, such as missing
     * secrets ({@link Code#SECRET_MISSING}) or a bad line of the secrets file: the failure carries that code.
     */
    public static Failure invalid(List<Problem> problems, Code code) {
        long errors = problems.stream().filter(Problem::isError).count();
        String message = errors == 1 ? "1 error in the definitions" : errors + " errors in the definitions";
        return of(Kind.INVALID, message).code(code).problems(problems).build();
    }

    /** The same failure as another kind: an API-level answer of the token endpoint is an authentication failure. */
    public Failure as(Kind other) {
        return as(other, code);
    }

    /** The same failure as another kind and code. */
    public Failure as(Kind other, Code otherCode) {
        Builder b = of(other, getMessage()).code(otherCode).hint(hint).apiError(apiError).cause(getCause())
                .problems(problems);
        if (status != null) {
            b.status(status);
        }
        return b.build();
    }

    /**
     * The same failure with its message and hint masked as text, and its API error as JSON when it is JSON (string
     * values only: the body stays valid and means what it meant) else as text (SPEC §8); the cause dropped (its
     * messages are not masked), the stack trace kept.
     */
    public Failure redacted(Masking masking) {
        Builder b = of(kind, masking.text(getMessage())).code(code).hint(masking.text(hint))
                .apiError(maskedApiError(masking)).problems(problems);
        if (status != null) {
            b.status(status);
        }
        Failure f = b.build();
        f.setStackTrace(getStackTrace());
        return f;
    }

    private String maskedApiError(Masking masking) {
        if (apiError == null) {
            return null;
        }
        JsonNode json;
        try {
            json = Mapper.JSON.readTree(apiError);
        } catch (JsonProcessingException e) {
            return masking.text(apiError);
        }
        JsonNode masked = masking.json(json);
        return masked == json ? apiError : masked.toString();
    }

    public Kind kind() {
        return kind;
    }

    /** The stable code scripts and agents match on. */
    public Code code() {
        return code;
    }

    /** The exit code a command ends with for this failure (SPEC §7). */
    public int exitCode() {
        return kind.exitCode();
    }

    /** What to do about it, or {@code null}. */
    public String hint() {
        return hint;
    }

    /** The HTTP status that caused it, or {@code null}. */
    public Integer status() {
        return status;
    }

    /** The API's own error body (decoded JSON text or raw text), or {@code null}. */
    public String apiError() {
        return apiError;
    }

    /**
     * The API's own error body as JSON: the parsed tree when it is JSON (Salesforce's
     * {@code [{"message","errorCode"}]}), else a JSON string of its text; {@code null} when there is none.
     */
    public JsonNode apiErrorJson() {
        if (apiError == null) {
            return null;
        }
        try {
            return Mapper.JSON.readTree(apiError);
        } catch (JsonProcessingException e) {
            return JsonNodeFactory.instance.textNode(apiError);
        }
    }

    /**
     * The failure as JSON, in the order {@code --json-errors} and batch lines write it: {@code kind}, {@code code},
     * {@code status} ({@code null} when none), {@code api_error} ({@link #apiErrorJson()}), {@code message},
     * {@code hint}.
     */
    public ObjectNode json() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("kind", kind.id());
        o.put("code", code().id());
        if (status() != null) {
            o.put("status", status());
        } else {
            o.putNull("status");
        }
        o.set("api_error", apiErrorJson());
        o.put("message", getMessage());
        o.put("hint", hint());
        return o;
    }

    /** Definition problems behind an {@link Kind#INVALID} failure; empty otherwise. */
    public List<Problem> problems() {
        return problems;
    }

    /** Builds a {@link Failure}. */
    public static final class Builder {
        private final Kind kind;
        private final String message;
        private Code code;
        private String hint;
        private Integer status;
        private String apiError;
        private Throwable cause;
        private List<Problem> problems = List.of();

        private Builder(Kind kind, String message) {
            this.kind = Objects.requireNonNull(kind, "kind");
            this.message = Objects.requireNonNull(message, "message");
        }

        /** The stable code; by default one that only repeats the kind ({@code api-error}, {@code usage}). */
        public Builder code(Code code) {
            this.code = code;
            return this;
        }

        public Builder hint(String hint) {
            this.hint = hint;
            return this;
        }

        public Builder status(int status) {
            this.status = status;
            return this;
        }

        public Builder apiError(String apiError) {
            this.apiError = apiError;
            return this;
        }

        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        public Builder problems(List<Problem> problems) {
            this.problems = problems;
            return this;
        }

        public Failure build() {
            return new Failure(this);
        }
    }

    /** Built on first use: most failures never need their API error as a tree. */
    private static final class Mapper {
        static final JsonMapper JSON = JsonMapper.builder()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }
}
