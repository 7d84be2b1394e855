package dev.footnote.ingest;

/** One document a corpus offers: its id and content hash (cheap), and how to load it (possibly expensive). */
public record CorpusEntry(String id, String path, String hash, Loader loader) {

    /** Loads the document, or says why it cannot be. */
    @FunctionalInterface
    public interface Loader {
        SourceDocument load() throws UnreadableDocumentException;
    }
}
