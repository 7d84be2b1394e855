package dev.footnote.answer.local;

/**
 * The local answerer's weights and abstention threshold, calibrated on SQuAD dev (answerable) against SciFact claims
 * asked of the SQuAD passages (unanswerable); see the README section "Calibration".
 */
public record Calibration(double cosineWeight, double coverageWeight, double rankPenalty, int maxPassages,
                          int maxSentences, double extraMargin, double minCosine, double minCoverage, double minScore) {
    public static final Calibration DEFAULT = new Calibration(1.0, 0.6, 0.02, 5, 3, 0.08, 0.70, 0.5, 0.0);

    /** Sentences of fewer than four content words ("Said Blinken.") rarely answer anything. */
    public double shortPenalty() {
        return 0.15;
    }

    public double score(double cosine, double coverage, int passageRank) {
        return cosineWeight * cosine + coverageWeight * coverage - rankPenalty * passageRank;
    }

    /** Weak evidence: the best sentence is neither close in meaning nor covers the question's informative words. */
    public boolean abstains(double cosine, double coverage) {
        return cosine < minCosine && coverage < minCoverage || score(cosine, coverage, 0) < minScore;
    }
}
