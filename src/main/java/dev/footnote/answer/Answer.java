package dev.footnote.answer;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.footnote.cite.AnswerSentence;
import dev.footnote.cite.Citation;
import dev.footnote.cite.Grounding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A grounded answer. {@code answer} is the text with {@code [n]} markers; every {@code n} is the {@code id} of one of
 * {@code citations}. {@code question} is what was asked, {@code rewrittenQuestion} the standalone form used for
 * retrieval when there was history (else null). {@code sourcesChanged} is true when a cited document was replaced or
 * deleted while the question was being answered: the citations quote the text as it was when retrieved.
 * {@code shortAnswer} is the phrase of the first cited quote that answers the question, or null when none stands out.
 * {@code removed} lists the model's sentences that the strict grounding policy took out, with the reason for each.
 */
public record Answer(String question, String rewrittenQuestion, String answer, boolean abstained, String generator,
                     String fallbackReason, List<AnswerSentence> sentences, List<Citation> citations,
                     Map<String, Long> timingsMs, boolean sourcesChanged, List<Grounding.Removed> removed,
                     ShortAnswer shortAnswer) {
    public Answer {
        removed = removed == null ? List.of() : List.copyOf(removed);
        sentences = List.copyOf(sentences);
        citations = List.copyOf(citations);
        timingsMs = Map.copyOf(timingsMs);
    }

    /** An answer from which nothing was removed. */
    public Answer(String question, String rewrittenQuestion, String answer, boolean abstained, String generator,
                  String fallbackReason, List<AnswerSentence> sentences, List<Citation> citations,
                  Map<String, Long> timingsMs, boolean sourcesChanged) {
        this(question, rewrittenQuestion, answer, abstained, generator, fallbackReason, sentences, citations, timingsMs,
                sourcesChanged, List.of(), null);
    }

    /**
     * A stable id for this answer, so feedback can refer to it: a digest of the question, the answer text and each
     * citation's document span. The same answer to the same question has the same id in every process, after a
     * restart too, and no store is needed to hand ids out.
     */
    @JsonProperty("id")
    public String id() {
        StringBuilder key = new StringBuilder(question).append('\u0000').append(answer);
        for (Citation c : citations) {
            key.append('\u0000').append(c.id()).append(' ').append(c.docId()).append(' ').append(c.start()).append(' ').append(c.end());
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return "a_" + HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
