package dev.footnote.web.api;

import dev.footnote.mcp.McpHttpEndpoint;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;

/** {@code /mcp}: a POSTed JSON-RPC message goes to the MCP endpoint; GET and DELETE are 405 (stateless: no stream, no session). */
final class McpHandler {
    private final McpHttpEndpoint endpoint;

    McpHandler(McpHttpEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    void post(Context ctx) throws IOException {
        endpoint.handle(ctx.req(), ctx.res());
    }

    void noStream(Context ctx) {
        throw new ApiException(405, "method-not-allowed", "Method not allowed",
                "POST JSON-RPC messages to " + McpHttpEndpoint.PATH + "; this server keeps no session and offers no stream",
                null, Map.of("Allow", "POST"));
    }
}
