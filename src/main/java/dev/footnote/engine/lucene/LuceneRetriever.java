package dev.footnote.engine.lucene;

import dev.footnote.retrieve.Fusion;
import dev.footnote.retrieve.FusionParams;
import dev.footnote.retrieve.Hit;
import dev.footnote.retrieve.QueryTerms;
import dev.footnote.retrieve.RankedChunk;
import dev.footnote.retrieve.Retriever;
import dev.footnote.retrieve.SearchQuery;
import dev.footnote.retrieve.TermWeights;
import dev.footnote.retrieve.ChunkRanker;
import dev.footnote.engine.lucene.Fields;
import dev.footnote.engine.lucene.LuceneIndex;
import dev.footnote.index.StoredChunk;
import dev.footnote.index.StoredDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/** BM25, vector or hybrid retrieval over the embedded Lucene index. */
public final class LuceneRetriever implements Retriever, TermWeights, ChunkRanker {
    private final LuceneIndex index;
    private final Mode mode;
    private final FusionParams params;

    public LuceneRetriever(LuceneIndex index, Mode mode, FusionParams params) {
        this.index = index;
        this.mode = mode;
        this.params = params;
    }

    @Override
    public List<Hit> retrieve(SearchQuery query, int k) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1");
        float[] vector = mode == Mode.BM25 ? null : query.vector();
        return index.search(s -> {
            Lists lists = lists(s, query.text(), vector, Math.max(k, params.depth()));
            return load(s, fuse(s, lists), k, lists);
        });
    }

    @Override
    public Map<String, Double> idf(java.util.Collection<String> terms) {
        return index.search(s -> {
            Map<String, Double> out = new HashMap<>();
            for (String t : terms) out.put(t, LuceneIndex.idf(s, t));
            return out;
        });
    }

    /**
     * An OR of the analysed query terms (repeats become boosts) over the body and, boosted, the title, plus the
     * indexed spelling variants of rare names ({@link Misspellings}).
     */
    Query bm25Query(IndexSearcher s, String text) throws IOException {
        java.util.Set<String> names = Misspellings.names(text);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Map.Entry<String, Integer> e : QueryTerms.frequencies(text).entrySet()) {
            Query q = new TermQuery(new Term(Fields.BODY, e.getKey()));
            b.add(e.getValue() == 1 ? q : new BoostQuery(q, e.getValue()), BooleanClause.Occur.SHOULD);
            if (params.titleBoost() > 0) {
                b.add(new BoostQuery(new TermQuery(new Term(Fields.TITLE, e.getKey())), params.titleBoost() * e.getValue()),
                        BooleanClause.Occur.SHOULD);
            }
            Query variants = Misspellings.variants(s, e.getKey(), names);
            if (variants != null) b.add(variants, BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    private static Map<Integer, Double> scores(IndexSearcher s, Query q, int n) throws IOException {
        Map<Integer, Double> out = new LinkedHashMap<>();
        for (ScoreDoc sd : s.search(q, n).scoreDocs) out.put(sd.doc, (double) sd.score);
        return out;
    }

    /** The BM25 and vector lists this retriever's mode asks for, each the top {@code depth} by Lucene doc id. */
    private Lists lists(IndexSearcher s, String text, float[] vector, int depth) throws IOException {
        Map<Integer, Double> bm25 = mode == Mode.VECTOR ? Map.of() : scores(s, bm25Query(s, text), depth);
        Map<Integer, Double> vec = mode == Mode.BM25 ? Map.of() : scores(s, new KnnFloatVectorQuery(Fields.VECTOR, vector, depth), depth);
        return new Lists(bm25, vec);
    }

    private List<Fusion.Scored<Integer>> fuse(IndexSearcher s, Lists lists) {
        return Fusion.fuse(mode, params, lists.bm25(), lists.vector(), new ChunkIds(s)::id);
    }

    /** Ranked chunk and document ids only, without loading passages: for evaluation at depth. */
    @Override
    public List<RankedChunk> rank(SearchQuery query, int n) {
        float[] vector = mode == Mode.BM25 ? null : query.vector();
        return index.search(s -> {
            List<Fusion.Scored<Integer>> fused = fuse(s, lists(s, query.text(), vector, Math.max(n, params.depth())));
            List<RankedChunk> out = new ArrayList<>(Math.min(n, fused.size()));
            var stored = s.storedFields();
            java.util.Set<String> fields = java.util.Set.of(Fields.ID, Fields.DOC_ID);
            for (Fusion.Scored<Integer> sc : fused) {
                if (out.size() >= n) break;
                var d = stored.document(sc.key(), fields);
                out.add(new RankedChunk(d.get(Fields.ID), d.get(Fields.DOC_ID), sc.score()));
            }
            return out;
        });
    }

    private List<Hit> load(IndexSearcher s, List<Fusion.Scored<Integer>> ranked, int k, Lists lists) throws IOException {
        Map<String, Optional<StoredDocument>> docs = new HashMap<>();
        List<Hit> hits = new ArrayList<>(Math.min(k, ranked.size()));
        var stored = s.storedFields();
        for (Fusion.Scored<Integer> sc : ranked) {
            if (hits.size() >= k) break;
            StoredChunk c = index.toChunk(stored.document(sc.key()));
            Optional<StoredDocument> d = docs.get(c.docId());
            if (d == null) {
                d = index.documentIn(s, c.docId());
                docs.put(c.docId(), d);
            }
            if (d.isEmpty()) continue;
            hits.add(Hit.of(c, d.get(), sc.score(), lists.bm25().get(sc.key()), lists.vector().get(sc.key())));
        }
        return hits;
    }

    /** Lucene doc id to score, for each side of the fusion. */
    private record Lists(Map<Integer, Double> bm25, Map<Integer, Double> vector) {
    }

    /** Chunk ids from doc values, read only when two scores tie. */
    private static final class ChunkIds {
        private final IndexSearcher searcher;
        private final Map<Integer, String> cache = new HashMap<>();

        ChunkIds(IndexSearcher searcher) {
            this.searcher = searcher;
        }

        String id(int doc) {
            return cache.computeIfAbsent(doc, d -> {
                try {
                    return searcher.storedFields().document(d, java.util.Set.of(Fields.ID)).get(Fields.ID);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
