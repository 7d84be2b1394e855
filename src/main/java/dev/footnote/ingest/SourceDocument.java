package dev.footnote.ingest;

import java.util.Objects;

/**
 * A document as Footnote stores it: {@code text} is the exact text every offset refers to, and {@code bodyStart}
 * is where its content begins (after a {@code date …} header or Markdown front matter, which are metadata);
 * {@code layout} says where its pages, slides and sections start in {@code text}.
 */
public record SourceDocument(String id, String path, String title, String date, String text, int bodyStart,
                             String hash, long size, Layout layout) {
    public SourceDocument {
        layout = layout == null ? Layout.NONE : layout;
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        if (id.isBlank()) throw new IllegalArgumentException("id is blank");
        if (bodyStart < 0 || bodyStart > text.length()) throw new IllegalArgumentException("bodyStart out of range");
        title = title == null || title.isBlank() ? id : title.strip();
        path = path == null ? id : path;
        hash = hash == null ? Hashing.sha256(text) : hash;
    }

    /** A document without pages, slides or sections. */
    public SourceDocument(String id, String path, String title, String date, String text, int bodyStart, String hash, long size) {
        this(id, path, title, date, text, bodyStart, hash, size, Layout.NONE);
    }

    /** The same document recorded under the hash its corpus computed, so the next ingest recognises it. */
    public SourceDocument withHash(String h) {
        return new SourceDocument(id, path, title, date, text, bodyStart, h, size, layout);
    }
}
