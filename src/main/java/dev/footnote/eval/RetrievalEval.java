package dev.footnote.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.index.Embedder;
import dev.footnote.ingest.BeirCorpus;
import dev.footnote.retrieve.ChunkRanker;
import dev.footnote.retrieve.RankedChunk;
import dev.footnote.retrieve.SearchQuery;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Scores a retriever against BEIR queries and qrels, ranking documents by their best passage. */
public final class RetrievalEval {
    private final ChunkRanker retriever;
    private final Embedder embedder;

    public RetrievalEval(ChunkRanker retriever, Embedder embedder) {
        this.retriever = retriever;
        this.embedder = embedder;
    }

    /** nDCG@10, Recall@100, MRR@10 averaged over the judged queries, and mean milliseconds per query. */
    public record Result(double ndcg10, double recall100, double mrr10, int queries, double msPerQuery) {
        public Map<String, Object> asJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ndcg@10", round(ndcg10));
            m.put("recall@100", round(recall100));
            m.put("mrr@10", round(mrr10));
            m.put("queries", queries);
            m.put("ms_per_query", Math.round(msPerQuery * 100) / 100.0);
            return m;
        }

        private static double round(double d) {
            return Math.round(d * 10000) / 10000.0;
        }
    }

    public static Map<String, String> readQueries(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> out = new LinkedHashMap<>();
        try (BufferedReader r = BeirCorpus.open(file)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode n = json.readTree(line);
                out.put(n.path("_id").asText(), n.path("text").asText());
            }
        }
        return out;
    }

    public Result run(Map<String, String> queries, Map<String, Map<String, Integer>> qrels,
                      dev.footnote.index.Progress progress) {
        double ndcg = 0;
        double recall = 0;
        double mrr = 0;
        int n = 0;
        long nanos = 0;
        for (Map.Entry<String, Map<String, Integer>> q : qrels.entrySet()) {
            String text = queries.get(q.getKey());
            if (text == null || text.isBlank()) continue;
            long t = System.nanoTime();
            List<String> docs = rankDocuments(text, 100);
            nanos += System.nanoTime() - t;
            ndcg += Metrics.ndcg(docs, q.getValue(), 10);
            recall += Metrics.recall(docs, q.getValue(), 100);
            mrr += Metrics.mrr(docs, q.getValue(), 10);
            n++;
            progress.advance(1);
        }
        return n == 0 ? new Result(0, 0, 0, 0, 0) : new Result(ndcg / n, recall / n, mrr / n, n, nanos / 1e6 / n);
    }

    /** Documents in the order of their best passage. */
    public List<String> rankDocuments(String query, int k) {
        Set<String> docs = new LinkedHashSet<>();
        for (RankedChunk c : retriever.rank(new SearchQuery(query, embedder), k * 3)) {
            docs.add(c.docId());
            if (docs.size() >= k) break;
        }
        return new ArrayList<>(docs);
    }
}
