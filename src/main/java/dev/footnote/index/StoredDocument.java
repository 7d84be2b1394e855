package dev.footnote.index;

import dev.footnote.ingest.Layout;

/**
 * A document's metadata and full text as stored in the index; citation offsets refer to {@code text}, and
 * {@code layout} says where its pages, slides and sections start in it.
 */
public record StoredDocument(String id, String title, String date, String path, String hash, long size,
                             int chunkCount, int bodyStart, String text, Layout layout) {
    public StoredDocument {
        layout = layout == null ? Layout.NONE : layout;
    }

    /** A document without pages, slides or sections. */
    public StoredDocument(String id, String title, String date, String path, String hash, long size, int chunkCount,
                          int bodyStart, String text) {
        this(id, title, date, path, hash, size, chunkCount, bodyStart, text, Layout.NONE);
    }
}
