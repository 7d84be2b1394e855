package dev.footnote.answer;

import dev.footnote.cite.Citation;
import dev.footnote.cite.Support;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import dev.footnote.answer.llm.CircuitBreaker;
import dev.footnote.answer.llm.LangChain4jAnswerGenerator;
import dev.footnote.answer.llm.Prompts;
import dev.footnote.answer.local.Calibration;
import dev.footnote.answer.local.LocalAnswerGenerator;
import dev.footnote.cite.CitationResolver;
import dev.footnote.support.SeedIndex;
import dev.footnote.support.TestEmbedders;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The answer pipeline with a real index, the real local answerer, and a mocked LangChain4j chat model. */
class AnswerServiceTest {
    private static SeedIndex seed;
    private final StreamingChatModel streaming = mock(StreamingChatModel.class);
    private final ChatModel blocking = mock(ChatModel.class);

    @BeforeAll
    static void index() {
        seed = new SeedIndex();
    }

    @AfterAll
    static void close() {
        seed.close();
    }

    /** A model timeout a loaded machine never reaches, for tests whose model answers at once. */
    private static final Duration NO_TIMEOUT = Duration.ofSeconds(60);

    private AnswerService service(boolean withModel, Duration timeout) {
        LocalAnswerGenerator local = new LocalAnswerGenerator(seed.retriever, Calibration.DEFAULT);
        Optional<AnswerGenerator> model = withModel ? Optional.of(new LangChain4jAnswerGenerator("openai", streaming, blocking,
                Prompts.bundled(), timeout, new CircuitBreaker(3, Duration.ofSeconds(30), java.time.Clock.systemUTC()))) : Optional.empty();
        return new AnswerService(seed.retriever, TestEmbedders.real(), local, model, new CitationResolver(seed.retriever), 5);
    }

