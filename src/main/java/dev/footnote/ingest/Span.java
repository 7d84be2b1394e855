package dev.footnote.ingest;

/** A half-open character range {@code [start, end)} into a document's stored text. */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }

    public String of(String text) {
        return text.substring(start, end);
    }

    public int length() {
        return end - start;
    }

    public boolean contains(Span other) {
        return other.start >= start && other.end <= end;
    }
}
