package dev.footnote.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.answer.AnswerService;
import dev.footnote.config.ServerSettings;
import dev.footnote.index.IngestReport;
import dev.footnote.library.Library;
import dev.footnote.library.UploadStore;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
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
    private final Javalin javalin;
    private final RequestLog requestLog;
    private final AtomicBoolean ready = new AtomicBoolean();

    private WebServer(ServerSettings server, AnswerService answers, Library library, UploadStore uploads,
                      Supplier<IngestReport> reindex, Supplier<Map<String, Long>> gauges) {
        ObjectMapper json = Json.mapper();
        long maxUpload = (long) server.maxUploadMb() * 1024 * 1024;
        JsonBodies bodies = new JsonBodies(json);
        HttpMetrics metrics = new HttpMetrics();
        this.requestLog = new RequestLog(metrics);
        Guard guard = new Guard(server, new RateLimiter(server.rateLimitPerMinute(), System::nanoTime));
        AskHandler ask = new AskHandler(answers, bodies, json);
        OpenAiHandler openai = new OpenAiHandler(answers, bodies, json);
        SourcesHandler sources = new SourcesHandler(library);
        AdminHandler admin = new AdminHandler(uploads, reindex);
        OpsHandler ops = new OpsHandler(ready::get, metrics, answers.stats(), library, gauges);
        this.javalin = Javalin.create(config -> {
            configure(config, json, maxUpload);
            new Problems(json).register(config.routes);
            config.routes.before("/api/*", guard::check);
            config.routes.before("/v1/*", guard::check);
            config.routes.post("/api/ask", ask::ask);
            config.routes.get("/api/passages/{chunkId}", sources::passage);
            config.routes.get("/api/documents", sources::documents);
            config.routes.get("/api/documents/{docId}", sources::document);
            config.routes.get("/api/search", sources::search);
            config.routes.get("/api/examples", sources::examples);
            config.routes.post("/api/documents", admin::upload);
            config.routes.delete("/api/documents/{docId}", admin::delete);
            config.routes.post("/api/reindex", admin::reindex);
            config.routes.post("/v1/chat/completions", openai::completions);
            config.routes.get("/v1/models", openai::models);
            config.routes.get("/health", ops::health);
            config.routes.get("/ready", ops::ready);
            config.routes.get("/metrics", ops::metrics);
            config.routes.get("/openapi.json", ops::openapi);
        });
    }

    private void configure(JavalinConfig config, ObjectMapper json, long maxUpload) {
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
        });
        config.requestLogger.http(requestLog::handle);
    }

    /**
     * Builds the server over the parts it serves; call {@link #start(int)} to listen.
     *
     * @param reindex re-syncs the seeds folder ({@code POST /api/reindex})
     * @param gauges  point-in-time figures added to {@code /metrics}
     */
    public static WebServer create(ServerSettings server, AnswerService answers, Library library, UploadStore uploads,
                                   Supplier<IngestReport> reindex, Supplier<Map<String, Long>> gauges) {
        return new WebServer(server, answers, library, uploads, reindex, gauges);
    }

    public WebServer start(int port) {
        return start(port, IDLE_TIMEOUT_MS);
    }

    /** Starts with another idle timeout, so a test can watch a stalled client being dropped without waiting 30 s. */
    WebServer start(int port, int idleTimeoutMs) {
        javalin.start("0.0.0.0", port);
        for (Connector c : javalin.jettyServer().server().getConnectors()) {
            if (c instanceof AbstractConnector a) a.setIdleTimeout(idleTimeoutMs); // slow or stalled clients are dropped
        }
        return this;
    }

    /** Marks the index open and synced: {@code /ready} answers 200 from now on. */
    public void markReady() {
        ready.set(true);
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
        requestLog.close();
    }
}
