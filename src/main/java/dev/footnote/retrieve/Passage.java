package dev.footnote.retrieve;

import dev.footnote.index.Analyzers;
import dev.footnote.index.StoredChunk;
import dev.footnote.index.StoredDocument;
import dev.footnote.ingest.Span;
import java.util.List;

/**
 * A retrieved chunk with everything needed to cite it: its document's metadata, its span and text, and its
 * sentences (spans into the document, plus their stored embeddings).
 */
public record Passage(String chunkId, String docId, String title, String date, Span span, String text,
                      List<Span> sentences, float[][] sentenceVectors, List<List<String>> sentenceTerms) {
    public Passage {
        sentences = List.copyOf(sentences);
        if (text.length() != span.length()) throw new IllegalArgumentException("text does not match span " + span);
    }

    /** A stored chunk as a passage, with its document's metadata and its text sliced from the document. */
    public static Passage of(StoredChunk c, StoredDocument doc) {
        return new Passage(c.id(), c.docId(), doc.title(), doc.date(), c.span(), c.span().of(doc.text()), c.sentences(),
                c.sentenceVectors(), c.sentenceTerms());
    }

    /** Analysed terms of sentence {@code i}, stored at ingest (computed now for indexes that predate them). */
    public List<String> sentenceTerms(int i) {
        if (sentenceTerms != null && i < sentenceTerms.size()) return sentenceTerms.get(i);
        return Analyzers.terms(sentence(i));
    }

    /** The text of sentence {@code i}, sliced from the passage. */
    public String sentence(int i) {
        Span s = sentences.get(i);
        return text.substring(s.start() - span.start(), s.end() - span.start());
    }
}
