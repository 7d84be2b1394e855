package dev.footnote.cite;

/**
 * A footnote: the passage it points at ({@code chunkId}, {@code passage}) and the span of the document that supports
 * the citing sentence; {@code quote} is exactly the document text from {@code start} to {@code end}.
 */
public record Citation(int id, String docId, String title, String date, String chunkId, String passage,
                       int passageStart, int passageEnd, int start, int end, String quote) {
    public Citation {
        if (quote.length() != end - start) throw new IllegalArgumentException("quote does not match [start, end)");
    }
}
