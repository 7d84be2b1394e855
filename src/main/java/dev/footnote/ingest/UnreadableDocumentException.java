package dev.footnote.ingest;

/** A file that cannot become a document (empty, binary, oversized, corrupt); ingest counts it and moves on. */
public final class UnreadableDocumentException extends Exception {
    public UnreadableDocumentException(String message) {
        super(message);
    }
}
