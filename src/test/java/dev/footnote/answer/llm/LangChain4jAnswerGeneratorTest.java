package dev.footnote.answer.llm;

import static dev.footnote.answer.llm.Fixtures.question;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.core.JsonParseException;
import dev.footnote.answer.ChatTurn;
import dev.footnote.answer.Draft;
import dev.footnote.answer.GenerationException;
import dev.footnote.config.LlmSettings;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LangChain4jAnswerGeneratorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final StreamingChatModel streaming = mock(StreamingChatModel.class);
    private final ChatModel blocking = mock(ChatModel.class);
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), Clock.systemUTC());
    private final LangChain4jAnswerGenerator generator =
            new LangChain4jAnswerGenerator("openai", streaming, blocking, Prompts.bundled(), TIMEOUT, breaker);
    private final List<String> sink = new CopyOnWriteArrayList<>();
    /** Lets a model that blocks answer at last, once a test is over. */
    private final CountDownLatch released = new CountDownLatch(1);

    @AfterEach
    void release() {
        released.countDown();
    }

    @Test
    void should_stream_the_models_answer_to_the_sink_and_return_it() throws GenerationException {
        // given
        streams("The tower is ", "330 metres tall [1].");

        // when
        Draft draft = generator.generate(question("How tall is the Eiffel Tower?"), sink::add);

        // then
        assertThat(draft.text()).isEqualTo("The tower is 330 metres tall [1].");
        assertThat(draft.abstained()).isFalse();
        assertThat(sink).containsExactly("The tower is ", "330 metres tall [1].");
    }

    @Test
    void should_send_the_system_prompt_and_numbered_passages() throws GenerationException {
        // given
        List<ChatRequest> seen = new CopyOnWriteArrayList<>();
        doAnswer(inv -> {
            seen.add(inv.getArgument(0));
            inv.<StreamingChatResponseHandler>getArgument(1).onCompleteResponse(response("Yes [1]."));
            return null;
        }).when(streaming).chat(any(ChatRequest.class), any(StreamingChatResponseHandler.class));

        // when
        generator.generate(question("How tall is the Eiffel Tower?"), sink::add);

        // then
        assertThat(seen).singleElement().satisfies(r -> {
            assertThat(r.messages()).hasSize(2);
            assertThat(r.messages().get(0).toString()).contains("Answer only from the numbered passages");
            assertThat(r.messages().get(1).toString()).contains("[1] (Eiffel Tower, 2024-03-01)")
                    .contains("[2] (Golden Gate Bridge)");
        });
        assertThat(sink).containsExactly("Yes [1].");
    }

    @Test
    void should_mark_a_refusal_without_citations_as_abstained() throws GenerationException {
        // given
        streams("I cannot answer this from the provided documents.");

        // when
        Draft draft = generator.generate(question("Who built Rome?"), sink::add);

        // then
        assertThat(draft.abstained()).isTrue();
    }

    @Test
    void should_map_model_errors_to_reasons() {
        assertThat(reasonFor(new InternalServerException(new HttpException(500, "boom")))).isEqualTo("http_500");
        assertThat(reasonFor(new HttpException(503, "unavailable"))).isEqualTo("http_503");
        assertThat(reasonFor(new RateLimitException(new HttpException(429, "slow down")))).isEqualTo("rate_limited");
        assertThat(reasonFor(new HttpException(401, "bad key"))).isEqualTo("auth_failed");
        assertThat(reasonFor(new RuntimeException(new ConnectException("Connection refused"))))
                .isEqualTo("connection_refused");
        assertThat(reasonFor(new dev.langchain4j.exception.TimeoutException("read timed out"))).isEqualTo("timeout");
        assertThat(reasonFor(new UncheckedIOException(new IOException("wrapper", new ConnectException("refused")))))
                .isEqualTo("connection_refused");
        assertThat(reasonFor(new UncheckedIOException(new IOException("reset")))).isEqualTo("connection_error");
        assertThat(reasonFor(new RuntimeException(new JsonParseException(null, "bad json"))))
                .isEqualTo("malformed_response");
        assertThat(reasonFor(new IllegalStateException("surprise"))).isEqualTo("provider_error");
    }

    @Test
    void should_report_empty_output() {
        // given
        streams();

        // when
        GenerationException e = catchThrowableOfType(GenerationException.class,
                () -> generator.generate(question("q"), sink::add));

        // then
        assertThat(e.reason()).isEqualTo("empty_output");
    }

    @Test
    @Timeout(30) // a guard against waiting for the model, not a time bound
    void should_time_out_a_model_that_never_answers() {
        // given: the client call blocks and never calls back until released
        doAnswer(inv -> {
            released.await();
            return null;
        }).when(streaming).chat(any(ChatRequest.class), any(StreamingChatResponseHandler.class));

        // when
        long start = System.nanoTime();
        GenerationException e = catchThrowableOfType(GenerationException.class,
                () -> generator.generate(question("q"), sink::add));

        // then it gave up while the model was still busy, and not before the timeout
        assertThat(e.reason()).isEqualTo("timeout");
        assertThat(released.getCount()).as("the model has not answered").isOne();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(TIMEOUT);
    }

    @Test
    void should_not_call_the_model_while_the_circuit_is_open() {
        // given
        doAnswer(inv -> {
            inv.<StreamingChatResponseHandler>getArgument(1).onError(new HttpException(500, "boom"));
            return null;
        }).when(streaming).chat(any(ChatRequest.class), any(StreamingChatResponseHandler.class));
        for (int i = 0; i < 3; i++) reasonOfGenerate();

        // when
        String reason = reasonOfGenerate();

        // then
        assertThat(reason).isEqualTo("circuit_open");
        assertThat(breaker.isOpen()).isTrue();
        verify(streaming, org.mockito.Mockito.times(3)).chat(any(ChatRequest.class), any(StreamingChatResponseHandler.class));
    }

    @Test
    void should_rewrite_a_follow_up_into_one_line() throws GenerationException {
        // given
        when(blocking.chat(any(ChatRequest.class))).thenReturn(response("\"How tall is the Eiffel Tower?\"\nextra"));

        // when
        String rewritten = generator.rewrite("How tall is it?", List.of(new ChatTurn("user", "Eiffel Tower?")));

        // then
        assertThat(rewritten).isEqualTo("How tall is the Eiffel Tower?");
    }

    @Test
    void should_keep_the_question_when_the_rewrite_is_empty_or_there_is_no_history() throws GenerationException {
        // given
        when(blocking.chat(any(ChatRequest.class))).thenReturn(response("  "));

        // when / then
        assertThat(generator.rewrite("How tall is it?", List.of(new ChatTurn("user", "Eiffel?"))))
                .isEqualTo("How tall is it?");
        assertThat(generator.rewrite("Standalone?", List.of())).isEqualTo("Standalone?");
    }

    @Test
    @Timeout(30) // a guard against waiting for the model, not a time bound
    void should_time_out_a_slow_rewrite() {
        // given
        when(blocking.chat(any(ChatRequest.class))).thenAnswer(inv -> {
            released.await();
            return response("late");
        });

        // when
        long start = System.nanoTime();
        GenerationException e = catchThrowableOfType(GenerationException.class,
                () -> generator.rewrite("How tall is it?", List.of(new ChatTurn("user", "Eiffel?"))));

        // then it gave up while the model was still busy, and not before the timeout
        assertThat(e.reason()).isEqualTo("timeout");
        assertThat(released.getCount()).as("the model has not answered").isOne();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(TIMEOUT);
    }

    @Test
    void should_build_no_generator_when_the_provider_is_none() {
        assertThat(LangChain4jAnswerGenerator.from(LlmSettings.none(), Prompts.bundled())).isEmpty();
    }

    @Test
    void should_build_a_generator_for_each_provider() {
        for (String provider : List.of("openai", "anthropic", "ollama", "gemini")) {
            var settings = new LlmSettings(provider, null, null, "test-key", Duration.ofSeconds(5));
            assertThat(LangChain4jAnswerGenerator.from(settings, Prompts.bundled()))
                    .get().extracting(LangChain4jAnswerGenerator::name).isEqualTo(provider);
        }
    }

    private void streams(String... tokens) {
        doAnswer(inv -> {
            StreamingChatResponseHandler handler = inv.getArgument(1);
            for (String t : tokens) handler.onPartialResponse(t);
            handler.onCompleteResponse(response(String.join("", tokens)));
            return null;
        }).when(streaming).chat(any(ChatRequest.class), any(StreamingChatResponseHandler.class));
    }

    private String reasonFor(RuntimeException failure) {
        doAnswer(inv -> {
            throw failure;
        }).when(streaming).chat(any(ChatRequest.class), any(StreamingChatResponseHandler.class));
        breaker.onSuccess();
        return reasonOfGenerate();
    }

    private String reasonOfGenerate() {
        GenerationException e = catchThrowableOfType(GenerationException.class,
                () -> generator.generate(question("q"), sink::add));
        assertThat(e).as("generate should fail").isNotNull();
        return e.reason();
    }

    private static ChatResponse response(String text) {
        return ChatResponse.builder().aiMessage(text.isEmpty() ? AiMessage.builder().build() : AiMessage.from(text)).build();
    }
}
