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
            List.of(3.469, 1.975, -0.346, 2.973, 0.347, -0.319, 0.478, 0.418, -0.399, 0.595, -0.407, -0.359, 0.725,
                    -1.1, 1.007, 0.379, 1.576, -0.388), 5, 3,
            List.of(-3.569, 12.849, 18.081, -4.725, 4.012, 5.935), -16.456, -0.6);

    public Calibration {
        sentenceWeights = List.copyOf(sentenceWeights);
        confidenceWeights = List.copyOf(confidenceWeights);
        if (sentenceWeights.size() != SentenceFeatures.COUNT) throw new IllegalArgumentException("need " + SentenceFeatures.COUNT + " sentence weights");
        if (confidenceWeights.size() != 6) throw new IllegalArgumentException("need 6 confidence weights");
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
     * candidates, the top passage's vector similarity, and the chosen sentence's similarity, coverage and best phrase
     * ({@code best_phrase} of {@link SentenceFeatures}: whether it holds a phrase that answers this kind of question).
     */
    public double confidence(double maxCosine, double maxCoverage, double topPassageCosine, double chosenCosine, double chosenCoverage,
                             double chosenBestPhrase) {
        double[] x = {maxCosine, maxCoverage, topPassageCosine, chosenCosine, chosenCoverage, chosenBestPhrase};
        double z = confidenceBias;
        for (int i = 0; i < x.length; i++) z += confidenceWeights.get(i) * x[i];
        return z;
    }

    public boolean abstains(double confidence) {
        return confidence < minConfidence;
    }
}
