package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.engine.lucene.IndexCopy;
import dev.footnote.engine.solr.SolrChunkStore;
import dev.footnote.engine.solr.SolrCollection;
import dev.footnote.engine.solr.SolrNodes;
import dev.footnote.support.SolrCluster;
import dev.footnote.support.TestEmbedders;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code eval retrieval --backend solr} on SciFact train matches embedded Lucene within 0.01 nDCG@10. The corpus is
 * copied into Solr from an existing embedded index (vectors included) rather than embedded again; the eval's own sync
 * then finds every document unchanged. Skipped where the SciFact files or that index are absent.
 */
class SolrEvalIT {
    private static final Path SCIFACT = Path.of(System.getProperty("footnote.scifact", "/work/shared/eval/scifact"));
    private static final Path SOURCE_INDEX = Path.of(System.getProperty("footnote.scifact.index", "/tmp/idx-scifact-bge"));

    @Test
    void should_score_scifact_like_embedded_lucene() throws Exception {
        assumeThat(Files.isRegularFile(SCIFACT.resolve("corpus.jsonl.gz"))).as("SciFact files").isTrue();
        assumeThat(Files.isDirectory(SOURCE_INDEX)).as("an embedded SciFact index").isTrue();
        // given a private copy of the embedded index (the source is only read) and the same records in Solr
        Path copy = copyOf(SOURCE_INDEX);
        SolrCluster cluster = SolrCluster.get();
        SolrNodes nodes = SolrNodes.of(cluster.urls());
        SolrCollection.ensure(nodes, "scifact", 384, new SolrCollection.Layout(2, 1));
        try (SolrChunkStore store = new SolrChunkStore(nodes, "scifact", 384)) {
            new IndexCopy(384).copy(copy, store, TestEmbedders.real().name());
        }
        for (String mode : List.of("hybrid", "bm25")) {
            // when
            JsonNode lucene = eval(mode, "--index", copy.toString());
            JsonNode solr = eval(mode, "--backend", "solr", "--solr-urls", cluster.urlsCsv(), "--solr-collection", "scifact");
            // then
            System.out.printf("scifact %s nDCG@10: lucene %.4f solr %.4f; ms/query lucene %.1f solr %.1f%n", mode,
                    lucene.path("ndcg@10").asDouble(), solr.path("ndcg@10").asDouble(),
                    lucene.path("ms_per_query").asDouble(), solr.path("ms_per_query").asDouble());
            assertThat(solr.path("queries").asInt()).isEqualTo(lucene.path("queries").asInt());
            assertThat(Math.abs(solr.path("ndcg@10").asDouble() - lucene.path("ndcg@10").asDouble())).as(mode).isLessThanOrEqualTo(0.01);
        }
    }

    private static JsonNode eval(String mode, String... backend) throws Exception {
        List<String> argv = new ArrayList<>(List.of("retrieval", "--corpus", SCIFACT.resolve("corpus.jsonl.gz").toString(),
                "--queries", SCIFACT.resolve("queries.jsonl").toString(), "--qrels", SCIFACT.resolve("qrels/train.tsv").toString(),
                "--mode", mode, "--model", TestEmbedders.real().name(), "--json"));
        argv.addAll(List.of(backend));
        PrintStream out = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertThat(new EvalCommand().run(argv)).isZero();
        } finally {
            System.setOut(out);
        }
        String text = buf.toString(StandardCharsets.UTF_8).strip();
        return new ObjectMapper().readTree(text.substring(text.lastIndexOf('\n') + 1));
    }

    private static Path copyOf(Path index) throws Exception {
        Path target = Files.createTempDirectory("scifact-index");
        try (Stream<Path> files = Files.list(index)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals("write.lock")) Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }
}
