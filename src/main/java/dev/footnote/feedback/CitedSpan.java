package dev.footnote.feedback;

/** The citation a report is about, as the server resolved it: the passage and the quoted span of the document. */
public record CitedSpan(String docId, String title, String chunkId, String passage, int start, int end, String quote) {
}
