package dev.connectorruntime.error;

/**
 * The stable codes: every {@link Problem} in a definition and every {@link Failure} carries one. Scripts and
 * agents match on {@link #id()}; messages and hints may be improved between versions, codes never change meaning.
 * {@code docs/errors.md} lists every one, definition problems first, then failures (a test holds the two equal).
 */
public enum Code {
    // definition problems: validate reports them, run and test fail with them (exit 3 unless said otherwise)

    /** The file is not valid YAML; reported at the place the parser stopped. */
    YAML_SYNTAX("yaml-syntax"),
    /** A value starts with <code>{{</code> unquoted, which YAML reads as a mapping. */
    YAML_UNQUOTED_TEMPLATE("yaml-unquoted-template"),
    /** A key appears twice in one mapping (reported at the second). */
    YAML_DUPLICATE_KEY("yaml-duplicate-key"),
    /** An {@code &anchor}: refused, values are written out in full. */
    YAML_ANCHOR("yaml-anchor"),
    /** An {@code *alias}: refused, values are written out in full. */
    YAML_ALIAS("yaml-alias"),
    /** A tag such as {@code !!str}: refused, values are written out in full. */
    YAML_TAG("yaml-tag"),
    /** A mapping or list used as a key. */
    YAML_KEY_NOT_SCALAR("yaml-key-not-scalar"),
    /** More than one {@code ---} document in a file. */
    YAML_MULTIPLE_DOCUMENTS("yaml-multiple-documents"),
    /** A file of nothing but comments. */
    YAML_EMPTY("yaml-empty"),
    /** A file over 4 MiB. */
    YAML_TOO_LARGE("yaml-too-large"),
    /** Nesting deeper than 64 levels. */
    YAML_TOO_DEEP("yaml-too-deep"),
    /** A file that is not UTF-8. */
    YAML_ENCODING("yaml-encoding"),
    /** A file or folder that cannot be read. */
    YAML_UNREADABLE("yaml-unreadable"),
    /** A required key is absent. */
    MISSING_KEY("missing-key"),
    /** A key the format does not have. */
    UNKNOWN_KEY("unknown-key"),
    /** A list where a single value belongs, a mapping where a list belongs, and so on. */
    WRONG_TYPE("wrong-type"),
    /** A value outside its enum, pattern or range. */
    BAD_VALUE("bad-value"),
    /** An input's {@code pattern} that is not a valid regular expression ({@code java.util.regex}). */
    BAD_PATTERN("bad-pattern"),
    /**
     * A name (of a definition, an input or a connector) that breaks {@code ^[a-z][a-z0-9_-]*$}; an input named after
     * an escaper ({@code soql}, {@code soql_like}).
     */
    BAD_NAME("bad-name"),
    /** A definition's {@code name} differs from its file's base name. */
    NAME_MISMATCH("name-mismatch"),
    /** A duration that is not {@code 500ms}, {@code 30s}, {@code 5m} or {@code 2h}. */
    BAD_DURATION("bad-duration"),
    /** A size that is not a whole number of bytes or of {@code KB}, {@code MB}, {@code GB} (at most 2 GB). */
    BAD_SIZE("bad-size"),
    /** A {@code path} without a leading {@code /}, or with {@code ?} or {@code #}. */
    BAD_PATH("bad-path"),
    /** A pagination pointer that is not a JSON pointer. */
    BAD_POINTER("bad-pointer"),
    /**
     * A {@code base_url} or {@code token_url} that is not https (plain http only on loopback), or whose port is not
     * a number from 1 to 65535, as written or once its placeholders are resolved.
     */
    BAD_URL("bad-url"),
    /** A header name that is not an RFC 9110 token. */
    BAD_HEADER_NAME("bad-header-name"),
    /**
     * A header value written with a character outside visible ASCII, space and tab (RFC 9110), or (on {@code run})
     * a connector header, bearer token or API-key header that holds one once its placeholders are resolved.
     */
    BAD_HEADER_VALUE("bad-header-value"),
    /**
     * A connector or an action sets a header the HTTP client owns ({@code Host}, {@code Transfer-Encoding}, …) or a
     * {@code Proxy-*} header; an action sets {@code Authorization} or its connector's API-key header.
     */
    RESERVED_HEADER("reserved-header"),
    /** More than one of {@code json}, {@code form}, {@code text}. */
    SEVERAL_BODIES("several-bodies"),
    /** {@code paginate} with none, or more than one, of its styles. */
    PAGINATE_STYLE("paginate-style"),
    /** An example with both {@code response} and {@code responses}. */
    SEVERAL_RESPONSES("several-responses"),
    /** Two examples of one name. */
    DUPLICATE_EXAMPLE("duplicate-example"),
    /** An input with {@code required: true} and a {@code default}. */
    REQUIRED_WITH_DEFAULT("required-with-default"),
    /** An input's default breaks the input's own schema. */
    BAD_DEFAULT("bad-default"),
    /** Any other JSON Schema rule (rare: the binder's checks come first). */
    SCHEMA("schema"),
    /** A Hibernate Validator constraint on the model records (mostly for definitions built in Java). */
    CONSTRAINT("constraint"),
    /** A file named to {@code validate} that is in neither {@code connectors/} nor {@code actions/}. */
    UNKNOWN_KIND("unknown-kind"),
    /** A file in {@code connectors/} or {@code actions/} ending in {@code .yml} or {@code .YAML}: never read. */
    WRONG_EXTENSION("wrong-extension"),
    /** A {@code <<…>>} placeholder in an action file, or in a connector field that cannot hold secrets. */
    PLACEHOLDER_NOT_ALLOWED("placeholder-not-allowed"),
    /** A {@code <<…>>} placeholder whose name breaks {@code [a-z][a-z0-9_]*}. */
    SECRET_BAD_PLACEHOLDER("secret-bad-placeholder"),
    /** A placeholder with no environment variable, no secrets-file key and no default (on {@code run}, exit 3). */
    SECRET_MISSING("secret-missing"),
    /** (Warning, {@code validate}) a secret's value is shorter than 6 characters: masked only where it stands alone. */
    SECRET_SHORT("secret-short"),
    /** (Warning) a connector's credential written out in the file, with no placeholder (the value is never shown). */
    LITERAL_CREDENTIAL("literal-credential"),
    /** A line of the secrets file that is not {@code KEY=value} (its text is never shown). */
    SECRETS_FILE_SYNTAX("secrets-file-syntax"),
    /** A template names something that is not a declared input. */
    TEMPLATE_UNDECLARED("template-undeclared"),
    /** A triple mustache or an ampersand tag, which would skip encoding. */
    TEMPLATE_TRIPLE_MUSTACHE("template-triple-mustache"),
    /** A dotted name in a template: not supported. */
    TEMPLATE_DOTTED_NAME("template-dotted-name"),
    /** A partial or template inheritance: not supported. */
    TEMPLATE_PARTIAL("template-partial"),
    /** A change of delimiters: not supported. */
    TEMPLATE_DELIMITER("template-delimiter"),
    /** An escaper's name used as a variable instead of as a section. */
    TEMPLATE_RESERVED("template-reserved"),
    /** The implicit iterator outside a section. */
    TEMPLATE_IMPLICIT_ITERATOR("template-implicit-iterator"),
    /** A malformed tag: empty, unclosed, mismatched, a pragma, or anything Mustache cannot parse. */
    TEMPLATE_SYNTAX("template-syntax"),
    /** A path variable whose input is neither required nor defaulted. */
    OPTIONAL_PATH_VARIABLE("optional-path-variable"),
    /** {@code output} is not valid JMESPath. */
    BAD_OUTPUT("bad-output"),
    /** A valid {@code output} that fails on the answer (on {@code run}, exit 5), reported at its line. */
    OUTPUT_FAILED("output-failed"),
    /** An example's inputs break the action's inputs. */
    EXAMPLE_INPUTS("example-inputs"),
    /** The action's connector has no file; also the failure of a command that names a connector with no file. */
    UNKNOWN_CONNECTOR("unknown-connector"),
    /** An input no template uses (a warning). */
    UNUSED_INPUT("unused-input"),
    /**
     * Two exposed actions of the workspace are served under one tool name (SPEC §11): {@code tool.name}, or the
     * action's name made to match {@code ^[a-zA-Z0-9_-]{1,64}$}.
     */
    TOOL_NAME_COLLISION("tool-name-collision"),

