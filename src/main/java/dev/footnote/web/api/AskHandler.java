package dev.footnote.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.answer.Answer;
import dev.footnote.answer.AnswerListener;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.AskRequest;
import dev.footnote.cite.Citation;
import dev.footnote.retrieve.Hit;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** {@code POST /api/ask}: the whole answer as JSON, or with {@code Accept: text/event-stream} as it is made. */
final class AskHandler {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AskHandler.class);
    private final AnswerService answers;
    private final JsonBodies bodies;
    private final ObjectMapper json;

    AskHandler(AnswerService answers, JsonBodies bodies, ObjectMapper json) {
        this.answers = answers;
        this.bodies = bodies;
        this.json = json;
    }

    void ask(Context ctx) {
        AskRequest request = AskRequests.from(bodies.read(ctx));
        if (SseStream.wanted(ctx)) {
            stream(ctx, request);
            return;
        }
        Answer answer = answers.answer(request);
        ctx.attribute(RequestLog.TIMINGS, answer.timingsMs());
        ctx.json(answer);
    }

    private void stream(Context ctx, AskRequest request) {
        try (SseStream sse = new SseStream(ctx, json)) {
            Answer answer = answers.answer(request, new AnswerListener() {
                @Override
                public void onRetrieval(List<Hit> hits) {
                    sse.event("retrieval", Map.of("passages", hits.stream().map(Views.ScoredPassage::of).toList()));
                }

                @Override
                public void onDelta(String text) {
                    sse.event("delta", Map.of("text", text));
                }

                @Override
                public void onReset(String reason) {
                    sse.event("reset", Map.of("reason", reason));
                }

                @Override
                public void onCitation(Citation c) {
                    sse.event("citation", c);
                }
            });
            sse.event("done", answer);
            ctx.attribute(RequestLog.TIMINGS, answer.timingsMs());
        } catch (SseStream.ClientGone e) {
            log.debug("client left while answering '{}'", request.question());
        }
    }
}
