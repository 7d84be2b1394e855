package dev.footnote.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.footnote.feedback.FeedbackReport;
import dev.footnote.feedback.FeedbackRequest;
import dev.footnote.feedback.FeedbackService;
import dev.footnote.feedback.FeedbackStoreException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /api/feedback} (a reader's verdict) and {@code GET /api/feedback} (admin: the newest reports). */
final class FeedbackHandler {
    private static final Logger log = LoggerFactory.getLogger(FeedbackHandler.class);
    private static final int MAX_LIMIT = 1_000;
    private final Supplier<FeedbackService> feedback;
    private final JsonBodies bodies;

    /** @param feedback the service, built on first use so a server whose database is down still answers questions */
    FeedbackHandler(Supplier<FeedbackService> feedback, JsonBodies bodies) {
        this.feedback = feedback;
        this.bodies = bodies;
    }

    void submit(Context ctx) {
        JsonNode b = bodies.read(ctx);
        JsonNode c = b.get("citation");
        FeedbackRequest.CitationRef ref = c == null || c.isNull() ? null : citation(c);
        FeedbackRequest r = new FeedbackRequest(text(b, "answerId"), text(b, "question"), text(b, "answer"),
                integer(b, "citationId"), ref, text(b, "verdict"), text(b, "comment"));
        FeedbackReport saved = stored(() -> feedback.get().submit(r));
        ctx.status(201).json(Map.of("id", saved.id(), "verdict", saved.verdict().wire()));
    }

    void list(Context ctx) {
        String l = ctx.queryParam("limit");
        int limit;
        try {
            limit = l == null ? 100 : Integer.parseInt(l);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) throw ApiException.badRequest("limit", "limit must be an integer from 1 to " + MAX_LIMIT);
        int n = limit;
        List<FeedbackReport> reports = stored(() -> feedback.get().newest(n));
        ctx.json(Map.of("reports", reports));
    }

    private static FeedbackRequest.CitationRef citation(JsonNode c) {
        if (!c.isObject()) throw ApiException.badRequest("citation", "citation must be an object {chunkId, start, end}");
        return new FeedbackRequest.CitationRef(text(c, "chunkId"), integer(c, "start"), integer(c, "end"));
    }

    private static String text(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw ApiException.badRequest(field, field + " must be a string");
        return v.asText();
    }

    private static Integer integer(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isInt()) throw ApiException.badRequest(field, field + " must be an integer");
        return v.asInt();
    }

    private static <T> T stored(Supplier<T> work) {
        try {
            return work.get();
        } catch (FeedbackStoreException e) {
            log.warn("feedback database unavailable: {}", e.getMessage());
            throw new ApiException(503, "feedback-unavailable", "Feedback unavailable",
                    "the feedback database is unavailable; try again later", null, Map.of("Retry-After", "30"));
        }
    }
}
