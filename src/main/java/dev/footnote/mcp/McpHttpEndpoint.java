package dev.footnote.mcp;

import dev.footnote.config.ServerSettings;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * MCP over Streamable HTTP, stateless: each POST to the endpoint carries one JSON-RPC message and gets its JSON
 * response (the SDK's servlet transport), so the web layer can serve it from an ordinary route behind its token
 * check and rate limit. That route answers a GET (server-initiated stream) with 405, which clients take as "no stream
 * offered".
 *
 * <p>Malformed messages are answered here, before the SDK sees them: its own error path serializes the exception
 * object, stack trace included.
 */
public final class McpHttpEndpoint implements AutoCloseable {
    public static final String PATH = "/mcp";
    private final HttpServletStatelessServerTransport transport;
    private final McpStatelessSyncServer server;
    private final McpJsonMapper json = McpJsonDefaults.getMapper();
    private final int maxRequestBytes;

    /** @param maxRequestBytes the largest JSON-RPC message accepted (413 above it) */
    public McpHttpEndpoint(FootnoteTools tools, int maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
        this.transport = HttpServletStatelessServerTransport.builder().jsonMapper(json)
                .messageEndpoint(PATH).maxRequestSize(maxRequestBytes).build();
        this.server = McpServer.sync(transport)
                .serverInfo("footnote", McpStdioServer.VERSION)
                .instructions(McpStdioServer.INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools.definitions().stream()
                        .map(d -> new McpStatelessServerFeatures.SyncToolSpecification(d.tool(),
                                (context, request) -> d.handler().apply(request.arguments())))
                        .toList())
                .build();
    }

    /** Serves one POST to {@link #PATH}; the web layer's route answers other methods (405). */
    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!allowedOrigin(request.getHeader("Origin"))) {
            error(response, 403, McpSchema.ErrorCodes.INVALID_REQUEST, "requests from web pages are refused (Origin " + request.getHeader("Origin") + ")");
            return;
        }
        String accept = request.getHeader("Accept");
        if (accept == null || !accept.contains("application/json") || !accept.contains("text/event-stream")) {
            error(response, 406, McpSchema.ErrorCodes.INVALID_REQUEST, "Accept must list application/json and text/event-stream");
            return;
        }
        if (!isJson(request.getContentType())) {
            // refused before the body is read: the web layer gathers only JSON-sized, non-multipart bodies without a thread
            error(response, 415, McpSchema.ErrorCodes.INVALID_REQUEST, "the message must be sent as application/json");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxRequestBytes + 1);
        if (body.length > maxRequestBytes) {
            error(response, 413, McpSchema.ErrorCodes.INVALID_REQUEST, "the message is larger than " + maxRequestBytes + " bytes");
            return;
        }
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(json, new String(body, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            error(response, 400, McpSchema.ErrorCodes.PARSE_ERROR, "the body is not a JSON-RPC 2.0 message");
            return;
        }
        if (!(message instanceof McpSchema.JSONRPCRequest) && !(message instanceof McpSchema.JSONRPCNotification)) {
            error(response, 400, McpSchema.ErrorCodes.INVALID_REQUEST, "send a JSON-RPC request or notification");
            return;
        }
        if (message instanceof McpSchema.JSONRPCRequest r && !paramsFit(r)) {
            error(response, 400, McpSchema.ErrorCodes.INVALID_PARAMS, "the params of " + r.method() + " are not of the shape it takes");
            return;
        }
        try {
            transport.service(new Replayed(request, body), response);
        } catch (ServletException e) {
            throw new IOException(e);
        }
    }

    private static boolean isJson(String contentType) {
        String media = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return media.equals("application/json") || media.startsWith("application/") && media.endsWith("+json");
    }

    /**
     * Whether a request's params convert to what the SDK reads them as; when they do not, the SDK answers 500 with
     * the conversion exception's message (class names and all).
     */
    private boolean paramsFit(McpSchema.JSONRPCRequest r) {
        Class<?> type = switch (String.valueOf(r.method())) {
            case McpSchema.METHOD_INITIALIZE -> McpSchema.InitializeRequest.class;
            case McpSchema.METHOD_TOOLS_CALL -> McpSchema.CallToolRequest.class;
            default -> null;
        };
        if (type == null) return true;
        try {
            return json.convertValue(r.params(), type) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * MCP clients are programs and send no Origin; a browser always does. A page on another site, even one whose name
     * was rebound to this machine's address (DNS rebinding), is refused; a local tool's page (localhost) is not.
     */
    static boolean allowedOrigin(String origin) {
        if (origin == null) return true;
        try {
            String host = java.net.URI.create(origin.strip()).getHost();
            return host != null && ServerSettings.LOOPBACK_NAMES.contains(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void error(HttpServletResponse response, int status, int code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        // JSON-RPC 2.0: the id is null when the request's id could not be read (the SDK's record refuses a null id)
        java.util.Map<String, Object> r = new java.util.LinkedHashMap<>();
        r.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        r.put("id", null);
        r.put("error", java.util.Map.of("code", code, "message", message));
        response.getWriter().write(json.writeValueAsString(r));
    }

    @Override
    public void close() {
        server.close();
    }

    /** The request with its body already read, readable again by the transport. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        /**
         * The web layer has matched the route already; the SDK checks the path again, by {@code endsWith(PATH)}, and
         * would answer 404 to a spelling the router sends here, such as {@code /mcp/}.
         */
        @Override
        public String getRequestURI() {
            return PATH;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
