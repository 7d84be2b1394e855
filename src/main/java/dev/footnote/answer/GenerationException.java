package dev.footnote.answer;

/** A generator could not answer; {@code reason} is a short machine-readable cause for {@code fallbackReason}. */
public final class GenerationException extends Exception {
    private final String reason;

    public GenerationException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public GenerationException(String reason, String message) {
        this(reason, message, null);
    }

    /** e.g. {@code timeout}, {@code connection_refused}, {@code http_500}, {@code rate_limited}, {@code empty_output}, {@code circuit_open}. */
    public String reason() {
        return reason;
    }
}
