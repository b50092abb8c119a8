package dev.connectorruntime.serve;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * MCP over stdin and stdout (SPEC §11): one JSON-RPC message per line each way, nothing else on stdout.
 *
 * <p>Written here rather than taken from the SDK, whose stdio transport runs non-daemon executors and drops
 * replies once it is closing: this one reads on one daemon thread, hands each message to the session at once (so
 * calls run side by side), writes each reply as one line under a lock, and tells {@link #ended()} when stdin ends,
 * so that the server can answer what is in flight and exit (MCP clients close stdin first). It also does what the
 * SDK does not: a {@code notifications/cancelled} cancels the engine call of that request id, and the request id
 * of each call reaches the tool handler in its transport context.
 */
final class StdioTransport implements McpServerTransportProvider {

    /** The longest message read: a longer line is answered with a parse error and skipped. */
    static final int MAX_LINE = 4 * 1024 * 1024;

    private final McpJsonMapper mapper;
    private final InputStream in;
    private final Writer out;
    private final McpTools tools;
    private final Consumer<String> log;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile McpServerSession session;

    StdioTransport(McpJsonMapper mapper, InputStream in, Writer out, McpTools tools, Consumer<String> log) {
        this.mapper = mapper;
        this.in = in;
        this.out = out;
        this.tools = tools;
        this.log = log;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        this.session = factory.create(new SessionTransport());
    }

    /** Starts reading stdin on a daemon thread. */
    void start() {
        Thread reader = new Thread(this::read, "mcp-stdin");
        reader.setDaemon(true);
        reader.start();
    }

    /** Counts down when stdin has ended (or failed). */
    CountDownLatch ended() {
        return ended;
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        McpServerSession s = session;
        return s == null ? Mono.empty() : s.sendNotification(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.empty();
    }

    private void read() {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean tooLong = false;
            int b;
            while ((b = in.read()) != -1) {
                if (b != '\n') {
                    if (line.size() < MAX_LINE) {
                        line.write(b);
                    } else {
                        tooLong = true;
                    }
                    continue;
                }
                if (tooLong) {
                    reply(parseError("the message is longer than " + MAX_LINE + " bytes"));
                } else {
                    String text = line.toString(StandardCharsets.UTF_8).strip();
                    if (!text.isEmpty()) {
                        safely(text);
                    }
                }
                line.reset();
                tooLong = false;
            }
            String rest = line.toString(StandardCharsets.UTF_8).strip();
            if (!rest.isEmpty() && !tooLong) {
                safely(rest);
            }
        } catch (IOException e) {
            log.accept("warning: reading stdin failed: " + e.getMessage());
        } finally {
            ended.countDown();
        }
    }

    private void safely(String text) {
        try {
            dispatch(text);
        } catch (RuntimeException e) {
            log.accept("warning: an MCP message failed: " + e);
        }
    }

    private void dispatch(String text) {
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(mapper, text);
        } catch (IOException | RuntimeException e) {
            reply(parseError("not a JSON-RPC message"));
            return;
        }
        if (message instanceof McpSchema.JSONRPCNotification n && "notifications/cancelled".equals(n.method())) {
            if (n.params() instanceof Map<?, ?> params && params.get("requestId") != null) {
                tools.cancel(params.get("requestId"));
            }
            return;
        }
        Object id = message instanceof McpSchema.JSONRPCRequest r ? r.id() : null;
        McpTransportContext context = McpTransportContext.create(id == null ? Map.of() : Map.of(McpTools.REQUEST_ID, id));
        session.handle(message)
                .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                .subscribe(null, e -> log.accept("warning: an MCP message failed: " + e.getMessage()));
    }

    /** JSON-RPC 2.0 §5: a message that cannot be read is answered with a parse error whose id is null. */
    static String parseError(String why) {
        return "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":" + McpSchema.ErrorCodes.PARSE_ERROR
                + ",\"message\":\"" + why + "\"}}";
    }

    private void reply(McpSchema.JSONRPCMessage message) {
        try {
            reply(mapper.writeValueAsString(message));
        } catch (IOException e) {
            log.accept("warning: an MCP message could not be written: " + e.getMessage());
        }
    }

    private void reply(String json) {
        try {
            String line = json + "\n";
            synchronized (out) {
                out.write(line);
                out.flush();
            }
        } catch (IOException e) {
            log.accept("warning: writing to stdout failed: " + e.getMessage());
        }
    }

    private final class SessionTransport implements McpServerTransport {

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.fromRunnable(() -> reply(message));
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
            return mapper.convertValue(data, type);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }
    }
}
