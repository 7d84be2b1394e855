package dev.footnote.ingest;

/** The seeds folder cannot be trusted to say what the index should hold (missing, unreadable, suddenly empty). */
public final class SeedsFolderException extends RuntimeException {
    public SeedsFolderException(String message) {
        super(message);
    }

    public SeedsFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
