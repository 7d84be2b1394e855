package dev.footnote.library;

/** How big the index is: documents, chunks and bytes on disk. */
public record IndexStats(int documents, int chunks, long bytes) {
}
