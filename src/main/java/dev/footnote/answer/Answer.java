package dev.footnote.answer;

import dev.footnote.cite.Citation;
import dev.footnote.cite.AnswerSentence;
import java.util.List;
import java.util.Map;

/**
 * A grounded answer. {@code answer} is the text with {@code [n]} markers; every {@code n} is the {@code id} of one of
 * {@code citations}. {@code question} is what was asked, {@code rewrittenQuestion} the standalone form used for
 * retrieval when there was history (else null). {@code sourcesChanged} is true when a cited document was replaced or
 * deleted while the question was being answered: the citations quote the text as it was when retrieved.
 * {@code shortAnswer} is the phrase of the first cited quote that answers the question, or null when none stands out.
 */
public record Answer(String question, String rewrittenQuestion, String answer, boolean abstained, String generator,
                     String fallbackReason, List<AnswerSentence> sentences, List<Citation> citations,
                     Map<String, Long> timingsMs, boolean sourcesChanged,
                     ShortAnswer shortAnswer) {
    public Answer {
        sentences = List.copyOf(sentences);
        citations = List.copyOf(citations);
        timingsMs = Map.copyOf(timingsMs);
    }
}
