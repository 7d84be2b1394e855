package dev.footnote.answer.local;

import java.util.List;

/**
 * The local answerer's two small linear models, fitted on SQuAD dev (answerable) and SciFact train claims asked of the
 * SQuAD passages (unanswerable); {@code eval calibrate} re-fits them from {@code eval answers --features} output and
 * prints them in this form. The README section "Calibration" gives the procedure and the figures.
 *
 * <p>A sentence's score is {@code sentenceWeights · SentenceFeatures.vector()} (a listwise softmax model of "this
 * sentence holds the answer"). The answerer abstains when the log-odds {@link #confidence} that the passages answer
 * the question fall below {@code minConfidence}.
 */
public record Calibration(List<Double> sentenceWeights, int maxPassages, int maxSentences,
                          List<Double> confidenceWeights, double confidenceBias, double minConfidence) {
    public static final Calibration DEFAULT = new Calibration(
            List.of(2.309, 1.998, -0.410, 2.353, 0.340, -0.110, 0.552, 0.359, -0.388, 0.560, -0.391, -0.468, 0.647,
                    -1.175, 1.180, 0.385, 1.850, -0.449), 5, 3,
            List.of(-5.289, 9.422, 21.031, -4.68, 5.973), -13.382, -1.45);

    public Calibration {
        sentenceWeights = List.copyOf(sentenceWeights);
        confidenceWeights = List.copyOf(confidenceWeights);
        if (sentenceWeights.size() != SentenceFeatures.COUNT) throw new IllegalArgumentException("need " + SentenceFeatures.COUNT + " sentence weights");
        if (confidenceWeights.size() != 5) throw new IllegalArgumentException("need 5 confidence weights");
    }

    public Calibration withMinConfidence(double min) {
        return new Calibration(sentenceWeights, maxPassages, maxSentences, confidenceWeights, confidenceBias, min);
    }

    public double score(double[] features) {
        double z = 0;
        for (int i = 0; i < features.length; i++) z += sentenceWeights.get(i) * features[i];
        return z;
    }

    /**
     * Log-odds that the passages answer the question, from: the best sentence similarity and term coverage among all
     * candidates, the top passage's vector similarity, and the chosen sentence's similarity and coverage.
     */
    public double confidence(double maxCosine, double maxCoverage, double topPassageCosine, double chosenCosine, double chosenCoverage) {
        double[] x = {maxCosine, maxCoverage, topPassageCosine, chosenCosine, chosenCoverage};
        double z = confidenceBias;
        for (int i = 0; i < x.length; i++) z += confidenceWeights.get(i) * x[i];
        return z;
    }

    public boolean abstains(double confidence) {
        return confidence < minConfidence;
    }
}
