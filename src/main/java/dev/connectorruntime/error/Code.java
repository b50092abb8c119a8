package dev.connectorruntime.error;

/**
 * The stable problem codes: every {@link Problem} in a definition and every {@link Failure} carries one. Scripts
 * and agents match on {@link #id()}; messages and hints may be improved between versions, codes never change
 * meaning. {@code docs/errors.md} lists every one (a test holds the two equal).
 */
public enum Code {
    /** A definition problem: see {@code docs/errors.md}. */
    YAML_SYNTAX("yaml-syntax"),
    /** A definition problem: see {@code docs/errors.md}. */
    YAML_UNQUOTED_TEMPLATE("yaml-unquoted-template"),
    /** A definition problem: see {@code docs/errors.md}. */
    YAML_DUPLICATE_KEY("yaml-duplicate-key"),
    /** A definition problem: see {@code docs/errors.md}. */
    YAML_ANCHOR("yaml-anchor"),
    /** A definition problem: see {@code docs/errors.md}. */
    YAML_ALIAS("yaml-alias"),
    /** A definition problem: see {@code docs/errors.md}. */
    YAML_TAG("yaml-tag"),
    /** A definition problem: see {@code docs/errors.md}. */
    YAML_KEY_NOT_SCALAR("yaml-key-not-scalar"),
    /** A definition problem: see {@code docs/errors.md}. */
    YAML_MULTIPLE_DOCUMENTS("yaml-multiple-documents"),
    /** A definition problem: see {@code docs/errors.md}. */
    YAML_EMPTY("yaml-empty"),
    /** A definition problem: see {@code docs/errors.md}. */
    YAML_TOO_LARGE("yaml-too-large"),
    /** A definition problem: see {@code docs/errors.md}. */
    YAML_TOO_DEEP("yaml-too-deep"),
    /** A definition problem: see {@code docs/errors.md}. */
    YAML_ENCODING("yaml-encoding"),
    /** A definition problem: see {@code docs/errors.md}. */
    YAML_UNREADABLE("yaml-unreadable"),
    /** A definition problem: see {@code docs/errors.md}. */
    MISSING_KEY("missing-key"),
    /** A definition problem: see {@code docs/errors.md}. */
    UNKNOWN_KEY("unknown-key"),
    /** A definition problem: see {@code docs/errors.md}. */
    WRONG_TYPE("wrong-type"),
    /** A definition problem: see {@code docs/errors.md}. */
    BAD_VALUE("bad-value"),
    /** A definition problem: see {@code docs/errors.md}. */
    BAD_NAME("bad-name"),
    /** A definition problem: see {@code docs/errors.md}. */
    NAME_MISMATCH("name-mismatch"),
    /** A definition problem: see {@code docs/errors.md}. */
    BAD_DURATION("bad-duration"),
    /** A definition problem: see {@code docs/errors.md}. */
    BAD_PATH("bad-path"),
    /** A definition problem: see {@code docs/errors.md}. */
    BAD_POINTER("bad-pointer"),
    /** A definition problem: see {@code docs/errors.md}. */
    BAD_URL("bad-url"),
    /** A definition problem: see {@code docs/errors.md}. */
    BAD_HEADER_NAME("bad-header-name"),
    /** A definition problem: see {@code docs/errors.md}. */
    RESERVED_HEADER("reserved-header"),
    /** A definition problem: see {@code docs/errors.md}. */
    SEVERAL_BODIES("several-bodies"),
    /** A definition problem: see {@code docs/errors.md}. */
    PAGINATE_STYLE("paginate-style"),
    /** A definition problem: see {@code docs/errors.md}. */
    SEVERAL_RESPONSES("several-responses"),
    /** A definition problem: see {@code docs/errors.md}. */
    DUPLICATE_EXAMPLE("duplicate-example"),
    /** A definition problem: see {@code docs/errors.md}. */
    REQUIRED_WITH_DEFAULT("required-with-default"),
    /** A definition problem: see {@code docs/errors.md}. */
    BAD_DEFAULT("bad-default"),
    /** A definition problem: see {@code docs/errors.md}. */
    SCHEMA("schema"),
    /** A definition problem: see {@code docs/errors.md}. */
    CONSTRAINT("constraint"),
    /** A definition problem: see {@code docs/errors.md}. */
    UNKNOWN_KIND("unknown-kind"),
    /** A definition problem: see {@code docs/errors.md}. */
    PLACEHOLDER_NOT_ALLOWED("placeholder-not-allowed"),
    /** A definition problem: see {@code docs/errors.md}. */
    SECRET_BAD_PLACEHOLDER("secret-bad-placeholder"),
    /** A definition problem: see {@code docs/errors.md}. */
    SECRET_MISSING("secret-missing"),
    /** A definition problem: see {@code docs/errors.md}. */
    SECRETS_FILE_SYNTAX("secrets-file-syntax"),
    /** A definition problem: see {@code docs/errors.md}. */
    TEMPLATE_UNDECLARED("template-undeclared"),
    /** A definition problem: see {@code docs/errors.md}. */
    TEMPLATE_TRIPLE_MUSTACHE("template-triple-mustache"),
    /** A definition problem: see {@code docs/errors.md}. */
    TEMPLATE_DOTTED_NAME("template-dotted-name"),
    /** A definition problem: see {@code docs/errors.md}. */
    TEMPLATE_PARTIAL("template-partial"),
    /** A definition problem: see {@code docs/errors.md}. */
    TEMPLATE_DELIMITER("template-delimiter"),
    /** A definition problem: see {@code docs/errors.md}. */
    TEMPLATE_RESERVED("template-reserved"),
    /** A definition problem: see {@code docs/errors.md}. */
    TEMPLATE_IMPLICIT_ITERATOR("template-implicit-iterator"),
    /** A definition problem: see {@code docs/errors.md}. */
    TEMPLATE_SYNTAX("template-syntax"),
    /** A definition problem: see {@code docs/errors.md}. */
    OPTIONAL_PATH_VARIABLE("optional-path-variable"),
    /** A definition problem: see {@code docs/errors.md}. */
    BAD_OUTPUT("bad-output"),
    /** A definition problem: see {@code docs/errors.md}. */
    OUTPUT_FAILED("output-failed"),
    /** A definition problem: see {@code docs/errors.md}. */
    EXAMPLE_INPUTS("example-inputs"),
    /** A definition problem: see {@code docs/errors.md}. */
    UNKNOWN_CONNECTOR("unknown-connector"),
    /** A definition problem: see {@code docs/errors.md}. */
    UNUSED_INPUT("unused-input"),
    /** A fault of the runtime itself: please report it. */
    INTERNAL("internal"),
    /** A command line or call the runtime cannot carry out as given (options that do not combine, a missing argument). */
    USAGE("usage"),
    /** An input value that breaks the action's inputs (type, range, pattern, unknown input). */
    BAD_INPUT("bad-input"),
    /** No action of that name in the workspace. */
    UNKNOWN_ACTION("unknown-action"),
    /** No example of that name in the action. */
    UNKNOWN_EXAMPLE("unknown-example"),
    /** The definitions have errors: the failure lists each problem with its own code. */
    INVALID_DEFINITIONS("invalid-definitions"),
    /** The secrets file named cannot be read. */
    SECRETS_FILE("secrets-file"),
    /** The token endpoint answered with an error (RFC 6749 `error` and `error_description` shown). */
    TOKEN_REFUSED("token-refused"),
    /** The token endpoint answered 2xx with something unusable: not a JSON object, no `access_token`, not a bearer token, no `base_url_from` field. */
    TOKEN_RESPONSE("token-response"),
    /** The API answered 401 after the token was renewed, or to credentials that cannot be renewed. */
    UNAUTHORIZED("unauthorized"),
    /** The API answered with a non-2xx status (its own error body in `api_error`). */
    API_ERROR("api-error"),
    /** The API asked to wait longer than `retry.max_delay`. */
    RETRY_AFTER_TOO_LONG("retry-after-too-long"),
    /** An answer over the body cap. */
    RESPONSE_TOO_LARGE("response-too-large"),
    /** An answer that cannot be decoded as the action needs it (not JSON where JSON is needed). */
    BAD_RESPONSE("bad-response"),
    /** A redirect or next-page URL to another origin (credentials never leave theirs), or too many redirects. */
    REDIRECT_REFUSED("redirect-refused"),
    /** A page without items, a page that points back to one already fetched, or more than `max_pages`. */
    PAGINATION_FAILED("pagination-failed"),
    /** The server refused the connection. */
    CONNECTION_REFUSED("connection-refused"),
    /** No connection within the connect timeout. */
    CONNECT_TIMEOUT("connect-timeout"),
    /** No answer within the timeout. */
    TIMEOUT("timeout"),
    /** The host name does not resolve. */
    DNS("dns"),
    /** The TLS handshake failed (an untrusted certificate, most often). */
    TLS("tls"),
    /** The connection closed before the answer was complete. */
    CONNECTION_RESET("connection-reset"),
    /** The call's total deadline (`--timeout`) passed. */
    DEADLINE("deadline"),
    /** Ctrl-C. */
    INTERRUPTED("interrupted"),
    /** The call was cancelled through its handle, or its deadline passed while it was queued. */
    CANCELLED("cancelled"),
    /** The engine was closed while the call was queued or in flight. */
    CLOSED("closed");

    private final String id;

    Code(String id) {
        this.id = id;
    }

    /** The code as written in reports, JSON and {@code docs/errors.md}: {@code yaml-syntax}, {@code timeout}. */
    public String id() {
        return id;
    }

    /** The code of this id, or {@code null}. */
    public static Code of(String id) {
        for (Code c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return id;
    }
}
