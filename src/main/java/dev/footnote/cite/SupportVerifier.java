package dev.footnote.cite;

import java.util.Locale;
import java.util.Set;

/**
 * Judges, without a second model call, whether a cited span supports a sentence: the share of the sentence's content
 * words found in the span, numbers and names the span (or its passage) lacks, and embedding similarity.
 */
public final class SupportVerifier {
    static final double SUPPORTED_RECALL = 0.6;
    static final double PARTIAL_RECALL = 0.3;
    static final double SUPPORTED_COSINE = 0.80;
    static final double PARTIAL_COSINE = 0.70;

    /**
     * @param cosine embedding similarity between sentence and span, or NaN when not available
     */
    public Verdict judge(String sentence, Evidence sentenceEvidence, String span, Evidence spanEvidence, String passage,
                         double cosine) {
        if (sentence.strip().equals(span.strip())) return new Verdict(Support.SUPPORTED, 1.0, "quoted verbatim");
        double recall = sentenceEvidence.termRecall(spanEvidence);
        Set<String> missingNumbers = sentenceEvidence.missingNumbers(spanEvidence);
        Set<String> missingNames = sentenceEvidence.missingNames(passage);
        boolean cos = !Double.isNaN(cosine);
        double score = cos ? 0.6 * recall + 0.4 * cosine : recall;
        String facts = String.format(Locale.ROOT, "%.0f%% of its content words are in the cited text%s",
                recall * 100, cos ? String.format(Locale.ROOT, ", similarity %.2f", cosine) : "");
        if (!missingNumbers.isEmpty()) {
            return new Verdict(recall >= PARTIAL_RECALL ? Support.PARTIAL : Support.UNSUPPORTED, score,
                    "the cited text does not contain " + String.join(", ", missingNumbers) + "; " + facts);
        }
        if (!missingNames.isEmpty()) {
            return new Verdict(recall >= PARTIAL_RECALL ? Support.PARTIAL : Support.UNSUPPORTED, score,
                    "the cited passage does not mention " + String.join(", ", missingNames) + "; " + facts);
        }
        if (recall >= SUPPORTED_RECALL && (!cos || cosine >= PARTIAL_COSINE) || recall >= 0.45 && cos && cosine >= SUPPORTED_COSINE) {
            return new Verdict(Support.SUPPORTED, score, facts);
        }
        if (recall >= PARTIAL_RECALL || cos && cosine >= PARTIAL_COSINE) return new Verdict(Support.PARTIAL, score, facts);
        return new Verdict(Support.UNSUPPORTED, score, facts);
    }
}
