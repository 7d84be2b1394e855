package dev.footnote.feedback;

import java.time.Instant;

/**
 * One stored report: the answer it is about (id, question, text), for a citation verdict the claim (the answer
 * sentence carrying the footnote) and the cited span, the verdict and an optional comment. Nothing else: no token,
 * no address, no client details.
 */
public record FeedbackReport(long id, Instant createdAt, String answerId, String question, String answer,
                             Integer citationId, String claim, CitedSpan citation, Verdict verdict, String comment) {
}
