package dev.footnote.retrieve;

import dev.footnote.ingest.Span;
import java.util.List;

/**
 * A retrieved chunk with everything needed to cite it: its document's metadata, its span and text, and its
 * sentences (spans into the document, plus their stored embeddings).
 */
public record Passage(String chunkId, String docId, String title, String date, Span span, String text,
                      List<Span> sentences, float[][] sentenceVectors) {
    public Passage {
        sentences = List.copyOf(sentences);
        if (text.length() != span.length()) throw new IllegalArgumentException("text does not match span " + span);
    }

    /** The text of sentence {@code i}, sliced from the passage. */
    public String sentence(int i) {
        Span s = sentences.get(i);
        return text.substring(s.start() - span.start(), s.end() - span.start());
    }
}
