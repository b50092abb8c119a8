package dev.connectorruntime.error;

import java.util.List;
import java.util.Objects;

/**
 * The one exception the runtime throws on purpose: it ends a command with a {@link Kind}, a message
 * that says what went wrong, and a hint that says what to do. Messages are written for people and
 * may still carry text from the network or a file: the CLI redacts and escapes them before printing.
 */
public class Failure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Kind kind;
    private final String hint;
    private final Integer status;
    private final String apiError;
    private final List<Problem> problems;

    private Failure(Builder b) {
        super(b.message, b.cause);
        this.kind = b.kind;
        this.hint = b.hint;
        this.status = b.status;
        this.apiError = b.apiError;
        this.problems = List.copyOf(b.problems);
    }

    public static Builder of(Kind kind, String message) {
        return new Builder(kind, message);
    }

    /** Invalid definitions: every problem found, exit 3. */
    public static Failure invalid(List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).count();
        String message = errors == 1 ? "1 error in the definitions" : errors + " errors in the definitions";
        return of(Kind.INVALID, message).problems(problems).build();
    }

    /** The same failure as another kind: an API-level answer of the token endpoint is an authentication failure. */
    public Failure as(Kind other) {
        Builder b = of(other, getMessage()).hint(hint).apiError(apiError).cause(getCause()).problems(problems);
        if (status != null) {
            b.status(status);
        }
        return b.build();
    }

    public Kind kind() {
        return kind;
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

    /** Definition problems behind an {@link Kind#INVALID} failure; empty otherwise. */
    public List<Problem> problems() {
        return problems;
    }

    /** Builds a {@link Failure}. */
    public static final class Builder {
        private final Kind kind;
        private final String message;
        private String hint;
        private Integer status;
        private String apiError;
        private Throwable cause;
        private List<Problem> problems = List.of();

        private Builder(Kind kind, String message) {
            this.kind = Objects.requireNonNull(kind, "kind");
            this.message = Objects.requireNonNull(message, "message");
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
}
