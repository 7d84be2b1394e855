package dev.footnote.index;

/** A document's metadata and full text as stored in the index; citation offsets refer to {@code text}. */
public record StoredDocument(String id, String title, String date, String path, String hash, long size,
                             int chunkCount, int bodyStart, String text) {
}
