package dev.footnote.answer.llm;

import dev.footnote.answer.AnswerGenerator;
import dev.footnote.answer.ChatTurn;
import dev.footnote.answer.Draft;
import dev.footnote.answer.GenerationException;
import dev.footnote.answer.GenerationRequest;
import dev.footnote.answer.TokenSink;
import dev.footnote.config.LlmSettings;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers through a LangChain4j chat model (OpenAI-compatible, Anthropic, Ollama or Gemini): streams the draft to the
 * sink, gives up after the configured timeout, and stops calling a provider that keeps failing.
 */
public final class LangChain4jAnswerGenerator implements AnswerGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(LangChain4jAnswerGenerator.class);
    private static final Pattern CITATION = Pattern.compile("\\[\\d+]");
    /** A refusal: the model says the passages do not answer (as the prompt asks it to, or in its own words). */
    private static final Pattern CANNOT_ANSWER = Pattern.compile("(?i)\\b(?:(?:cannot|can't|can not|unable to) (?:answer|find|determine)"
            + "|(?:do|does|did)(?: not|n't) (?:contain|answer|mention|say|provide|include|specify|state)"
            + "|(?:no|not enough|insufficient) information|not (?:mentioned|stated|covered|specified|answered) in"
            + "|(?:don't|do not) know)\\b");

    private final String name;
    private final StreamingChatModel streaming;
    private final ChatModel blocking;
    private final Prompts prompts;
    private final Duration timeout;
    private final CircuitBreaker breaker;
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "footnote-llm");
        t.setDaemon(true);
        return t;
    });

    public LangChain4jAnswerGenerator(String name, StreamingChatModel streaming, ChatModel blocking, Prompts prompts,
                                      Duration timeout, CircuitBreaker breaker) {
        this.name = Objects.requireNonNull(name, "name");
        this.streaming = Objects.requireNonNull(streaming, "streaming");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
    }

    /** The generator for the configured provider, or empty when the provider is {@code none}. */
    public static Optional<LangChain4jAnswerGenerator> from(LlmSettings settings, Prompts prompts) {
        if (!settings.enabled()) return Optional.empty();
        ChatModels models = ChatModels.of(settings);
        LOG.info("language model: {} {} (timeout {} s)", models.provider(), models.modelName(),
                settings.timeout().toSeconds());
        return Optional.of(new LangChain4jAnswerGenerator(models.provider(), models.streaming(), models.blocking(),
                prompts, settings.timeout(), CircuitBreaker.withDefaults()));
    }

    @Override
    public String name() {
        return name;
    }

    /** The circuit breaker guarding the provider, for {@code /metrics}. */
    public CircuitBreaker circuitBreaker() {
        return breaker;
    }

    @Override
    public Draft generate(GenerationRequest request, TokenSink sink) throws GenerationException {
        String user = prompts.answer(request.question(), request.passages(), request.history());
        LOG.debug("answer prompt:\n{}", user);
        ChatRequest chat = ChatRequest.builder()
                .messages(SystemMessage.from(prompts.system()), UserMessage.from(user))
                .build();
        String text = guarded(() -> new StreamedCall(streaming, calls).run(chat, sink, timeout)).strip();
        boolean abstained = !CITATION.matcher(text).find() && CANNOT_ANSWER.matcher(text).find();
        return Draft.fromModel(text, abstained);
    }

    @Override
    public String rewrite(String question, List<ChatTurn> history) throws GenerationException {
        if (history.isEmpty()) return question;
        ChatRequest chat = ChatRequest.builder().messages(UserMessage.from(prompts.rewrite(question, history))).build();
        String out = guarded(() -> firstLine(blockingCall(chat)));
        return out.isEmpty() ? question : out;
    }

    private String blockingCall(ChatRequest chat) throws GenerationException {
        CompletableFuture<ChatResponse> call = CompletableFuture.supplyAsync(() -> blocking.chat(chat), calls);
        try {
            ChatResponse response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            AiMessage message = response == null ? null : response.aiMessage();
            if (message == null) throw new GenerationException("malformed_response", "the model returned no message");
            return message.text() == null ? "" : message.text();
        } catch (TimeoutException e) {
            call.cancel(true);
            throw Failures.timeout("rewriting the question", timeout.toMillis());
        } catch (ExecutionException e) {
            throw Failures.map(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new GenerationException("interrupted", "interrupted while waiting for the model", e);
        }
    }

    /** The first non-blank line, without surrounding quotes or a leading label. */
    static String firstLine(String text) {
        for (String line : text.split("\\R")) {
            String s = line.strip().replaceFirst("(?i)^standalone question:\\s*", "");
            s = s.replaceAll("^[\"'“”]+|[\"'“”]+$", "").strip();
            if (!s.isEmpty()) return s;
        }
        return "";
    }

    private String guarded(Call call) throws GenerationException {
        breaker.acquire();
        try {
            String out = call.run();
            breaker.onSuccess();
            return out;
        } catch (GenerationException e) {
            breaker.onFailure(e.reason());
            LOG.warn("{} failed ({}): {}; circuit {}", name, e.reason(), e.getMessage(), breaker.state());
            throw e;
        } catch (java.util.concurrent.CancellationException e) {
            breaker.onSuccess(); // the caller stopped listening while tokens were arriving: the model itself is fine
            throw e;
        } catch (RuntimeException e) {
            GenerationException mapped = Failures.map(e);
            breaker.onFailure(mapped.reason());
            LOG.warn("{} failed ({}): {}; circuit {}", name, mapped.reason(), mapped.getMessage(), breaker.state());
            throw mapped;
        }
    }

    @Override
    public Map<String, Long> gauges() {
        return Map.of("footnote_llm_circuit_open", breaker.isOpen() ? 1L : 0L);
    }

    /** Stops the threads that wait on the provider; a call still in flight is interrupted. */
    @Override
    public void close() {
        calls.shutdownNow();
    }

    @FunctionalInterface
    private interface Call {
        String run() throws GenerationException;
    }

    @Override
    public String toString() {
        return "LangChain4jAnswerGenerator[" + name + ", timeout=" + timeout + ", circuit=" + breaker.state() + "]";
    }
}
