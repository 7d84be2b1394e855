package dev.footnote.retrieve;

import dev.footnote.index.StoredChunk;
import dev.footnote.index.StoredDocument;

/** A passage with its fused score and, where it was found by each, its BM25 score and cosine similarity. */
public record Hit(Passage passage, double score, Double bm25, Double vector) {
    /**
     * A hit assembled from an engine's records and scores, the same way for every engine.
     *
     * @param bm25         the BM25 score, or null when the BM25 list did not find the chunk
     * @param vectorScore  the engine's vector score, or null when the vector list did not find it. Lucene and Solr both
     *                     report a dot-product match as {@code (1 + cosine) / 2} so that scores stay positive; the hit
     *                     carries the cosine itself ({@code 2 * score - 1}), which is what the answerer compares
     */
    public static Hit of(StoredChunk chunk, StoredDocument doc, double score, Double bm25, Double vectorScore) {
        return new Hit(Passage.of(chunk, doc), score, bm25, vectorScore == null ? null : 2 * vectorScore - 1);
    }
}
