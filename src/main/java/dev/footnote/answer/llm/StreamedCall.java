package dev.footnote.answer.llm;

import dev.footnote.answer.GenerationException;
import dev.footnote.answer.TokenSink;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One streaming chat call with a hard deadline. The client's callbacks only enqueue events; the caller's thread
 * drains them and feeds the sink, so the sink is never called from a client thread or after the call has returned,
 * and a stream that hangs or stalls midway ends in {@code timeout} on time.
 */
final class StreamedCall {
    private sealed interface Event permits Token, Done, Failed { }

    private record Token(String text) implements Event { }

    private record Done(ChatResponse response) implements Event { }

    private record Failed(Throwable error) implements Event { }

    private final StreamingChatModel model;
    private final Executor executor;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile boolean abandoned;
    private volatile StreamingHandle handle;

    StreamedCall(StreamingChatModel model, Executor executor) {
        this.model = model;
        this.executor = executor;
    }

    /** Streams the answer to {@code sink} and returns its full text. */
    String run(ChatRequest request, TokenSink sink, Duration timeout) throws GenerationException {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture.runAsync(() -> model.chat(request, new Handler()), executor)
                .whenComplete((ok, error) -> {
                    if (error != null) events.add(new Failed(error));
                });
        StringBuilder text = new StringBuilder();
        try {
            while (true) {
                Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event == null) throw abandon(Failures.timeout("the answer", timeout.toMillis()));
                if (event instanceof Token t) {
                    text.append(t.text());
                    sink.accept(t.text());
                } else if (event instanceof Failed f) {
                    throw Failures.map(f.error());
                } else if (event instanceof Done d) {
                    return complete(text, d.response(), sink);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw abandon(new GenerationException("interrupted", "interrupted while waiting for the model", e));
        } catch (GenerationException | RuntimeException e) {
            abandon(null);
            throw e;
        }
    }

    /** Some clients deliver the whole text only in the final response; send it on if nothing was streamed. */
    private static String complete(StringBuilder streamed, ChatResponse response, TokenSink sink)
            throws GenerationException {
        if (streamed.toString().isBlank()) {
            String whole = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
            if (whole == null || whole.isBlank()) throw new GenerationException("empty_output", "the model returned no text");
            sink.accept(whole);
            return whole;
        }
        return streamed.toString();
    }

    private GenerationException abandon(GenerationException e) {
        abandoned = true;
        StreamingHandle h = handle;
        if (h != null) h.cancel();
        return e;
    }

    private final class Handler implements StreamingChatResponseHandler {
        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            handle = context.streamingHandle();
            if (abandoned) {
                handle.cancel();
                return;
            }
            onPartialResponse(partial.text());
        }

        @Override
        public void onPartialResponse(String token) {
            if (!abandoned && token != null && !token.isEmpty()) events.add(new Token(token));
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            if (!abandoned) events.add(new Done(response));
        }

        @Override
        public void onError(Throwable error) {
            if (!abandoned) events.add(new Failed(error));
        }
    }
}
