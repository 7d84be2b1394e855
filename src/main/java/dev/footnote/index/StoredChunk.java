package dev.footnote.index;

import dev.footnote.ingest.Span;
import java.util.List;

/** A chunk record read back from the index: offsets into its document and one vector per sentence. */
public record StoredChunk(String id, String docId, int ordinal, Span span, List<Span> sentences, float[][] sentenceVectors,
                          List<List<String>> sentenceTerms) {
    public StoredChunk {
        sentences = List.copyOf(sentences);
    }
}
