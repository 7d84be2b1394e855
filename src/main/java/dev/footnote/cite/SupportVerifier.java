package dev.footnote.cite;

import java.util.Locale;
import java.util.Set;

/**
 * Judges, without a second model call, whether a cited span supports a sentence: the share of the sentence's content
 * words found in the span, numbers and names the span (or its passage) lacks, and embedding similarity.
 */
public final class SupportVerifier {
    // The thresholds below were set by hand when verification was written (not fitted to data, no record of a sweep).
    // SupportVerifierTest's hand-made sentence/span pairs pin the verdicts they give; measured on model answers, they
    // keep verbatim quotes and trimmed clauses (>= 0.98) but call a third of swapped-key-word claims supported.
    /** Share of a sentence's content words the span must contain to support it: most of them, so a clause may be trimmed. */
    static final double SUPPORTED_RECALL = 0.6;
    /** Below this share of shared content words a sentence is not even partly about the span. */
    static final double PARTIAL_RECALL = 0.3;
    /**
     * A paraphrase that shares fewer words is still supported when the embeddings (bge-small, unit vectors) are this
     * close and it shares at least {@link #PARAPHRASE_RECALL} of its words.
     */
    static final double SUPPORTED_COSINE = 0.80;
    /** Embedding similarity at which a span is at least partly about the sentence (unrelated sentences sit below it). */
    static final double PARTIAL_COSINE = 0.70;
    /** The word share a close paraphrase ({@link #SUPPORTED_COSINE}) still needs, so similar topic alone is not support. */
    static final double PARAPHRASE_RECALL = 0.45;
    /**
     * How the score that ranks candidate spans weighs word share against similarity: words first, since they are what a
     * reader checks; similarity breaks ties between spans sharing as many words.
     */
    static final double RECALL_WEIGHT = 0.6;

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
        double score = cos ? RECALL_WEIGHT * recall + (1 - RECALL_WEIGHT) * cosine : recall;
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
        if (recall >= SUPPORTED_RECALL && (!cos || cosine >= PARTIAL_COSINE) || recall >= PARAPHRASE_RECALL && cos && cosine >= SUPPORTED_COSINE) {
            return new Verdict(Support.SUPPORTED, score, facts);
        }
        if (recall >= PARTIAL_RECALL || cos && cosine >= PARTIAL_COSINE) return new Verdict(Support.PARTIAL, score, facts);
        return new Verdict(Support.UNSUPPORTED, score, facts);
    }
}
