package dev.footnote.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.answer.AnswerService;
import dev.footnote.config.ServerSettings;
import dev.footnote.feedback.FeedbackService;
import dev.footnote.index.Indexer;
import dev.footnote.index.IngestReport;
import dev.footnote.library.Library;
import dev.footnote.library.Originals;
import dev.footnote.library.UploadStore;
import dev.footnote.mcp.McpHttpEndpoint;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;

/** The HTTP server: builds the routes from the app's parts, starts on a port (0 for any free one), stops. */
public final class WebServer implements AutoCloseable {
    static final int IDLE_TIMEOUT_MS = 30_000;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    /** The largest JSON body, and MCP message, accepted. */
    public static final int MAX_MESSAGE_BYTES = JsonBodies.MAX_BYTES;
    /** A request body must arrive at this rate once {@link #BODY_GRACE_MS} have passed, or it is refused with 408. */
    static final long MIN_BODY_BYTES_PER_SECOND = 1024;
    static final long BODY_GRACE_MS = 5_000;
    private final Javalin javalin;
    private final RequestLog requestLog;
    private final AtomicBoolean ready = new AtomicBoolean();
    /** The interface the server listens on ({@code FOOTNOTE_HOST}, loopback by default). */
    private final String host;
    private final McpHttpEndpoint mcp;

    private WebServer(ServerSettings server, AnswerService answers, Library library, UploadStore uploads, Originals originals,
                      Supplier<IngestReport> reindex, Supplier<Map<String, Long>> gauges, McpHttpEndpoint mcp,
                      Supplier<FeedbackService> feedbackService, Supplier<dev.footnote.answer.ModelStatus> model,
                      Supplier<Indexer.Status> indexing) {
        ObjectMapper json = Json.mapper();
        this.host = server.host();
        long maxUpload = (long) server.maxUploadMb() * 1024 * 1024;
        JsonBodies bodies = new JsonBodies(json);
        HttpMetrics metrics = new HttpMetrics();
        this.requestLog = new RequestLog(metrics);
        // every /api and /v1 route is wrapped by the guard: a route added without guard.api/admin/metrics is open
        Guard guard = new Guard(server, new RateLimiter(server.rateLimitPerMinute(), System::nanoTime),
                new RateLimiter(server.authFailuresPerMinute(), System::nanoTime));
        AskHandler ask = new AskHandler(answers, bodies, json);
        OpenAiHandler openai = new OpenAiHandler(answers, bodies, json);
        SourcesHandler sources = new SourcesHandler(library, originals);
        AdminHandler admin = new AdminHandler(uploads, reindex);
        OpsHandler ops = new OpsHandler(ready::get, metrics, answers.stats(), library, gauges, model, indexing);
        // issue 16: MCP at /mcp and citation feedback at /api/feedback
        this.mcp = mcp;
        McpHandler mcpRoute = new McpHandler(mcp);
        FeedbackHandler feedback = new FeedbackHandler(Lazy.of(feedbackService), bodies);
        this.javalin = Javalin.create(config -> {
            configure(config, json, maxUpload, server);
            new Problems(json).register(config.routes);
            config.routes.post("/api/ask", guard.api(ask::ask));
            getAndHead(config.routes, "/api/passages/{chunkId}", guard.api(sources::passage));
            getAndHead(config.routes, "/api/documents", guard.api(sources::documents));
            getAndHead(config.routes, "/api/documents/{docId}", guard.api(sources::document));
            getAndHead(config.routes, "/api/documents/{docId}/file", guard.api(sources::file));
            getAndHead(config.routes, "/api/search", guard.api(sources::search));
            getAndHead(config.routes, "/api/examples", guard.api(sources::examples));
            config.routes.post("/api/documents", guard.admin(admin::upload));
            config.routes.delete("/api/documents/{docId}", guard.admin(admin::delete));
            config.routes.post("/api/reindex", guard.admin(admin::reindex));
            config.routes.post("/v1/chat/completions", guard.api(openai::completions));
            getAndHead(config.routes, "/v1/models", guard.api(openai::models));
            getAndHead(config.routes, "/health", ops::health);
            getAndHead(config.routes, "/ready", ops::ready); // a HEAD probe must see the 503 while starting, too
            getAndHead(config.routes, "/metrics", guard.metrics(ops::metrics));
            getAndHead(config.routes, "/openapi.json", ops::openapi);
            // issue 16: MCP (same token and rate limit as /api) and feedback
            config.routes.post(McpHttpEndpoint.PATH, guard.api(mcpRoute::post));
            getAndHead(config.routes, McpHttpEndpoint.PATH, guard.api(mcpRoute::noStream));
            config.routes.delete(McpHttpEndpoint.PATH, guard.api(mcpRoute::noStream));
            config.routes.post("/api/feedback", guard.api(feedback::submit));
            getAndHead(config.routes, "/api/feedback", guard.admin(feedback::list)); // reports are readers' words: admin only
        });
    }

