package dev.footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.answer.local.Calibration;
import dev.footnote.answer.local.LocalAnswerGenerator;
import dev.footnote.cite.CitationResolver;
import dev.footnote.index.Indexer;
import dev.footnote.engine.lucene.LuceneIndex;
import dev.footnote.ingest.Chunker;
import dev.footnote.ingest.DocumentLoader;
import dev.footnote.retrieve.FusionParams;
import dev.footnote.engine.lucene.LuceneRetriever;
import dev.footnote.retrieve.Retriever;
import dev.footnote.support.TestEmbedders;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An answer whose cited document is replaced or deleted while it is being produced says its sources changed. */
class SourcesChangedTest {
    private static final String ID = "beacon.md";
    private static final String QUESTION = "How many gulls did the keeper count on the beacon pier?";

    @TempDir
    Path tmp;
    LuceneIndex index;
    Indexer indexer;
    LuceneRetriever retriever;

    @BeforeEach
    void open() {
        index = LuceneIndex.open(tmp.resolve("index"), TestEmbedders.real().dimension());
        indexer = new Indexer(index, TestEmbedders.real(), new Chunker());
        retriever = new LuceneRetriever(index, Retriever.Mode.HYBRID, FusionParams.DEFAULT);
        indexer.put(version(1));
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void should_not_flag_an_answer_whose_sources_stayed_the_same() {
        // when
        Answer a = service(() -> { }).answer(AskRequest.of(QUESTION));

        // then
        assertThat(a.citations()).isNotEmpty();
        assertThat(a.sourcesChanged()).isFalse();
    }

    @Test
    void should_flag_an_answer_whose_cited_document_was_replaced_while_answering() {
        // when an admin uploads a new version between retrieval and the answer's return
        Answer a = service(() -> indexer.put(version(2))).answer(AskRequest.of(QUESTION));

        // then the citations still quote what was retrieved, and the answer says the source changed
        assertThat(a.citations()).isNotEmpty().anySatisfy(c -> assertThat(c.quote()).contains("7 gulls"));
        assertThat(a.sourcesChanged()).isTrue();
    }

    @Test
    void should_flag_an_answer_whose_cited_document_was_deleted_while_answering() {
        // when
        Answer a = service(() -> indexer.delete(ID)).answer(AskRequest.of(QUESTION));

        // then
        assertThat(a.citations()).isNotEmpty();
        assertThat(a.sourcesChanged()).isTrue();
    }

    /** The real local answerer, with {@code meanwhile} run after it drafts (as a concurrent admin change would). */
    private AnswerService service(Runnable meanwhile) {
        LocalAnswerGenerator real = new LocalAnswerGenerator(retriever, Calibration.DEFAULT);
        AnswerGenerator local = new AnswerGenerator() {
            @Override
            public String name() {
                return real.name();
            }

            @Override
            public Draft generate(GenerationRequest request, TokenSink sink) throws GenerationException {
                Draft d = real.generate(request, sink);
                meanwhile.run();
                return d;
            }

            @Override
            public String rewrite(String question, List<ChatTurn> history) throws GenerationException {
                return real.rewrite(question, history);
            }
        };
        return new AnswerService(retriever, TestEmbedders.real(), local, Optional.empty(),
                new CitationResolver(null), 5, SourceCheck.against(index));
    }

    private static dev.footnote.ingest.SourceDocument version(int v) {
        return DocumentLoader.fromText(ID, "Beacon log", "Revision " + v + " of the beacon log. The keeper counted "
                + (v * 7) + " gulls on the beacon pier at dawn. The lamp was painted red.");
    }
}
