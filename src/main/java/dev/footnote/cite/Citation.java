package dev.footnote.cite;

import dev.footnote.ingest.Layout;

/**
 * A footnote: the passage it points at ({@code chunkId}, {@code passage}) and the span of the document that supports
 * the citing sentence; {@code quote} is exactly the document text from {@code start} to {@code end}. Where the document
 * has them, {@code page} (1-based, where the quote starts; {@code pageEnd} when it runs on to a later page),
 * {@code slide} and {@code section} (the heading above the quote) say where to find it in the original file.
 */
public record Citation(int id, String docId, String title, String date, String chunkId, String passage,
                       int passageStart, int passageEnd, int start, int end, String quote,
                       Integer page, Integer pageEnd, Integer slide, String section) {
    public Citation {
        if (quote.length() != end - start) throw new IllegalArgumentException("quote does not match [start, end)");
    }

    /** A citation into a document without pages, slides or sections. */
    public Citation(int id, String docId, String title, String date, String chunkId, String passage, int passageStart,
                    int passageEnd, int start, int end, String quote) {
        this(id, docId, title, date, chunkId, passage, passageStart, passageEnd, start, end, quote, null, null, null, null);
    }

    /** Where the quote is, for people: "p. 3", "pp. 3–4", "slide 2", then the section; null when nothing is known. */
    public String where() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (page != null) parts.add(pageEnd == null ? "p. " + page : "pp. " + page + "\u2013" + pageEnd);
        if (slide != null) parts.add("slide " + slide);
        if (section != null) parts.add(section);
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** The same citation placed at {@code where} in its document. */
    public Citation at(Layout.Location where) {
        return new Citation(id, docId, title, date, chunkId, passage, passageStart, passageEnd, start, end, quote,
                where.page(), where.pageEnd(), where.slide(), where.section());
    }
}
