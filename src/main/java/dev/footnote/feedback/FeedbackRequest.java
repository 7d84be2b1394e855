package dev.footnote.feedback;

/**
 * A report as a reader sends it: the answer by {@code answerId} (a recent answer of this server) or by its
 * {@code question} and {@code answer} text; for a verdict on a footnote, its {@code citationId} and, when the answer
 * is not a recent one, where it points ({@code citation}); the {@code verdict}; an optional {@code comment}.
 */
public record FeedbackRequest(String answerId, String question, String answer, Integer citationId, CitationRef citation,
                              String verdict, String comment) {
    /** Where a footnote points: the passage and the span of the document it quotes. */
    public record CitationRef(String chunkId, Integer start, Integer end) {
    }
}
