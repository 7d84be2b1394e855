package dev.footnote.answer;

/**
 * The words of a cited quote that answer the question ("Lavrov", "February 7, 2016"): {@code text} is exactly the
 * document text from {@code start} to {@code end}, which lie inside the quote of citation {@code citationId}.
 */
public record ShortAnswer(String text, int citationId, int start, int end) {
    public ShortAnswer {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("text must not be blank");
        if (start < 0 || text.length() != end - start) throw new IllegalArgumentException("text does not match [start, end)");
    }
}
