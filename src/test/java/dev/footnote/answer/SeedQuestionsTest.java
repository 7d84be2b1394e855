package dev.footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.answer.local.Calibration;
import dev.footnote.answer.local.LocalAnswerGenerator;
import dev.footnote.cite.AnswerSentence;
import dev.footnote.cite.Citation;
import dev.footnote.cite.CitationResolver;
import dev.footnote.support.SeedIndex;
import dev.footnote.support.TestEmbedders;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Natural questions a new reader asks of the seed article, answered locally: short, direct, or honestly not at all. */
class SeedQuestionsTest {
    private static SeedIndex seed;
    private static AnswerService service;

    @BeforeAll
    static void index() {
        seed = new SeedIndex();
        service = new AnswerService(seed.retriever, TestEmbedders.real(), new LocalAnswerGenerator(seed.retriever, Calibration.DEFAULT),
                Optional.empty(), new CitationResolver(seed.retriever), 5);
    }

    @AfterAll
    static void close() {
        seed.close();
    }

    private static Answer ask(String question) {
        return service.answer(AskRequest.of(question));
    }

    /** The short answer is exactly the document's text at its offsets, inside the quote of the citation it names. */
    private static void assertShortAnswerIsInItsQuote(Answer a) {
        ShortAnswer s = a.shortAnswer();
        assertThat(s).isNotNull();
        Citation c = a.citations().stream().filter(x -> x.id() == s.citationId()).findFirst().orElseThrow();
        assertThat(s.start()).isGreaterThanOrEqualTo(c.start());
        assertThat(s.end()).isLessThanOrEqualTo(c.end());
        assertThat(c.quote().substring(s.start() - c.start(), s.end() - c.start())).isEqualTo(s.text());
        String doc = seed.index.document(c.docId()).orElseThrow().text();
        assertThat(doc.substring(s.start(), s.end())).isEqualTo(s.text());
        assertThat(a.sentences().get(0).citations()).contains(s.citationId());
    }

    @Test
    void should_lead_with_the_sentence_that_names_whom_blinken_met_and_bold_lavrov() {
        Answer a = ask("Who did Blinken meet in Geneva?");
        assertThat(a.abstained()).isFalse();
        assertThat(a.sentences().get(0).text()).contains("Lavrov");
        assertThat(a.sentences()).hasSizeLessThanOrEqualTo(2);
        assertShortAnswerIsInItsQuote(a);
        assertThat(a.shortAnswer().text()).contains("Lavrov");
    }

    @Test
    void should_give_the_amount_of_aid_as_the_short_answer() {
        Answer a = ask("How much defense assistance did the US announce for Ukraine?");
        assertThat(a.abstained()).isFalse();
        assertThat(a.sentences().get(0).text()).contains("200 million");
        assertShortAnswerIsInItsQuote(a);
        assertThat(a.shortAnswer().text()).contains("200");
    }

    @Test
    void should_give_the_day_as_the_short_answer_to_a_when_question_with_a_misspelled_name() {
        Answer a = ask("When is Blinken expected to meet Zelensky?");
        assertThat(a.abstained()).isFalse();
        assertThat(a.sentences().get(0).text()).contains("Zhelensky").contains("Wednesday");
        assertShortAnswerIsInItsQuote(a);
        assertThat(a.shortAnswer().text()).isEqualTo("Wednesday");
    }

    @Test
    void should_give_the_place_as_the_short_answer_to_a_where_question() {
        Answer a = ask("Where is Blinken expected to meet the Ukrainian president?");
        assertThat(a.abstained()).isFalse();
        assertThat(a.sentences().get(0).text()).contains("Kiev");
        assertShortAnswerIsInItsQuote(a);
        assertThat(a.shortAnswer().text()).isEqualTo("Kiev");
    }

    @Test
    void should_find_a_name_the_article_spells_differently() {
        Answer a = ask("Who is Zelensky?");
        assertThat(a.abstained()).isFalse();
        assertThat(a.sentences().get(0).text()).contains("Zhelensky");
        assertShortAnswerIsInItsQuote(a);
        assertThat(a.shortAnswer().text()).contains("President").contains("Zhelensky");
    }

    @Test
    void should_count_what_the_question_counts() {
        Answer a = ask("How many draft agreements did Russia issue?");
        assertThat(a.abstained()).isFalse();
        assertShortAnswerIsInItsQuote(a);
        assertThat(a.shortAnswer().text()).isEqualTo("two");
    }

    @Test
    void should_abstain_when_the_article_gives_no_count_of_troops() {
        Answer a = ask("How many Russian troops are at the border?");
        assertThat(a.abstained()).isTrue();
        assertThat(a.shortAnswer()).isNull();
        assertThat(a.answer()).isEqualTo(LocalAnswerGenerator.ABSTENTION);
    }

    @Test
    void should_search_a_standalone_question_after_a_follow_up_as_asked() {
        List<ChatTurn> history = List.of(new ChatTurn("user", "Who did Blinken meet in Geneva?"),
                new ChatTurn("assistant", "Blinken met Russian Foreign Minister Sergei Lavrov in Geneva [1]."));
        Answer followUp = service.answer(new AskRequest("And in Kiev?", history, null));
        assertThat(followUp.rewrittenQuestion()).startsWith("And in Kiev?").contains("Blinken");

        Answer standalone = service.answer(new AskRequest("What is the capital of France?", history, null));
        assertThat(standalone.rewrittenQuestion()).isNull();
        assertThat(standalone.question()).isEqualTo("What is the capital of France?");
        assertThat(standalone.abstained()).isTrue();
    }

    @Test
    void should_answer_a_follow_up_with_what_its_own_words_ask_not_with_what_the_last_answer_said() {
        // "he" is Blinken, from the conversation; what is asked is whom he meets in Kiev, not the Geneva talks again
        List<ChatTurn> history = List.of(new ChatTurn("user", "Who did Blinken meet in Geneva?"), new ChatTurn("assistant",
                "Foreign Secretary Anthony Blinken warned on Friday after talks with Russian Foreign Minister Sergei Lavrov in Geneva, Switzerland. [1]"));
        Answer a = service.answer(new AskRequest("Who will he meet in Kiev?", history, null));
        assertThat(a.rewrittenQuestion()).contains("Blinken");
        assertThat(a.abstained()).isFalse();
        assertThat(a.sentences().stream().limit(2).map(AnswerSentence::text)).anySatisfy(t -> assertThat(t).contains("Zhelensky"));
    }

    @Test
    void should_answer_factoid_questions_in_one_or_two_sentences_mostly_one() {
        List<String> questions = List.of("Who did Blinken meet in Geneva?", "How much defense assistance did the US announce for Ukraine?",
                "Where is Blinken expected to meet the Ukrainian president?", "How many draft agreements did Russia issue?",
                "When is Blinken expected to meet Zelensky?");
        List<Answer> answers = questions.stream().map(SeedQuestionsTest::ask).toList();
        assertThat(answers).allSatisfy(a -> assertThat(a.sentences()).hasSizeBetween(1, 2));
        double mean = answers.stream().mapToInt(a -> a.sentences().size()).average().orElseThrow();
        assertThat(mean).isLessThanOrEqualTo(1.6);
    }
}
