package dev.footnote.engine.solr;

import dev.footnote.index.StoredChunk;
import dev.footnote.index.StoredDocument;
import dev.footnote.engine.solr.SolrChunkStore;
import dev.footnote.engine.solr.SolrRecords;
import dev.footnote.retrieve.ChunkRanker;
import dev.footnote.retrieve.Fusion;
import dev.footnote.retrieve.FusionParams;
import dev.footnote.retrieve.Hit;
import dev.footnote.retrieve.QueryTerms;
import dev.footnote.retrieve.RankedChunk;
import dev.footnote.retrieve.Retriever;
import dev.footnote.retrieve.SearchQuery;
import dev.footnote.retrieve.TermWeights;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.TermsResponse;
import org.apache.solr.common.SolrDocument;

/**
 * BM25, vector or hybrid retrieval over a SolrCloud collection: Solr runs the BM25 query (the same analysed terms as
 * the embedded retriever) and {@code {!knn}}, and the two lists are fused here by {@link Fusion}, as for Lucene.
 */
public final class SolrRetriever implements Retriever, TermWeights, ChunkRanker {
    private final SolrChunkStore store;
    private final Mode mode;
    private final FusionParams params;

    public SolrRetriever(SolrChunkStore store, Mode mode, FusionParams params) {
        if (params.titleBoost() > 0) throw new IllegalArgumentException("the Solr backend does not support a title boost");
        this.store = store;
        this.mode = mode;
        this.params = params;
    }

    @Override
    public List<Hit> retrieve(SearchQuery query, int k) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1");
        Lists lists = lists(query, Math.max(k, params.depth()));
        List<Fusion.Scored<String>> ranked = Fusion.fuse(mode, params, lists.bm25, lists.vec, Function.identity());
        List<String> top = ranked.stream().limit(k).map(Fusion.Scored::key).toList();
        Map<String, StoredChunk> chunks = chunks(top);
        Map<String, StoredDocument> docs = store.documents(chunks.values().stream().map(StoredChunk::docId).distinct().toList());
        List<Hit> hits = new ArrayList<>(top.size());
        for (Fusion.Scored<String> sc : ranked.subList(0, top.size())) {
            StoredChunk c = chunks.get(sc.key());
            StoredDocument doc = c == null ? null : docs.get(c.docId());
            if (doc == null) continue;
            hits.add(Hit.of(c, doc, sc.score(), lists.bm25.get(sc.key()), lists.vec.get(sc.key())));
        }
        return hits;
    }

    @Override
    public List<RankedChunk> rank(SearchQuery query, int n) {
        Lists lists = lists(query, Math.max(n, params.depth()));
        List<RankedChunk> out = new ArrayList<>();
        for (Fusion.Scored<String> sc : Fusion.fuse(mode, params, lists.bm25, lists.vec, Function.identity())) {
            if (out.size() >= n) break;
            out.add(new RankedChunk(sc.key(), lists.docIds.get(sc.key()), sc.score()));
        }
        return out;
    }

    /** BM25 document frequencies from Solr's terms component, over every shard, into the one BM25 IDF formula. */
    @Override
    public Map<String, Double> idf(Collection<String> terms) {
        Map<String, Double> out = new HashMap<>();
        if (terms.isEmpty()) return out;
        SolrQuery q = new SolrQuery();
        q.setRequestHandler("/terms");
        q.set("terms.fl", SolrFields.BODY);
        q.set("terms.list", String.join(",", terms));
        q.set("terms.limit", -1);
        QueryRequest req = new QueryRequest(q, SolrRequest.METHOD.POST);
        req.setPath("/terms");
        TermsResponse tr = store.nodes().call(c -> req.process(c, store.collection())).getTermsResponse();
        Map<String, Long> df = new HashMap<>();
        if (tr != null && tr.getTerms(SolrFields.BODY) != null) {
            for (TermsResponse.Term t : tr.getTerms(SolrFields.BODY)) df.put(t.getTerm(), t.getFrequency());
        }
        long n = Math.max(1, store.chunkCount());
        for (String t : terms) out.put(t, TermWeights.bm25Idf(n, df.getOrDefault(t, 0L)));
        return out;
    }

    private Lists lists(SearchQuery query, int depth) {
        Lists l = new Lists();
        if (mode != Mode.VECTOR) collect(bm25Query(query.text(), depth), l.bm25, l.docIds);
        if (mode != Mode.BM25) collect(knnQuery(query.vector(), depth), l.vec, l.docIds);
        return l;
    }

    /** An OR of the analysed query terms, repeats as boosts, exactly as the Lucene engine builds it. */
    SolrQuery bm25Query(String text, int depth) {
        Map<String, Integer> tf = QueryTerms.frequencies(text);
        SolrQuery q = new SolrQuery();
        if (tf.isEmpty()) return null;
        StringBuilder bool = new StringBuilder("{!bool");
        int i = 0;
        for (Map.Entry<String, Integer> e : tf.entrySet()) {
            q.set("w" + i, e.getKey());
            q.set("t" + i, e.getValue() == 1 ? "{!term f=" + SolrFields.BODY + " v=$w" + i + "}"
                    : "{!boost b=" + e.getValue() + " v=$u" + i + "}");
            if (e.getValue() > 1) q.set("u" + i, "{!term f=" + SolrFields.BODY + " v=$w" + i + "}");
            bool.append(" should=$t").append(i);
            i++;
        }
        q.setQuery(bool.append('}').toString());
        return q.setFields(SolrFields.ID, SolrFields.DOC_ID, SolrFields.SCORE).setRows(depth);
    }

    private static SolrQuery knnQuery(float[] vector, int depth) {
        StringBuilder v = new StringBuilder("[");
        for (int i = 0; i < vector.length; i++) v.append(i == 0 ? "" : ",").append(vector[i]);
        SolrQuery q = new SolrQuery("{!knn f=" + SolrFields.VECTOR + " topK=" + depth + "}" + v.append(']'));
        return q.setFields(SolrFields.ID, SolrFields.DOC_ID, SolrFields.SCORE).setRows(depth);
    }

    private void collect(SolrQuery q, Map<String, Double> scores, Map<String, String> docIds) {
        if (q == null) return;
        for (SolrDocument d : store.query(q).getResults()) {
            String id = (String) d.getFirstValue(SolrFields.ID);
            scores.put(id, ((Number) d.getFirstValue(SolrFields.SCORE)).doubleValue());
            docIds.put(id, (String) d.getFirstValue(SolrFields.DOC_ID));
        }
    }

    private Map<String, StoredChunk> chunks(List<String> ids) {
        Map<String, StoredChunk> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        SolrQuery q = SolrChunkStore.termsQuery(SolrFields.ID, ids).setRows(ids.size()).setFields(SolrFields.CHUNK);
        for (SolrDocument d : store.query(q).getResults()) out.put((String) d.getFirstValue(SolrFields.ID), SolrRecords.toChunk(d, store.dimension()));
        return out;
    }

    private static final class Lists {
        final Map<String, Double> bm25 = new LinkedHashMap<>();
        final Map<String, Double> vec = new LinkedHashMap<>();
        final Map<String, String> docIds = new HashMap<>();
    }
}
