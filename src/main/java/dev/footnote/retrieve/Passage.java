package dev.footnote.retrieve;

import dev.footnote.index.Analyzers;
import dev.footnote.index.StoredChunk;
import dev.footnote.index.StoredDocument;
import dev.footnote.ingest.Layout;
import dev.footnote.ingest.Span;
import java.util.List;

/**
 * A retrieved chunk with everything needed to cite it: its document's metadata, its span and text, its sentences
 * (spans into the document, plus their stored embeddings), and its document's layout (pages, slides, sections).
 */
public record Passage(String chunkId, String docId, String title, String date, Span span, String text,
                      List<Span> sentences, float[][] sentenceVectors, List<List<String>> sentenceTerms, Layout layout) {
    public Passage {
        sentences = List.copyOf(sentences);
        layout = layout == null ? Layout.NONE : layout;
        if (text.length() != span.length()) throw new IllegalArgumentException("text does not match span " + span);
    }

    /** A passage of a document without pages, slides or sections. */
    public Passage(String chunkId, String docId, String title, String date, Span span, String text, List<Span> sentences,
                   float[][] sentenceVectors, List<List<String>> sentenceTerms) {
        this(chunkId, docId, title, date, span, text, sentences, sentenceVectors, sentenceTerms, Layout.NONE);
    }

    /** The stored chunk {@code c} of the stored document {@code doc} (its full text loaded). */
    public static Passage of(StoredChunk c, StoredDocument doc) {
        return new Passage(c.id(), c.docId(), doc.title(), doc.date(), c.span(), c.span().of(doc.text()), c.sentences(),
                c.sentenceVectors(), c.sentenceTerms(), doc.layout());
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
