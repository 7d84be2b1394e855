package dev.footnote.index;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Remembers the embeddings of recent questions (least recently used first out): retries, follow-ups, the same
 * question from many users and search-as-you-type skip the model. Passages are never cached; they are embedded once,
 * at ingest.
 */
public final class CachingEmbedder implements Embedder {
    private final Embedder delegate;
    private final Map<String, float[]> cache;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public CachingEmbedder(Embedder delegate, int capacity) {
        this.delegate = delegate;
        this.cache = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public float[] embedQuery(String query) {
        float[] v;
        synchronized (cache) {
            v = cache.get(query);
        }
        if (v != null) {
            hits.increment();
            return v;
        }
        misses.increment();
        v = delegate.embedQuery(query);
        synchronized (cache) {
            cache.put(query, v);
        }
        return v;
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        return delegate.embedPassages(texts);
    }

    @Override
    public List<PassageVectors> embedWithSentences(List<PassageText> passages) {
        return delegate.embedWithSentences(passages);
    }

    @Override
    public void close() {
        delegate.close();
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }
}
