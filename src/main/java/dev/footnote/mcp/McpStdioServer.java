package dev.footnote.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;

/** MCP over stdio, for desktop clients that launch a tool as a process: JSON-RPC lines on stdin and stdout. */
public final class McpStdioServer implements AutoCloseable {
    static final String INSTRUCTIONS = "Footnote answers questions from a fixed set of indexed documents, with "
            + "citations down to exact character spans. Use ask for an answer with checked footnotes, search to find "
            + "passages, get_document_span to read the document text at a citation's offsets.";
    static final String VERSION = java.util.Optional.ofNullable(McpStdioServer.class.getPackage().getImplementationVersion()).orElse("0.1.0");
    private final McpSyncServer server;

    /** Serves on the given streams (the process's stdin and stdout); nothing else may write to {@code out}. */
    public McpStdioServer(FootnoteTools tools, InputStream in, OutputStream out) {
        StdioServerTransportProvider transport = new StdioServerTransportProvider(McpJsonDefaults.getMapper(), in, out);
        this.server = McpServer.sync(transport)
                .serverInfo("footnote", McpStdioServer.VERSION)
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools.definitions().stream()
                        .map(d -> new McpServerFeatures.SyncToolSpecification(d.tool(),
                                (exchange, request) -> d.handler().apply(request.arguments())))
                        .toList())
                .build();
    }

    @Override
    public void close() {
        server.closeGracefully();
    }
}