    private void modelSays(String... tokens) {
        doAnswer(inv -> {
            StreamingChatResponseHandler h = inv.getArgument(1);
            for (String t : tokens) h.onPartialResponse(t);
            h.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from(String.join("", tokens))).build());
            return null;
        }).when(streaming).chat(any(ChatRequest.class), any(StreamingChatResponseHandler.class));
    }

    private static final String BLINKEN = "Who did Blinken meet in Geneva?";

    @Test
    void should_answer_locally_with_a_cited_sentence_naming_lavrov() {
        Answer a = service(false, NO_TIMEOUT).answer(AskRequest.of(BLINKEN));
        assertThat(a.abstained()).isFalse();
        assertThat(a.generator()).isEqualTo("local");
        assertThat(a.fallbackReason()).isEqualTo("no_model_configured");
        assertThat(a.sentences()).anySatisfy(s -> {
            assertThat(s.text()).contains("Lavrov").contains("Geneva");
            assertThat(s.support()).isEqualTo(Support.SUPPORTED);
            assertThat(s.citations()).isNotEmpty();
        });
        Citation c = a.citations().get(0);
        String doc = seed.index.document(c.docId()).orElseThrow().text();
        assertThat(doc.substring(c.start(), c.end())).isEqualTo(c.quote());
        assertThat(c.date()).isEqualTo("2022-01-21");
    }

    @Test
    void should_abstain_when_the_documents_do_not_address_the_question() {
        Answer a = service(false, NO_TIMEOUT).answer(AskRequest.of("What is the boiling point of liquid nitrogen in kelvin?"));
        assertThat(a.abstained()).isTrue();
        assertThat(a.answer()).isEqualTo(LocalAnswerGenerator.ABSTENTION);
        assertThat(a.citations()).isNotEmpty().allSatisfy(c -> assertThat(c.quote()).isNotBlank());
    }

    @Test
    void should_use_the_models_answer_when_its_citations_check_out() {
        modelSays("Blinken held talks with Russian Foreign Minister Sergei Lavrov", " in Geneva [", "1].");
        List<String> deltas = new ArrayList<>();
        Answer a = service(true, NO_TIMEOUT).answer(AskRequest.of(BLINKEN), new AnswerListener() {
            @Override
            public void onDelta(String text) {
                deltas.add(text);
            }
        });
        assertThat(a.generator()).isEqualTo("openai");
        assertThat(a.fallbackReason()).isNull();
        assertThat(a.sentences()).singleElement().satisfies(s -> assertThat(s.support()).isEqualTo(Support.SUPPORTED));
        assertThat(a.citations().get(0).quote()).contains("Lavrov");
        assertThat(deltas).noneMatch(d -> d.matches("(?s).*\\[\\d*$"));
        assertThat(String.join("", deltas)).isEqualTo("Blinken held talks with Russian Foreign Minister Sergei Lavrov in Geneva [1].");
    }

    @Test
    void should_fall_back_when_the_model_invents_a_citation() {
        modelSays("Blinken met Lavrov in Geneva [7].");
        Answer a = service(true, NO_TIMEOUT).answer(AskRequest.of(BLINKEN));
        assertThat(a.generator()).isEqualTo("local");
        assertThat(a.fallbackReason()).isEqualTo("no_valid_citation");
        assertThat(a.answer()).doesNotContain("[7]");
    }

    @Test
    void should_fall_back_when_the_model_cites_nothing() {
        modelSays("Blinken met Lavrov in Geneva.");
        Answer a = service(true, NO_TIMEOUT).answer(AskRequest.of(BLINKEN));
        assertThat(a.generator()).isEqualTo("local");
        assertThat(a.fallbackReason()).isEqualTo("no_valid_citation");
        assertThat(a.citations()).isNotEmpty();
    }

    @Test
    void should_fall_back_when_the_model_throws() {
        doThrow(new RuntimeException("boom")).when(streaming).chat(any(ChatRequest.class), any(StreamingChatResponseHandler.class));
        Answer a = service(true, NO_TIMEOUT).answer(AskRequest.of(BLINKEN));
        assertThat(a.generator()).isEqualTo("local");
        assertThat(a.fallbackReason()).isNotBlank();
        assertThat(a.citations()).isNotEmpty();
    }

    @Test
    @Timeout(30) // a guard against waiting for the model, not a time bound
    void should_fall_back_at_the_timeout_when_the_model_is_slow() throws InterruptedException {
        // given a model that answers only when released
        CountDownLatch released = new CountDownLatch(1);
        doAnswer(inv -> {
            released.await();
            return null;
        }).when(streaming).chat(any(ChatRequest.class), any(StreamingChatResponseHandler.class));
        Duration timeout = Duration.ofMillis(300);
        try {
            // when
            long t = System.nanoTime();
            Answer a = service(true, timeout).answer(AskRequest.of(BLINKEN));

            // then the answer came while the model was still busy, and not before the timeout
            assertThat(released.getCount()).as("the model has not answered").isOne();
            assertThat(Duration.ofNanos(System.nanoTime() - t)).isGreaterThanOrEqualTo(timeout);
            assertThat(a.fallbackReason()).isEqualTo("timeout");
            assertThat(a.generator()).isEqualTo("local");
            assertThat(a.citations()).isNotEmpty();
        } finally {
            released.countDown();
        }
    }

    @Test
    void should_fall_back_as_mostly_unsupported_when_no_sentence_is_supported() {
        modelSays("Penguins in Antarctica eat mostly krill and fish [1].");
        Answer a = service(true, NO_TIMEOUT).answer(AskRequest.of(BLINKEN));
        assertThat(a.generator()).isEqualTo("local");
        assertThat(a.fallbackReason()).isEqualTo("mostly_unsupported");
    }

    @Test
    void should_rewrite_a_follow_up_locally_with_the_previous_questions_key_terms() {
        Answer a = service(false, NO_TIMEOUT).answer(new AskRequest("And where did they meet?",
                List.of(new ChatTurn("user", "What did Blinken and Lavrov discuss?"), new ChatTurn("assistant", "They discussed Ukraine [1].")), null));
        assertThat(a.rewrittenQuestion()).contains("Blinken").contains("Lavrov").startsWith("And where did they meet?");
        assertThat(a.question()).isEqualTo("And where did they meet?");
    }

    @Test
    void should_remove_the_unsupported_sentences_of_a_model_answer_and_say_why() {
        modelSays("Foreign Secretary Anthony Blinken warned on Friday after talks with Russian Foreign Minister Sergei Lavrov in Geneva, Switzerland [1]. ",
                "Blinken and Lavrov held talks in Geneva [1]. ",
                "Lavrov was born in 1950 in Moscow and speaks fluent Portuguese [1].");
        Answer a = service(true, Duration.ofSeconds(5)).answer(AskRequest.of(BLINKEN));
        assertThat(a.generator()).isEqualTo("openai");
        assertThat(a.answer()).doesNotContain("Portuguese").contains("Lavrov");
        assertThat(a.sentences()).noneMatch(s -> s.text().contains("Portuguese"));
        assertThat(a.removed()).singleElement().satisfies(r -> {
            assertThat(r.text()).contains("Portuguese");
            assertThat(r.reason()).contains("1950");
        });
    }

    @Test
    void should_report_a_model_refusal_as_the_models_abstention_with_the_nearest_passages() {
        modelSays("I cannot answer this from the provided documents.");
        Answer a = service(true, Duration.ofSeconds(5)).answer(AskRequest.of(BLINKEN));
        assertThat(a.abstained()).isTrue();
        assertThat(a.generator()).isEqualTo("openai");
        assertThat(a.fallbackReason()).isNull();
        assertThat(a.citations()).isNotEmpty();
    }
}
