package dev.footnote.ingest;

import java.util.List;

/** A passage of a document: its span and the spans of the sentences it is made of, all into the document text. */
public record Chunk(String docId, int ordinal, Span span, List<Span> sentences) {
    public Chunk {
        sentences = List.copyOf(sentences);
        if (sentences.isEmpty()) throw new IllegalArgumentException("a chunk has at least one sentence");
        for (Span s : sentences) {
            if (!span.contains(s)) throw new IllegalArgumentException("sentence " + s + " outside chunk " + span);
        }
    }

    public String id() {
        return chunkId(docId, ordinal);
    }

    public static String chunkId(String docId, int ordinal) {
        return docId + "#" + ordinal;
    }
}
