package dev.connectorruntime.serve;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.secret.Redactor;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * MCP's Streamable HTTP at {@code /mcp} (SPEC §11), stateless: each {@code POST} carries one JSON-RPC message and
 * gets its answer as one {@code application/json} body; notifications get {@code 202}; {@code GET} (the server's
 * own SSE stream) is {@code 405}, as the transport allows. Without sessions the server cannot push: list-changed
 * and progress notifications are stdio-only (docs/serve.md), and an HTTP client re-lists tools when it wants.
 *
 * <p>The SDK's HTTP transports are servlets; this one is written against its stateless transport interface and
 * mounted on the server's own {@link HttpFront}, which has already checked the token, {@code Host} and
 * {@code Origin} and capped the body.
 */
final class McpHttpTransport implements McpStatelessServerTransport, HttpFront.Route {

    private final McpJsonMapper mapper;
    private final Redactor redactor;
    private final Duration limit;
    private volatile McpStatelessServerHandler handler;

    /** @param limit the longest a request may take (the call's timeout, plus a margin) */
    McpHttpTransport(McpJsonMapper mapper, Redactor redactor, Duration limit) {
        this.mapper = mapper;
        this.redactor = redactor;
        this.limit = limit;
    }

    @Override
    public void setMcpHandler(McpStatelessServerHandler handler) {
        this.handler = handler;
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.empty();
    }

    @Override
    public HttpFront.Answer handle(HttpFront.Request request) throws IOException {
        if (!request.method().equals("POST")) {
            return Problems.answer(Failure.of(Kind.USAGE, request.method() + " /mcp is not served: this server is"
                            + " stateless, it answers each POST and opens no event stream").code(Code.METHOD_NOT_ALLOWED)
                    .hint("send JSON-RPC messages with POST").build(), List.of(), redactor).with("Allow", "POST");
        }
        String contentType = request.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return Problems.answer(Failure.of(Kind.USAGE, "the body must be application/json, not "
                    + (contentType == null ? "untyped" : Security.clean(contentType)))
                    .code(Code.UNSUPPORTED_MEDIA_TYPE).hint("send Content-Type: application/json").build(),
                    List.of(), redactor);
        }
        String version = request.header("MCP-Protocol-Version");
        if (version != null && !protocolVersions().contains(version)) {
            return Problems.answer(Failure.of(Kind.USAGE, "MCP protocol version " + Security.clean(version)
                    + " is not supported").code(Code.BAD_REQUEST)
                    .hint("supported: " + String.join(", ", protocolVersions())).build(), List.of(), redactor);
        }
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(mapper, new String(request.body(), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return HttpFront.Answer.json(400, StdioTransport.parseError("not a JSON-RPC message"));
        }
        McpTransportContext context = McpTransportContext.create(Map.of("request-id", request.requestId()));
        if (message instanceof McpSchema.JSONRPCRequest r) {
            McpSchema.JSONRPCResponse response = handler.handleRequest(context, r)
                    .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                    .block(limit);
            return jsonRpc(200, response);
        }
        if (message instanceof McpSchema.JSONRPCNotification n) {
            // notifications/cancelled is not acted on here: without sessions a request id does not say whose call
            // it is; each call is bounded by its deadline instead
            if (!n.method().equals("notifications/cancelled")) {
                handler.handleNotification(context, n).block(limit);
            }
            return HttpFront.Answer.empty(202);
        }
        return HttpFront.Answer.empty(202); // a response: this server sends no requests, so nothing waits for it
    }

    private HttpFront.Answer jsonRpc(int status, McpSchema.JSONRPCResponse response) throws IOException {
        return HttpFront.Answer.json(status, mapper.writeValueAsString(response));
    }
}
