package dev.footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.footnote.engine.lucene.LuceneIndex;
import dev.footnote.engine.solr.SolrChunkStore;
import dev.footnote.engine.solr.SolrCollection;
import dev.footnote.engine.solr.SolrNodes;
import dev.footnote.retrieve.FusionParams;
import dev.footnote.engine.lucene.LuceneRetriever;
import dev.footnote.retrieve.Retriever;
import dev.footnote.retrieve.SearchQuery;
import dev.footnote.engine.solr.SolrRetriever;
import dev.footnote.support.SolrCluster;
import dev.footnote.support.TestEmbedders;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link BackendBench} for embedded Lucene and the test SolrCloud on the SciFact corpus and prints the figures
 * (also to target/solr-bench.txt). Benchmarks are programs: nothing here asserts on time. Skipped without SciFact.
 */
class SolrBenchIT {
    private static final Path SCIFACT = Path.of(System.getProperty("footnote.scifact", "/work/shared/eval/scifact"));
    private static final Path SOURCE_INDEX = Path.of(System.getProperty("footnote.scifact.index", "/tmp/idx-scifact-bge"));
    private static final int QUERIES = 300;
    private static final int CLIENTS = 4;

    @Test
    void should_measure_both_backends_on_the_same_corpus() throws Exception {
        assumeThat(Files.isDirectory(SOURCE_INDEX)).as("an embedded SciFact index").isTrue();
        assumeThat(Files.isRegularFile(SCIFACT.resolve("queries.jsonl"))).as("SciFact queries").isTrue();
        String model = TestEmbedders.real().name();
        List<String> texts = RetrievalEval.readQueries(SCIFACT.resolve("queries.jsonl")).values().stream().limit(QUERIES).toList();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);

        BackendBench.Figures lucene;
        try (LuceneIndex index = LuceneIndex.open(Files.createTempDirectory("bench-lucene"), 384)) {
            lucene = BackendBench.run("lucene", SOURCE_INDEX, 384, model, index,
                    new LuceneRetriever(index, Retriever.Mode.HYBRID, FusionParams.DEFAULT), queries(texts), CLIENTS);
        }
        SolrNodes nodes = SolrNodes.of(SolrCluster.get().urls());
        SolrCollection.ensure(nodes, "bench", 384, new SolrCollection.Layout(2, 1));
        BackendBench.Figures solr;
        try (SolrChunkStore store = new SolrChunkStore(nodes, "bench", 384)) {
            solr = BackendBench.run("solr", SOURCE_INDEX, 384, model, store,
                    new SolrRetriever(store, Retriever.Mode.HYBRID, FusionParams.DEFAULT), queries(texts), CLIENTS);
        }
        out.println("SciFact, " + QUERIES + " queries; Solr: 2 shards x 1 replica on a 2-node local SolrCloud; same machine");
        lucene.print(out);
        solr.print(out);
        System.out.print(buf.toString(StandardCharsets.UTF_8));
        Files.writeString(Path.of("target", "solr-bench.txt"), buf.toString(StandardCharsets.UTF_8));
        assertThat(solr.documents()).isEqualTo(lucene.documents());
        assertThat(solr.chunks()).isEqualTo(lucene.chunks());
    }

    private static List<SearchQuery> queries(List<String> texts) {
        return texts.stream().map(t -> new SearchQuery(t, TestEmbedders.real())).toList();
    }
}
