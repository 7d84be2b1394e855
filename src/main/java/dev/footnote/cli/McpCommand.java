package dev.footnote.cli;

import dev.footnote.App;
import dev.footnote.config.Settings;
import dev.footnote.index.IngestReport;
import dev.footnote.index.Progress;
import dev.footnote.mcp.FootnoteTools;
import dev.footnote.mcp.McpStdioServer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code mcp}: syncs the seeds, then serves the MCP tools over stdin/stdout until the client closes stdin. */
final class McpCommand implements Command {
    @Override
    public String name() {
        return "mcp";
    }

    @Override
    public String summary() {
        return "serve the MCP tools (ask, search, get_document_span) over stdio, for desktop MCP clients";
    }

    @Override
    public String usage() {
        return """
                Usage: footnote mcp [--seeds DIR] [--index DIR]

                Brings the index up to date with the seeds folder, then speaks the Model Context Protocol on stdin and
                stdout (JSON-RPC, one message a line) until stdin is closed. Logs and the ingest report go to stderr.
                Over HTTP the same tools are served at /mcp by 'serve'.
                  --seeds DIR   seeds folder (default FOOTNOTE_SEEDS_DIR, 'seeds')
                  --index DIR   index folder (default FOOTNOTE_INDEX_DIR, 'data/index')""";
    }

    @Override
    public int run(List<String> argv) throws InterruptedException {
        Args a = new Args(argv, Set.of(), Set.of("seeds", "index"));
        Settings s = CliSettings.load(a);
        // stdout belongs to the protocol: anything else printed by accident goes to stderr instead
        PrintStream protocol = System.out;
        System.setOut(System.err);
        try (App app = App.create(s)) {
            IngestReport r = app.syncSeeds(Progress.silent());
            System.err.println(r.summary());
            CountDownLatch closed = new CountDownLatch(1);
            FootnoteTools tools = app.mcpTools();
            try (McpStdioServer server = new McpStdioServer(tools, new EndSignalling(System.in, closed), protocol)) {
                closed.await();
            }
        }
        return 0;
    }

    /** Counts the latch down when the client closes stdin, so the process can end. */
    private static final class EndSignalling extends FilterInputStream {
        private final CountDownLatch closed;

        EndSignalling(InputStream in, CountDownLatch closed) {
            super(in);
            this.closed = closed;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) closed.countDown();
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n < 0) closed.countDown();
            return n;
        }
    }
}
