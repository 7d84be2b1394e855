package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.engine.lucene.IndexCopy;
import dev.footnote.engine.solr.SolrChunkStore;
import dev.footnote.engine.solr.SolrCollection;
import dev.footnote.engine.solr.SolrNodes;
import dev.footnote.support.Skip;
import dev.footnote.support.SolrCluster;
import dev.footnote.support.TestEmbedders;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * {@code eval retrieval --backend solr} on a SciFact subset matches embedded Lucene within 0.01 nDCG@10: the first
 * 1,000 abstracts and the train queries whose relevant documents they all hold (embedding the whole corpus takes 5 to
 * 25 minutes here). The test builds the embedded index itself, then copies its records (vectors included) into Solr
 * rather than embedding again; the eval's own sync then finds every document unchanged. Without the SciFact files it is
 * skipped with the reason printed, or fails under {@code CI}.
 */
class SolrEvalIT {
    private static final Path SCIFACT = Path.of(System.getProperty("footnote.scifact", "/work/shared/eval/scifact"));
    private static final int DOCUMENTS = 1_000;

    @Test
    void should_score_scifact_like_embedded_lucene() throws Exception {
        Skip.unless(Files.isRegularFile(SCIFACT.resolve("corpus.jsonl.gz")) && Files.isRegularFile(SCIFACT.resolve("qrels/train.tsv")),
                "SolrEvalIT", "the SciFact files are not in " + SCIFACT, "set -Dfootnote.scifact=DIR");
        // given the subset indexed by embedded Lucene, and the same records in Solr
        Path subset = subset();
        Path index = subset.resolve("index");
        JsonNode hybrid = eval(subset, "hybrid", "--index", index.toString());
        SolrCluster cluster = SolrCluster.get();
        SolrNodes nodes = SolrNodes.of(cluster.urls());
        SolrCollection.ensure(nodes, "scifact", 384, new SolrCollection.Layout(2, 1));
        try (SolrChunkStore store = new SolrChunkStore(nodes, "scifact", 384)) {
            new IndexCopy(384).copy(index, store, TestEmbedders.real().name());
        }
        assertThat(hybrid.path("queries").asInt()).as("train queries answerable from the subset").isGreaterThan(100);
        for (String mode : List.of("hybrid", "bm25")) {
            // when
            JsonNode lucene = mode.equals("hybrid") ? hybrid : eval(subset, mode, "--index", index.toString());
            JsonNode solr = eval(subset, mode, "--backend", "solr", "--solr-urls", cluster.urlsCsv(), "--solr-collection", "scifact");
            // then
            System.out.printf("scifact subset (%d abstracts, %d queries) %s nDCG@10: lucene %.4f solr %.4f; ms/query lucene %.1f solr %.1f%n",
                    DOCUMENTS, lucene.path("queries").asInt(), mode, lucene.path("ndcg@10").asDouble(), solr.path("ndcg@10").asDouble(),
                    lucene.path("ms_per_query").asDouble(), solr.path("ms_per_query").asDouble());
            assertThat(solr.path("queries").asInt()).isEqualTo(lucene.path("queries").asInt());
            assertThat(lucene.path("ndcg@10").asDouble()).as("a real ranking, not an empty one").isGreaterThan(0.5);
            assertThat(Math.abs(solr.path("ndcg@10").asDouble() - lucene.path("ndcg@10").asDouble())).as(mode).isLessThanOrEqualTo(0.01);
        }
    }

    private static JsonNode eval(Path subset, String mode, String... backend) throws Exception {
        List<String> argv = new ArrayList<>(List.of("retrieval", "--corpus", subset.resolve("corpus.jsonl").toString(),
                "--queries", subset.resolve("queries.jsonl").toString(), "--qrels", subset.resolve("train.tsv").toString(),
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

    /**
     * The first {@link #DOCUMENTS} SciFact abstracts, and the train queries (with their qrels) whose relevant documents
     * are all among them.
     */
    private static Path subset() throws Exception {
        Path dir = Files.createTempDirectory("scifact-subset");
        Set<String> ids = new HashSet<>();
        List<String> docs = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(SCIFACT.resolve("corpus.jsonl.gz"))), StandardCharsets.UTF_8))) {
            for (String line; docs.size() < DOCUMENTS && (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                docs.add(line);
                ids.add(json.readTree(line).path("_id").asText());
            }
        }
        Files.write(dir.resolve("corpus.jsonl"), docs);
        Map<String, List<String>> qrels = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(SCIFACT.resolve("qrels/train.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (f.length >= 3) qrels.computeIfAbsent(f[0], q -> new ArrayList<>()).add(line);
        }
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        Set<String> queries = new HashSet<>();
        qrels.forEach((q, rows) -> {
            if (rows.stream().allMatch(row -> ids.contains(row.split("\t")[1]))) {
                kept.addAll(rows);
                queries.add(q);
            }
        });
        Files.write(dir.resolve("train.tsv"), kept);
        Files.write(dir.resolve("queries.jsonl"), Files.readAllLines(SCIFACT.resolve("queries.jsonl")).stream()
                .filter(l -> !l.isBlank()).filter(l -> {
                    try {
                        return queries.contains(json.readTree(l).path("_id").asText());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList());
        return dir;
    }
}