    // failures of run, token, test and the engine: the kind (and so the exit code) goes with the code
    /** A fault of the runtime itself: please report it. */
    INTERNAL("internal"),
    /** A command line or call that cannot be carried out as given: options that do not combine, a missing argument. */
    USAGE("usage"),
    /** An input value that breaks the action's inputs (type, range, pattern, unknown input, a required one absent). */
    BAD_INPUT("bad-input"),
    /** {@code run --batch}: the batch file (or stdin) cannot be opened or read. */
    BATCH_FILE("batch-file"),
    /**
     * {@code run --batch}: one line is not a JSON object of inputs (not JSON, not an object, not UTF-8, over 4 MiB):
     * that line's error, never fatal.
     */
    BATCH_LINE("batch-line"),
    /** {@code run --batch}: some lines failed; each one's error is its line on stdout (exit 5). */
    BATCH_FAILED("batch-failed"),
    /** {@code run --batch --resume}: the previous output cannot be read, or is not the output of a batch. */
    RESUME_FILE("resume-file"),
    /**
     * The {@code --inputs} file (or stdin) cannot be read, is not UTF-8, or does not hold a JSON or YAML object.
     */
    INPUTS_FILE("inputs-file"),
    /** The {@code --inputs} file (or stdin) is larger than 4 MiB. */
    INPUTS_TOO_LARGE("inputs-too-large"),
    /** No action of that name in the workspace. */
    UNKNOWN_ACTION("unknown-action"),
    /** No example of that name in the action. */
    UNKNOWN_EXAMPLE("unknown-example"),
    /** The sandbox was asked to play an action that has no examples. */
    NO_EXAMPLES("no-examples"),
    /** ({@code test} only) an example did not hold: stdout says what each failing example got. */
    EXAMPLES_FAILED("examples-failed"),
    /** The definitions have errors: the failure lists each problem with its own code. */
    INVALID_DEFINITIONS("invalid-definitions"),
    /** The secrets file named cannot be read. */
    SECRETS_FILE("secrets-file"),
    /** A file the command was asked to write ({@code --junit}, {@code schema export}) cannot be written. */
    WRITE_FAILED("write-failed"),
    /** {@code import}: the source (a curl line, a collection, a document) cannot be read or is not what was asked for. */
    IMPORT_SOURCE("import-source"),
    /** {@code import}: the files it would write exist already, and {@code --force} was not given. */
    IMPORT_CONFLICT("import-conflict"),
    /** {@code import --strict}: something of the source was approximated or dropped; nothing was written. */
    IMPORT_LOSSY("import-lossy"),
    /** The JWT bearer grant's {@code private_key} is not an RSA key in PEM, or cannot sign. */
    PRIVATE_KEY("private-key"),
    /**
     * The connector's {@code tls.ca_file} does not exist, cannot be read or holds no PEM certificate: a problem at its
     * line when the connector is checked, a failure when the file changed after that.
     */
    CA_FILE("ca-file"),
    /** {@code HTTPS_PROXY} or {@code HTTP_PROXY} is not an {@code http://} proxy URL. */
    BAD_PROXY("bad-proxy"),
    /** The token endpoint answered with an error (RFC 6749 {@code error} and {@code error_description} shown). */
    TOKEN_REFUSED("token-refused"),
    /**
     * The token endpoint answered 2xx with something unusable: not a JSON object, no {@code access_token} (or one
     * that cannot go in a header), not a bearer token, no {@code base_url_from} field.
     */
    TOKEN_RESPONSE("token-response"),
    /** The API answered 401 after the token was renewed, or to credentials that cannot be renewed. */
    UNAUTHORIZED("unauthorized"),
    /** The API answered with a non-2xx status (its own error body in {@code api_error}). */
    API_ERROR("api-error"),
    /** The API asked to wait longer than {@code retry.max_delay}. */
    RETRY_AFTER_TOO_LONG("retry-after-too-long"),
    /** An answer over the body cap. */
    RESPONSE_TOO_LARGE("response-too-large"),
    /** An answer that cannot be decoded as the action needs it (not JSON where JSON is needed). */
    BAD_RESPONSE("bad-response"),
    /** A redirect or next-page URL to another origin (credentials never leave theirs), or too many redirects. */
    REDIRECT_REFUSED("redirect-refused"),
    /** A page without items, a page that points back to one already fetched, or more than {@code max_pages}. */
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
    /** The call's total deadline ({@code --timeout}) passed. */
    DEADLINE("deadline"),
    /** Ctrl-C. */
    INTERRUPTED("interrupted"),
    /** The call was cancelled through its handle, or its deadline passed while it was queued. */
    CANCELLED("cancelled"),
    /** The engine was closed while the call was queued or in flight. */
    CLOSED("closed"),
    /** {@code --token-store} or {@code CONNECTOR_RUNTIME_TOKEN_STORE} is not {@code file} or a Redis URL. */
    TOKEN_STORE_URL("token-store-url"),
    /** The shared token store (Redis) cannot be reached: refused, timed out, unknown host, closed under a call. */
    TOKEN_STORE_UNREACHABLE("token-store-unreachable"),
    /** The shared token store refused the user or password of its URL. */
    TOKEN_STORE_AUTH("token-store-auth"),
    /** The TLS handshake with a {@code rediss://} store failed: no TLS on that port, or an untrusted certificate. */
    TOKEN_STORE_TLS("token-store-tls"),
    /** The shared token store answered a command with an error (read-only replica, out of memory, …). */
    TOKEN_STORE_FAILED("token-store-failed"),
    /**
     * The token endpoint failed for another process sharing the token store moments ago: it is not asked again
     * until the short cooldown ends, so that a fleet does not hammer it.
     */
    TOKEN_ENDPOINT_COOLDOWN("token-endpoint-cooldown"),
    /** {@code serve}: the connector's queue is full. */
    OVERLOADED("overloaded"),
    /** {@code serve}: the call's deadline passed while it waited in its connector's queue. */
    QUEUE_TIMEOUT("queue-timeout"),
    /** {@code serve}: the address could not be bound. */
    BIND_FAILED("bind-failed"),
    /** {@code serve}: a non-loopback address without {@code CONNECTOR_RUNTIME_SERVE_TOKEN}. */
    SERVE_TOKEN_REQUIRED("serve-token-required"),
    /** {@code serve}: no action of the workspace validates, so there is nothing to serve. */
    NO_ACTIONS("no-actions"),
    /** {@code serve --http}: the request lacks the serve token, or carries another one. */
    UNAUTHENTICATED("unauthenticated"),
    /** {@code serve --http}: the {@code Host} or {@code Origin} is not allowed (DNS rebinding). */
    FORBIDDEN("forbidden"),
    /** {@code serve --http}: no route has that path. */
    NOT_FOUND("not-found"),
    /** {@code serve --http}: the route does not take that method. */
    METHOD_NOT_ALLOWED("method-not-allowed"),
    /** {@code serve --http}: the request body is larger than the cap. */
    REQUEST_TOO_LARGE("request-too-large"),
    /** {@code serve --http}: the request body is not {@code application/json}. */
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type"),
    /** {@code serve --http}: the request body is not the JSON the route takes. */
    BAD_REQUEST("bad-request");

    private final String id;

    Code(String id) {
        this.id = id;
    }

    /**
     * Whether a report may quote the line a problem of this code stands on: not when that line holds a secret (a
     * line of the secrets file, a credential written out in a connector).
     */
    public boolean quotesSource() {
        return this != SECRETS_FILE_SYNTAX && this != LITERAL_CREDENTIAL;
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
