package dev.footnote.feedback;

/** The feedback database could not be opened, read or written; the message names the URL, never a password. */
public final class FeedbackStoreException extends RuntimeException {
    public FeedbackStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
