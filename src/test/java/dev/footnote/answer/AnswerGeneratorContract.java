package dev.footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.cite.CitationResolver;
import dev.footnote.cite.Resolution;
import dev.footnote.retrieve.Hit;
import dev.footnote.retrieve.SearchQuery;
import dev.footnote.support.SeedIndex;
import dev.footnote.support.TestEmbedders;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AnswerGenerator} must do, run against each implementation over the same real seed index:
 * cite only passages it was given, stream what it returns, and leave standalone questions alone.
 */
public abstract class AnswerGeneratorContract {
    protected static SeedIndex seed;

    @BeforeAll
    static void index() {
        seed = new SeedIndex();
    }

    @AfterAll
    static void close() {
        seed.close();
    }

    /** The generator under test; it may consult {@link #seed}. */
    protected abstract AnswerGenerator generator() throws Exception;

    protected GenerationRequest request(String question) {
        SearchQuery q = new SearchQuery(question, TestEmbedders.real());
        List<Hit> hits = seed.retriever.retrieve(q, 5);
        return GenerationRequest.fromHits(question, List.of(), hits, q.vector());
    }

    @Test
    void cites_only_the_passages_it_was_given_and_its_sentences_check_out() throws Exception {
        GenerationRequest req = request("Who did Blinken meet in Geneva?");
        Draft draft = generator().generate(req, TokenSink.NONE);
        assertThat(draft.abstained()).isFalse();
        Resolution r = new CitationResolver(seed.retriever).resolve(draft.sentences(), req.passages());
        assertThat(r.droppedMarkers()).isZero();
        assertThat(r.citations()).isNotEmpty();
        assertThat(r.supportedCount()).isPositive();
        assertThat(r.citations()).allSatisfy(c -> assertThat(c.quote()).isEqualTo(
                seed.index.document(c.docId()).orElseThrow().text().substring(c.start(), c.end())));
    }

    @Test
    void streams_exactly_the_text_it_returns() throws Exception {
        List<String> deltas = new ArrayList<>();
        Draft draft = generator().generate(request("How much defense assistance did the US announce?"), deltas::add);
        assertThat(String.join("", deltas)).isEqualTo(draft.text());
    }

    @Test
    void leaves_a_question_without_history_unchanged() throws Exception {
        assertThat(generator().rewrite("Who did Blinken meet?", List.of())).isEqualTo("Who did Blinken meet?");
    }

    @Test
    void names_itself() throws Exception {
        assertThat(generator().name()).isNotBlank().isLowerCase();
    }
}
