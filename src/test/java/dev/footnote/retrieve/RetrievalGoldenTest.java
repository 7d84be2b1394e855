package dev.footnote.retrieve;

import dev.footnote.engine.lucene.LuceneRetriever;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.footnote.index.Indexer;
import dev.footnote.engine.lucene.LuceneIndex;
import dev.footnote.index.Progress;
import dev.footnote.ingest.Chunker;
import dev.footnote.ingest.FolderCorpus;
import dev.footnote.support.Fixtures;
import dev.footnote.support.TestEmbedders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The mini corpus with the expected top document per question and mode. */
class RetrievalGoldenTest {
    private static LuceneIndex index;
    private static Path dir;

    @BeforeAll
    static void indexMiniCorpus() throws Exception {
        dir = Files.createTempDirectory("golden");
        Path seeds = Fixtures.copy("mini", dir.resolve("seeds"));
        index = LuceneIndex.open(dir.resolve("index"), 384);
        new Indexer(index, TestEmbedders.real(), new Chunker()).sync(new FolderCorpus(seeds, 1_000_000), Progress.silent());
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static List<Hit> search(Retriever.Mode mode, String q, int k) {
        return new LuceneRetriever(index, mode, FusionParams.DEFAULT).retrieve(new SearchQuery(q, TestEmbedders.real()), k);
    }

    @ParameterizedTest(name = "{1} [{0}] -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            BM25   | When did the Fagradalsfjall eruption begin?            | volcanoes.md
            VECTOR | When did the Fagradalsfjall eruption begin?            | volcanoes.md
            HYBRID | When did the Fagradalsfjall eruption begin?            | volcanoes.md
            BM25   | Which country grows the most coffee?                   | coffee.txt
            VECTOR | Which country grows the most coffee?                   | coffee.txt
            HYBRID | Which country grows the most coffee?                   | coffee.txt
            BM25   | how do bees tell each other where flowers are          | bees.html
            VECTOR | how do insects share the location of food              | bees.html
            HYBRID | how do insects share the location of food              | bees.html
            BM25   | Who won the 1972 world chess championship?             | chess.txt
            HYBRID | Who won the 1972 world chess championship?             | chess.txt
            HYBRID | Which river flows through the most countries?          | rivers.md
            VECTOR | Which river flows through the most countries?          | rivers.md
            """)
    void should_rank_the_right_document_first(Retriever.Mode mode, String question, String expectedDoc) {
        List<Hit> hits = search(mode, question, 5);
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).passage().docId()).isEqualTo(expectedDoc);
    }

    @Test
    void every_hit_slices_its_exact_text_from_the_stored_document() {
        for (Hit h : search(Retriever.Mode.HYBRID, "volcano eruption lava", 10)) {
            Passage p = h.passage();
            String doc = index.document(p.docId()).orElseThrow().text();
            assertThat(doc.substring(p.span().start(), p.span().end())).isEqualTo(p.text());
            for (int i = 0; i < p.sentences().size(); i++) {
                assertThat(doc.substring(p.sentences().get(i).start(), p.sentences().get(i).end())).isEqualTo(p.sentence(i));
            }
        }
    }

    @Test
    void ranking_is_deterministic_and_scores_descend() {
        List<Hit> a = search(Retriever.Mode.HYBRID, "river water", 10);
        List<Hit> b = search(Retriever.Mode.HYBRID, "river water", 10);
        assertThat(a).extracting(h -> h.passage().chunkId()).isEqualTo(b.stream().map(h -> h.passage().chunkId()).toList());
        for (int i = 1; i < a.size(); i++) assertThat(a.get(i).score()).isLessThanOrEqualTo(a.get(i - 1).score());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AND", "OR NOT", "\"unbalanced quote", "(((", "title:*", "*", "?", "~~~", "\\", "a AND OR b NOT",
            "😀🔥 emoji only", "[1 TO 5]", "field:value^10", "-", "+", "&&||!", "{}[]()", "/regex/"})
    void hostile_query_strings_never_throw(String q) {
        // BM25 may find nothing when the text analyses to no term; a query vector always has nearest passages
        assertThat(search(Retriever.Mode.BM25, q, 5)).hasSizeLessThanOrEqualTo(5);
        assertThat(search(Retriever.Mode.VECTOR, q, 5)).as("vector").hasSize(5);
        assertThat(search(Retriever.Mode.HYBRID, q, 5)).as("hybrid").hasSize(5);
    }

    @Test
    void a_ten_thousand_character_query_is_answered() {
        String q = "coffee volcano river chess bees ".repeat(400);
        assertThat(search(Retriever.Mode.HYBRID, q, 5)).isNotEmpty();
    }

    @Test
    void an_empty_query_is_a_clear_error() {
        assertThatThrownBy(() -> new SearchQuery("   ", TestEmbedders.real())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }
}
