package dev.footnote.engine.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.footnote.index.IngestReport;
import dev.footnote.index.Indexer;
import dev.footnote.engine.lucene.LuceneIndex;
import dev.footnote.index.Progress;
import dev.footnote.index.StoredDocument;
import dev.footnote.engine.solr.SolrChunkStore;
import dev.footnote.engine.solr.SolrCollection;
import dev.footnote.engine.solr.SolrNodes;
import dev.footnote.ingest.Chunker;
import dev.footnote.ingest.FolderCorpus;
import dev.footnote.retrieve.FusionParams;
import dev.footnote.retrieve.Hit;
import dev.footnote.engine.lucene.LuceneRetriever;
import dev.footnote.retrieve.Retriever;
import dev.footnote.retrieve.SearchQuery;
import dev.footnote.support.Fixtures;
import dev.footnote.support.SolrCluster;
import dev.footnote.support.TestEmbedders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mini corpus in a real 2-shard x 2-replica SolrCloud ranks like the embedded index, survives a node, ingests once. */
class SolrRetrievalIT {
    private static final String COLLECTION = "mini";
    private static SolrCluster cluster;
    private static LuceneIndex lucene;
    private static SolrChunkStore solr;
    private static Path seeds;
    private static IngestReport firstSync;

    @BeforeAll
    static void indexMiniCorpusInBoth() throws Exception {
        cluster = SolrCluster.get();
        Path dir = Files.createTempDirectory("solr-it");
        seeds = Fixtures.copy("mini", dir.resolve("seeds"));
        lucene = LuceneIndex.open(dir.resolve("index"), 384);
        new Indexer(lucene, TestEmbedders.real(), new Chunker()).sync(new FolderCorpus(seeds, 1_000_000), Progress.silent());
        SolrNodes nodes = SolrNodes.of(cluster.urls());
        SolrCollection.ensure(nodes, COLLECTION, 384, new SolrCollection.Layout(2, 2));
        solr = new SolrChunkStore(nodes, COLLECTION, 384);
        firstSync = new Indexer(solr, TestEmbedders.real(), new Chunker()).sync(new FolderCorpus(seeds, 1_000_000), Progress.silent());
    }

    @AfterAll
    static void close() {
        if (lucene != null) lucene.close();
        if (solr != null) solr.close();
    }

    private static List<Hit> lucene(Retriever.Mode mode, String q) {
        return new LuceneRetriever(lucene, mode, FusionParams.DEFAULT).retrieve(new SearchQuery(q, TestEmbedders.real()), 5);
    }

    private static List<Hit> solr(Retriever.Mode mode, String q) {
        return new SolrRetriever(solr, mode, FusionParams.DEFAULT).retrieve(new SearchQuery(q, TestEmbedders.real()), 5);
    }

    private static List<String> chunkIds(List<Hit> hits) {
        return hits.stream().map(h -> h.passage().chunkId()).toList();
    }

    @Test
    void should_store_the_same_documents_and_chunks_as_embedded_lucene() {
        assertThat(solr.chunkCount()).isEqualTo(lucene.chunkCount());
        assertThat(solr.hashes()).isEqualTo(lucene.hashes());
        assertThat(solr.documents(true)).isEqualTo(lucene.documents(true));
        assertThat(solr.committedModel()).isEqualTo(lucene.committedModel());
    }

