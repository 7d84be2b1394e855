package dev.footnote.web.api;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One DEBUG line per request with its timings, counted into {@link HttpMetrics}; an INFO summary each minute. */
final class RequestLog implements AutoCloseable {
    static final String TIMINGS = "footnote.timings";
    private static final Logger log = LoggerFactory.getLogger(RequestLog.class);
    private static final java.util.Set<String> KNOWN_METHODS =
            java.util.Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");
    private final HttpMetrics metrics;
    private final ScheduledExecutorService summary;
    private long[] last = {0, 0, 0};

    RequestLog(HttpMetrics metrics) {
        this.metrics = metrics;
        this.summary = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "footnote-request-summary");
            t.setDaemon(true);
            return t;
        });
        summary.scheduleAtFixedRate(this::summarise, 60, 60, TimeUnit.SECONDS);
    }

    void handle(Context ctx, Float millis) {
        String route = route(ctx);
        int status = ctx.statusCode();
        metrics.record(method(ctx.method().name()), route, status, millis);
        if (log.isDebugEnabled()) {
            Object timings = ctx.attribute(TIMINGS);
            log.debug("{} {} -> {} in {} ms{}", ctx.method(), ctx.path(), status, String.format(Locale.ROOT, "%.1f", millis),
                    timings == null ? "" : " " + timings);
        }
    }

    /** The method as a metrics label: any name a client makes up is {@code other}, so series stay bounded. */
    static String method(String name) {
        return KNOWN_METHODS.contains(name) ? name : "other";
    }

    /** The matched route pattern (bounded label values), or a fixed label for static files and unknown paths. */
    static String route(Context ctx) {
        try {
            Endpoint e = ctx.endpoints().matchedHttpEndpoint();
            if (e != null) return e.path;
        } catch (RuntimeException ignored) {
            // no endpoint matched
        }
        return ctx.statusCode() < 400 ? "static" : "unmatched";
    }

    private synchronized void summarise() {
        long[] now = metrics.totals();
        long n = now[0] - last[0];
        if (n > 0) {
            log.info("http: {} requests in the last minute ({} client errors, {} server errors)", n, now[1] - last[1], now[2] - last[2]);
        }
        last = now;
    }

    @Override
    public void close() {
        summary.shutdownNow();
    }
}
