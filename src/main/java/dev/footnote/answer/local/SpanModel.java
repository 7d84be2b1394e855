package dev.footnote.answer.local;

import java.util.List;

/**
 * The linear model that ranks {@link SpanCandidates} within a sentence (softmax over one sentence's candidates),
 * fitted on SQuAD dev; README "Calibration of the local answerer" gives the procedure ({@code tools/fit_local.py}).
 * {@code minScore} is the score below which no phrase stands out and the short answer is left out.
 */
record SpanModel(List<Double> weights, double minScore) {
    static final SpanModel DEFAULT = new SpanModel(List.of(
            // len1, len2, len3, len4+, in-question share, edge in question, capitalised share, maximal capitalised run,
            // maximal chunk, digit, log distance, no question word in sentence, question word before, after,
            // in parentheses, sentence start, counts another noun, after a locative preposition
            0.2, 0.3, 0.0, -0.6, -3.0, -2.0, 0.3, 0.8, 1.0, 0.2, -0.6, 0.0, 0.5, 0.3, -0.3, -0.3, -2.0, 0.2,
            // per kind: capitalised share, number, date, maximal capitalised run, locative, single word, maximal chunk
            0.0, 3.0, 0.0, 0.0, 0.0, 0.0, 0.0, // NUMBER
            0.0, 1.0, 3.0, 0.0, 0.0, 0.0, 0.0, // DATE
            2.0, -1.0, -1.0, 1.0, 0.0, 0.0, 0.0, // PERSON
            1.5, -1.0, -1.0, 1.0, 1.0, 0.0, 0.0, // PLACE
            1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, // NAME
            0.3, 0.0, 0.0, 0.3, 0.0, 0.0, 0.3, // WHAT
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0), // OTHER
            0.0);

    SpanModel {
        weights = List.copyOf(weights);
        if (weights.size() != SpanCandidates.COUNT) throw new IllegalArgumentException("need " + SpanCandidates.COUNT + " span weights");
    }

    double score(double[] f) {
        double z = 0;
        for (int i = 0; i < f.length; i++) z += weights.get(i) * f[i];
        return z;
    }
}