    @ParameterizedTest(name = "{1} [{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            BM25   | When did the Fagradalsfjall eruption begin?
            VECTOR | When did the Fagradalsfjall eruption begin?
            HYBRID | When did the Fagradalsfjall eruption begin?
            BM25   | Which country grows the most coffee?
            HYBRID | Which country grows the most coffee?
            BM25   | how do bees tell each other where flowers are
            VECTOR | how do insects share the location of food
            HYBRID | how do insects share the location of food
            HYBRID | Who won the 1972 world chess championship?
            HYBRID | Which river flows through the most countries?
            HYBRID | coffee volcano river chess bees coffee coffee
            """)
    void should_rank_the_same_passages_as_embedded_lucene(Retriever.Mode mode, String question) {
        // given the same corpus in both engines
        // when
        List<Hit> expected = lucene(mode, question);
        List<Hit> actual = solr(mode, question);
        // then
        assertThat(chunkIds(actual)).isEqualTo(chunkIds(expected));
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).score()).isCloseTo(expected.get(i).score(), within(1e-4));
            assertThat(actual.get(i).passage().text()).isEqualTo(expected.get(i).passage().text());
            assertThat(actual.get(i).passage().sentences()).isEqualTo(expected.get(i).passage().sentences());
            assertThat(actual.get(i).passage().sentenceVectors()).isDeepEqualTo(expected.get(i).passage().sentenceVectors());
        }
    }

    @Test
    void should_weigh_terms_like_embedded_lucene() {
        List<String> terms = List.of("coffe", "volcano", "river", "nosuchterm");
        Map<String, Double> expected = new LuceneRetriever(lucene, Retriever.Mode.HYBRID, FusionParams.DEFAULT).idf(terms);
        Map<String, Double> actual = new SolrRetriever(solr, Retriever.Mode.HYBRID, FusionParams.DEFAULT).idf(terms);
        for (String t : terms) assertThat(actual.get(t)).as(t).isCloseTo(expected.get(t), within(1e-9));
    }

    @Test
    void should_embed_nothing_when_an_unchanged_corpus_is_synced_again() {
        // given the corpus already ingested once
        assertThat(firstSync.added()).isEqualTo(5);
        int chunks = solr.chunkCount();
        TestEmbedders.Counting counting = new TestEmbedders.Counting(TestEmbedders.real());
        // when
        IngestReport again = new Indexer(solr, counting, new Chunker()).sync(new FolderCorpus(seeds, 1_000_000), Progress.silent());
        // then
        assertThat(counting.passages.get()).isZero();
        assertThat(again.unchanged()).isEqualTo(5);
        assertThat(again.added() + again.updated()).isZero();
        assertThat(solr.chunkCount()).isEqualTo(chunks);
    }

    @Test
    void should_replace_a_document_written_twice_without_duplicates() {
        // given a document put again under the same id
        int chunks = solr.chunkCount();
        StoredDocument before = solr.document("coffee.txt").orElseThrow();
        Indexer indexer = new Indexer(solr, TestEmbedders.real(), new Chunker());
        // when
        indexer.put(new dev.footnote.ingest.SourceDocument(before.id(), before.path(), before.title(), before.date(),
                before.text(), before.bodyStart(), before.hash(), before.size()));
        // then
        assertThat(solr.chunkCount()).isEqualTo(chunks);
        assertThat(solr.documents(false)).hasSize(5);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"AND", "\"unbalanced quote", "(((", "title:*", "*", "{!knn f=vector}",
            "😀🔥 emoji only", "$w0", "field:value^10", "&&||!", "{}[]()", "/regex/"})
    void should_never_throw_on_hostile_query_strings(String q) {
        for (Retriever.Mode m : Retriever.Mode.values()) assertThat(solr(m, q)).isNotNull();
    }

    @Test
    void should_find_the_nodes_through_zookeeper() {
        // given only the ZooKeeper address
        var settings = new dev.footnote.config.BackendSettings(dev.footnote.config.BackendSettings.Backend.SOLR, List.of(),
                cluster.zk(), COLLECTION);
        // when
        try (SolrNodes nodes = SolrNodes.connect(settings)) {
            // then
            assertThat(nodes.urls()).containsExactlyInAnyOrderElementsOf(cluster.urls());
            assertThat(new SolrChunkStore(nodes, COLLECTION, 384).chunkCount()).isEqualTo(lucene.chunkCount());
        }
    }

    @Test
    void should_answer_queries_with_one_node_stopped() {
        List<String> expected = chunkIds(solr(Retriever.Mode.HYBRID, "Which country grows the most coffee?"));
        cluster.stopNode(1);
        try {
            List<String> actual = chunkIds(solr(Retriever.Mode.HYBRID, "Which country grows the most coffee?"));
            assertThat(actual).isEqualTo(expected);
            assertThat(solr.document("coffee.txt")).isPresent();
        } finally {
            cluster.startNode(1);
        }
    }
}
