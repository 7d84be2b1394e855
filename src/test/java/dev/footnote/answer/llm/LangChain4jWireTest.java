package dev.footnote.answer.llm;

import static dev.footnote.answer.llm.Fixtures.question;
import static dev.footnote.answer.llm.StubLlmServer.answer;
import static dev.footnote.answer.llm.StubLlmServer.hang;
import static dev.footnote.answer.llm.StubLlmServer.malformed;
import static dev.footnote.answer.llm.StubLlmServer.stallAfter;
import static dev.footnote.answer.llm.StubLlmServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.footnote.answer.ChatTurn;
import dev.footnote.answer.Draft;
import dev.footnote.answer.GenerationException;
import dev.footnote.config.LlmSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Drives the real LangChain4j OpenAI and Anthropic clients against {@link StubLlmServer} over real sockets. */
class LangChain4jWireTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);
    private static final String KEY = "sk-test-secret";

    private StubLlmServer stub;
    private final List<String> sink = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        stub = StubLlmServer.start();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void should_stream_the_answer_to_the_sink(String provider) throws GenerationException {
        // given
        stub.respondWith(answer("The tower is ", "330 metres ", "tall [1]."));

        // when
        Draft draft = generator(provider).generate(question("How tall is the Eiffel Tower?"), sink::add);

        // then
        assertThat(draft.text()).isEqualTo("The tower is 330 metres tall [1].");
        assertThat(sink).containsExactly("The tower is ", "330 metres ", "tall [1].");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void should_send_the_system_prompt_and_numbered_passages(String provider) throws GenerationException {
        // given
        stub.respondWith(answer("Yes [1]."));

        // when
        generator(provider).generate(question("How tall is the Eiffel Tower?"), sink::add);

        // then
        StubLlmServer.Request request = stub.lastRequest();
        assertThat(request.path()).isEqualTo(provider.equals("openai") ? "/v1/chat/completions" : "/v1/messages");
        assertThat(request.streaming()).isTrue();
        assertThat(request.body()).contains("Answer only from the numbered passages")
                .contains("[1] (Eiffel Tower, 2024-03-01) The Eiffel Tower is 330 metres tall.")
                .contains("[2] (Golden Gate Bridge) The Golden Gate Bridge opened in 1937.")
                .contains("How tall is the Eiffel Tower?");
        assertThat(request.headers().toString()).contains(KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void should_rewrite_with_a_non_streaming_call(String provider) throws GenerationException {
        // given
        stub.respondWith(answer("How tall is the Eiffel Tower?\n"));

        // when
        String rewritten = generator(provider).rewrite("How tall is it?",
                List.of(new ChatTurn("user", "Tell me about the Eiffel Tower")));

        // then
        assertThat(rewritten).isEqualTo("How tall is the Eiffel Tower?");
        assertThat(stub.lastRequest().streaming()).isFalse();
        assertThat(stub.lastRequest().body()).contains("user: Tell me about the Eiffel Tower");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void should_report_a_server_error_by_status(String provider) {
        // given
        stub.respondWith(status(500));

        // when / then
        assertThat(generateFailure(generator(provider))).isEqualTo("http_500");
        assertThat(rewriteFailure(generator(provider))).isEqualTo("http_500");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void should_report_rate_limiting_without_retrying(String provider) {
        // given
        stub.respondWith(status(429, Map.of("Retry-After", "30")));

        // when / then
        assertThat(generateFailure(generator(provider))).isEqualTo("rate_limited");
        assertThat(rewriteFailure(generator(provider))).isEqualTo("rate_limited");
        assertThat(stub.requestCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void should_report_a_rejected_key(String provider) {
        // given
        stub.respondWith(status(401));

        // when / then
        assertThat(generateFailure(generator(provider))).isEqualTo("auth_failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void should_report_malformed_responses_without_crashing(String provider) {
        // given
        stub.respondWith(malformed());

        // when / then: the Anthropic client logs and skips an unparsable event and never ends the stream, so the
        // deadline ends it instead
        assertThat(timed(() -> generateFailure(timingOut(provider)))).isIn("malformed_response", "timeout");
        assertThat(rewriteFailure(generator(provider))).isEqualTo("malformed_response");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void should_time_out_a_server_that_never_answers(String provider) {
        // given
        stub.respondWith(hang());

        // when / then
        assertThat(timed(() -> generateFailure(timingOut(provider)))).isEqualTo("timeout");
        assertThat(timed(() -> rewriteFailure(timingOut(provider)))).isEqualTo("timeout");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void should_time_out_a_stream_that_stalls_after_a_few_tokens(String provider) {
        // given
        stub.respondWith(stallAfter("The tower ", "is "));

        // when
        String reason = timed(() -> generateFailure(timingOut(provider)));

        // then
        assertThat(reason).isEqualTo("timeout");
        assertThat(sink).containsExactly("The tower ", "is ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void should_report_a_refused_connection(String provider) throws IOException {
        // given
        String closed = StubLlmServer.closedPortUrl() + (provider.equals("openai") ? "/v1" : "/v1/");
        LangChain4jAnswerGenerator generator = generator(provider, closed);

        // when / then
        assertThat(generateFailure(generator)).isIn("connection_refused", "connection_error");
        assertThat(rewriteFailure(generator)).isIn("connection_refused", "connection_error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void should_stop_calling_the_server_once_the_circuit_opens(String provider) {
        // given
        stub.respondWith(status(500));
        LangChain4jAnswerGenerator generator = generator(provider);
        for (int i = 0; i < CircuitBreaker.DEFAULT_THRESHOLD; i++) generateFailure(generator);

        // when
        String generateReason = generateFailure(generator);
        String rewriteReason = rewriteFailure(generator);

        // then
        assertThat(generateReason).isEqualTo("circuit_open");
        assertThat(rewriteReason).isEqualTo("circuit_open");
        assertThat(generator.circuitBreaker().state()).isEqualTo("open");
        assertThat(stub.requestCount()).isEqualTo(CircuitBreaker.DEFAULT_THRESHOLD);
    }

    /** A generator whose timeout a server that answers never reaches, however loaded the machine. */
    private LangChain4jAnswerGenerator generator(String provider) {
        return generator(provider, provider.equals("openai") ? stub.openAiBaseUrl() : stub.anthropicBaseUrl(), HANG_GUARD);
    }

    /** A generator with a short timeout, for a server that never finishes answering. */
    private LangChain4jAnswerGenerator timingOut(String provider) {
        return generator(provider, provider.equals("openai") ? stub.openAiBaseUrl() : stub.anthropicBaseUrl(), TIMEOUT);
    }

    private static LangChain4jAnswerGenerator generator(String provider, String baseUrl) {
        return generator(provider, baseUrl, HANG_GUARD);
    }

    private static LangChain4jAnswerGenerator generator(String provider, String baseUrl, Duration timeout) {
        LlmSettings settings = new LlmSettings(provider, "stub-model", baseUrl, KEY, timeout);
        return LangChain4jAnswerGenerator.from(settings, Prompts.bundled()).orElseThrow();
    }

    private String generateFailure(LangChain4jAnswerGenerator generator) {
        GenerationException e = catchThrowableOfType(GenerationException.class,
                () -> generator.generate(question("How tall is the Eiffel Tower?"), sink::add));
        assertThat(e).as("generate should fail").isNotNull();
        return e.reason();
    }

    private static String rewriteFailure(LangChain4jAnswerGenerator generator) {
        GenerationException e = catchThrowableOfType(GenerationException.class,
                () -> generator.rewrite("How tall is it?", List.of(new ChatTurn("user", "Eiffel Tower?"))));
        assertThat(e).as("rewrite should fail").isNotNull();
        return e.reason();
    }

    /**
     * Runs {@code call} and returns its result; fails if it has not returned after {@link #HANG_GUARD}, which only
     * guards against a call that waits for a server that never answers (the stub answers only when closed): the
     * reason returned, not the time taken, shows that the deadline ended the call.
     */
    private static String timed(java.util.function.Supplier<String> call) {
        java.util.concurrent.CompletableFuture<String> result = java.util.concurrent.CompletableFuture.supplyAsync(call);
        try {
            return result.get(HANG_GUARD.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the call did not give up within " + HANG_GUARD + " although its timeout is " + TIMEOUT);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) throw a;
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
