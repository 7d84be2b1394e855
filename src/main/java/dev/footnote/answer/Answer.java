package dev.footnote.answer;

import dev.footnote.cite.AnswerSentence;
import dev.footnote.cite.Citation;
import dev.footnote.cite.Grounding;
import java.util.List;
import java.util.Map;

/**
 * A grounded answer. {@code answer} is the text with {@code [n]} markers; every {@code n} is the {@code id} of one of
 * {@code citations}. {@code question} is what was asked, {@code rewrittenQuestion} the standalone form used for
 * retrieval when there was history (else null). {@code sourcesChanged} is true when a cited document was replaced or
 * deleted while the question was being answered: the citations quote the text as it was when retrieved.
 * {@code removed} lists the model's sentences that the strict grounding policy took out, with the reason for each.
 */
public record Answer(String question, String rewrittenQuestion, String answer, boolean abstained, String generator,
                     String fallbackReason, List<AnswerSentence> sentences, List<Citation> citations,
                     Map<String, Long> timingsMs, boolean sourcesChanged, List<Grounding.Removed> removed) {
    public Answer {
        removed = removed == null ? List.of() : List.copyOf(removed);
        sentences = List.copyOf(sentences);
        citations = List.copyOf(citations);
        timingsMs = Map.copyOf(timingsMs);
    }
}
