package dev.footnote.retrieve;

/** A passage with its fused score and, where it was found by each, its BM25 and vector scores. */
public record Hit(Passage passage, double score, Double bm25, Double vector) {
}
