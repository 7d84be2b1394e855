package dev.footnote.index;

/** The index directory cannot be opened or written (read-only, full disk, locked); the message names the path. */
public class IndexUnavailableException extends RuntimeException {
    public IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
