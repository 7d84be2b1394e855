package dev.footnote.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.library.RejectedInputException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one exception mapper: every failure becomes an {@code application/problem+json} body; no stack trace leaves. */
final class Problems {
    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> write(ctx, e));
        routes.exception(RejectedInputException.class, (e, ctx) -> write(ctx, fromRejected(e)));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e)));
        // a reindex over a missing or suddenly empty seeds folder: the index is kept, the admin is told why
        routes.exception(dev.footnote.ingest.SeedsFolderException.class, (e, ctx) -> write(ctx,
                new ApiException(409, "seeds-folder", "Seeds folder refused", e.getMessage(), null, Map.of())));
        routes.exception(Exception.class, (e, ctx) -> {
            ApiException client = fromBrokenBody(e);
            if (client != null) {
                log.info("{} {}: {}", ctx.method(), ctx.path(), client.problem().detail());
                write(ctx, client);
                return;
            }
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            write(ctx, new ApiException(500, "internal-error", "Internal server error",
                    "the server failed to handle this request; the error has been logged", null, Map.of()));
        });
        routes.error(404, ctx -> {
            if (!isProblem(ctx)) write(ctx, ApiException.notFound("no route " + ctx.method() + " " + ctx.path()));
        });
        routes.error(405, ctx -> {
            if (!isProblem(ctx)) write(ctx, new ApiException(405, "method-not-allowed", "Method not allowed",
                    ctx.method() + " is not allowed on " + ctx.path(), null, Map.of()));
        });
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.CONTENT_TYPE);
    }

    private static ApiException fromRejected(RejectedInputException e) {
        return switch (e.reason()) {
            case INVALID -> ApiException.badRequest(e.field(), e.getMessage());
            case TOO_LARGE -> ApiException.tooLarge(e.field(), e.getMessage());
            case UNSUPPORTED_TYPE -> new ApiException(415, "unsupported-media-type", "Unsupported media type", e.getMessage(),
                    e.field(), Map.of());
            case NOT_FOUND -> ApiException.notFound(e.getMessage());
            case CONFLICT -> new ApiException(409, "conflict", "Conflict", e.getMessage(), e.field(), Map.of());
        };
    }

    /**
     * A request body that stopped arriving (idle timeout) or ended before its Content-Length is the client's fault:
     * 408 or 400, not a 500. The connection is usually gone, so the answer is mostly for the log and the metrics.
     * The one mapping for broken bodies: {@link BodyDeadline} and multipart uploads use it too.
     */
    static ApiException fromBrokenBody(Throwable e) {
        // a timeout anywhere in the chain wins: Jetty wraps an idle multipart body in a 400 BadMessageException
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException) {
                return new ApiException(408, "request-timeout", "Request timeout", "the request body did not arrive in time",
                        null, Map.of());
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.BadMessageException b && b.getCode() >= 400 && b.getCode() < 500) {
                return new ApiException(b.getCode(), "http-" + b.getCode(), org.eclipse.jetty.http.HttpStatus.getMessage(b.getCode()),
                        "the request could not be read", null, Map.of());
            }
            if (t instanceof org.eclipse.jetty.io.EofException) {
                return ApiException.badRequest(null, "the request body ended before its declared length");
            }
        }
        return null;
    }

    private static ApiException fromJavalin(HttpResponseException e) {
        int status = e.getStatus();
        String title = switch (status) {
            case 400 -> "Invalid request";
            case 404 -> "Not found";
            case 413 -> "Content too large";
            default -> "HTTP " + status;
        };
        String detail = status >= 500 ? "the server failed to handle this request" : e.getMessage();
        return new ApiException(status, status == 413 ? "too-large" : "http-" + status, title, detail, null, Map.of());
    }

    private void write(Context ctx, ApiException e) {
        e.headers().forEach(ctx::header);
        String body;
        try {
            body = json.writeValueAsString(e.problem());
        } catch (JsonProcessingException x) {
            body = "{\"title\":\"Internal server error\",\"status\":500}";
        }
        ctx.status(e.status()).contentType(JettyProblems.CONTENT_TYPE).result(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
