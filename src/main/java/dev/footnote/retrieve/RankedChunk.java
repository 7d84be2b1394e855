package dev.footnote.retrieve;

/** A chunk's place in a ranking: its id, its document's id and its fused score. */
public record RankedChunk(String chunkId, String docId, double score) {
}
