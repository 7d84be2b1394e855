package dev.footnote.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.answer.Answer;
import dev.footnote.answer.AnswerListener;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.AskRequest;
import dev.footnote.retrieve.Hit;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** OpenAI-compatible {@code /v1/chat/completions} and {@code /v1/models}, so existing clients can ask Footnote. */
final class OpenAiHandler {
    private static final long CREATED = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
    private final AnswerService answers;
    private final JsonBodies bodies;
    private final ObjectMapper json;

    OpenAiHandler(AnswerService answers, JsonBodies bodies, ObjectMapper json) {
        this.answers = answers;
        this.bodies = bodies;
        this.json = json;
    }

    void models(Context ctx) {
        ctx.json(Map.of("object", "list", "data",
                List.of(Map.of("id", OpenAiFormat.MODEL, "object", "model", "created", CREATED, "owned_by", "footnote"))));
    }

    void completions(Context ctx) {
        JsonNode body = bodies.read(ctx);
        AskRequest request = OpenAiFormat.request(body);
        String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        long created = Instant.now().getEpochSecond();
        if (body.path("stream").asBoolean(false)) {
            stream(ctx, request, id, created, body.path("stream_options").path("include_usage").asBoolean(false));
            return;
        }
        Answer a = answers.answer(request);
        ctx.attribute(RequestLog.TIMINGS, a.timingsMs());
        ctx.json(OpenAiFormat.completion(id, created, a.answer() + OpenAiFormat.sources(a), request, a));
    }

    /**
     * Streams the answer as chat.completion.chunk events. Text streamed while an answer is made numbers its markers
     * by retrieved passage, and citation resolution renumbers them (for about half of SciFact answers the two differ),
     * so the content sent is the final, resolved text, sentence by sentence, then the sources: exactly what the
     * non-streaming reply holds, with [n] matching footnote.citations. The role chunk goes out at once.
     */
    private void stream(Context ctx, AskRequest request, String id, long created, boolean includeUsage) {
        try (SseStream sse = new SseStream(ctx, json)) {
            sse.data(sse.toJson(OpenAiFormat.chunk(id, created, Map.of("role", "assistant", "content", ""), null, null)));
            // the listener sends nothing (see above) but stops the answer, and the model call, once the client has left
            Answer a = answers.answer(request, new AnswerListener() {
                @Override
                public void onRetrieval(List<Hit> hits) {
                    sse.ensureOpen();
                }

                @Override
                public void onDelta(String text) {
                    sse.ensureOpen();
                }
            });
            String content = a.answer() + OpenAiFormat.sources(a);
            for (String piece : OpenAiFormat.pieces(content)) {
                sse.data(sse.toJson(OpenAiFormat.chunk(id, created, Map.of("content", piece), null, null)));
            }
            sse.data(sse.toJson(OpenAiFormat.chunk(id, created, Map.of(), "stop", OpenAiFormat.footnote(a))));
            if (includeUsage) sse.data(sse.toJson(OpenAiFormat.usageChunk(id, created, OpenAiFormat.usage(request, content))));
            sse.data("[DONE]");
            ctx.attribute(RequestLog.TIMINGS, a.timingsMs());
        } catch (SseStream.ClientGone e) {
            // the client closed the stream; nothing more to do
        }
    }
}
