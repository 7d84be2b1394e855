package dev.footnote.library;

/** Input the library refuses, naming the offending field and why; the web layer turns the reason into a status. */
public final class RejectedInputException extends RuntimeException {
    /** Why the input was refused. */
    public enum Reason { INVALID, TOO_LARGE, UNSUPPORTED_TYPE, NOT_FOUND, CONFLICT }

    private final Reason reason;
    private final String field;

    public RejectedInputException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public static RejectedInputException invalid(String field, String message) {
        return new RejectedInputException(Reason.INVALID, field, message);
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