    /**
     * A GET route, and HEAD through the same handler (guard included): for a HEAD request to a GET route with no HEAD
     * handler, Javalin answers 200 itself without running the handler, so a token check never ran and {@code /ready}
     * said 200 while starting.
     */
    private static void getAndHead(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    private void configure(JavalinConfig config, ObjectMapper json, long maxUpload, ServerSettings server) {
        config.jsonMapper(new JavalinJackson(json, false));
        config.startup.showJavalinBanner = false;
        config.http.compressionStrategy = CompressionStrategy.NONE; // streamed answers must reach the client event by event
        config.http.maxRequestSize = JsonBodies.MAX_BYTES;
        config.staticFiles.add("/public", Location.CLASSPATH);
        config.jetty.multipartConfig.maxFileSize(maxUpload + 1, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(maxUpload + 64 * 1024, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
        config.jetty.modifyHttpConfiguration(h -> {
            h.setRequestHeaderSize(MAX_HEADER_BYTES);
            h.setSendServerVersion(false);
            // Jetty reuses header values seen earlier on a connection, matching them case-insensitively by default:
            // "Bearer abc" after "Bearer ABC" would reach the token check as "Bearer ABC"
            h.setHeaderCacheCaseSensitive(true);
            // no setMinRequestDataRate: Jetty measures it up to the read that finds the end of the body, so a small body
            // read by a thread that was descheduled for a second fails as "too slow"; BodyDeadline measures arrival
            // (of a multipart upload, what its route has read since its first read: the upload is read as it streams)
        });
        config.requestLogger.http(requestLog::handle);
        config.jetty.modifyServer(s -> {
            // Javalin hangs its servlet context under the innermost wrapper
            s.setHandler(new Perimeter(server.allowedHosts(),
                    new BodyDeadline(JsonBodies.MAX_BYTES, BODY_GRACE_MS, MIN_BODY_BYTES_PER_SECOND, null)));
            s.setErrorHandler(new JettyProblems());
        });
    }

    /**
     * Builds the server over the parts it serves; call {@link #start(int)} to listen.
     *
     * @param originals the indexed files themselves ({@code GET /api/documents/{docId}/file})
     * @param reindex re-syncs the seeds folder ({@code POST /api/reindex})
     * @param gauges  point-in-time figures added to {@code /metrics}
     * @param mcp     the MCP tools served at {@code /mcp}
     * @param feedback the feedback service, built on first use so a server whose database is down still answers
     * @param model   what is known about the configured language model, for {@code /health}
     */
    public static WebServer create(ServerSettings server, AnswerService answers, Library library, UploadStore uploads,
                                   Originals originals, Supplier<IngestReport> reindex, Supplier<Map<String, Long>> gauges,
                                   McpHttpEndpoint mcp, Supplier<FeedbackService> feedback,
                                   Supplier<dev.footnote.answer.ModelStatus> model, Supplier<Indexer.Status> indexing) {
        return new WebServer(server, answers, library, uploads, originals, reindex, gauges, mcp, feedback, model, indexing);
    }

    public WebServer start(int port) {
        return start(port, IDLE_TIMEOUT_MS);
    }

    /** Starts with another idle timeout, so a test can watch a stalled client being dropped without waiting 30 s. */
    WebServer start(int port, int idleTimeoutMs) {
        javalin.start(host, port);
        for (Connector c : javalin.jettyServer().server().getConnectors()) {
            if (c instanceof AbstractConnector a) a.setIdleTimeout(idleTimeoutMs); // slow or stalled clients are dropped
        }
        return this;
    }

    /** Marks the index open: {@code /ready} answers 200 from now on (indexing may go on in the background). */
    public void markReady() {
        ready.set(true);
    }

    /** The HTTP routes as registered, so a test can check that each carries its guard. */
    java.util.List<io.javalin.router.Endpoint> endpoints() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream().map(p -> p.endpoint).toList();
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
        mcp.close();
        requestLog.close();
    }
}
