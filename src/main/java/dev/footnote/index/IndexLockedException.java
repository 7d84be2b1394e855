package dev.footnote.index;

/** Another process (a running {@code serve}, another ingest) holds the index's write lock. */
public final class IndexLockedException extends IndexUnavailableException {
    public IndexLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
