package dev.footnote.answer.local;

/**
 * The local answerer's two small linear models, fitted on SQuAD dev (answerable) and SciFact train claims asked of the
 * SQuAD passages (unanswerable); see the README section "Calibration" for the procedure and the figures.
 *
 * <p>Sentence score = {@code cosine·wCos + coverage·wCov − passageRank·wRank + passageScore·wPassage +
 * min(words, 60)/60·wLength − (words &lt; 5 ? wShort : 0)}. Abstain when {@code confidence < minConfidence}, where
 * confidence is a logistic model over the strongest evidence (see {@link #confidence}).
 */
public record Calibration(double wCos, double wCov, double wRank, double wPassage, double wLength, double wShort,
                          int maxPassages, int maxSentences, double extraMargin,
                          double[] confidenceWeights, double confidenceBias, double minConfidence) {
    public static final Calibration DEFAULT = new Calibration(5.714, 3.169, 0.313, 2.382, 0.627, 0.915, 5, 3, 10.0,
            new double[] {-4.559, 8.938, 21.794, -6.444, 6.82}, -13.328, -1.4);

    public double score(double cosine, double coverage, int passageRank, double passageScore, int words) {
        return wCos * cosine + wCov * coverage - wRank * passageRank + wPassage * passageScore
                + wLength * Math.min(words, 60) / 60.0 - (words < 5 ? wShort : 0);
    }

    /**
     * Log-odds that the passages answer the question, from: the best sentence similarity and term coverage among all
     * candidates, the top passage's vector similarity, and the chosen sentence's similarity and coverage.
     */
    public double confidence(double maxCosine, double maxCoverage, double topPassageCosine, double chosenCosine, double chosenCoverage) {
        double[] x = {maxCosine, maxCoverage, topPassageCosine, chosenCosine, chosenCoverage};
        double z = confidenceBias;
        for (int i = 0; i < x.length; i++) z += confidenceWeights[i] * x[i];
        return z;
    }

    public boolean abstains(double confidence) {
        return confidence < minConfidence;
    }
}
