package dev.footnote.answer.local;

import java.util.List;

/**
 * The linear model that ranks {@link SpanCandidates} within a sentence (softmax over one sentence's candidates),
 * fitted on SQuAD dev by {@code eval calibrate}; README "Calibration of the local answerer" gives the procedure.
 * {@code minScore} is the score below which no phrase stands out and the short answer is left out.
 */
record SpanModel(List<Double> weights, double minScore) {
    static final SpanModel DEFAULT = new SpanModel(List.of(
            // len1, len2, len3, len4+, in-question share, edge in question, capitalised share, maximal capitalised run,
            // maximal chunk, digit, log distance, no question word in sentence, question word before, after,
            // in parentheses, sentence start, counts another noun, after a locative preposition, question word just
            // before, just after, ends a clause, in the clause with most question words, has a function word inside,
            // ends a capitalised run
            0.169, 0.271, 0.068, -0.508, -0.988, -0.791, 0.485, 1.19, 0.533, 1.082, -0.411, 0.0,
            0.396, 0.404, -0.179, 0.708, -0.208, 0.209, -0.144, -0.205, 1.062, 0.584, -0.37, 0.016,
            // per kind: capitalised share, number, date, maximal capitalised run, locative, single word, maximal chunk
            -0.768, 1.83, -0.14, -0.258, -0.071, 0.764, -0.311, // NUMBER
            -0.354, 1.096, 1.657, -0.016, 0.48, 0.876, 0.056, // DATE
            0.963, -0.442, -0.3, 0.613, -0.421, -0.32, -0.058, // PERSON
            0.51, -0.304, -0.3, 0.365, 0.383, -0.021, 0.223, // PLACE
            0.535, -0.046, -0.105, 0.62, 0.074, -0.117, 0.201, // NAME
            -0.048, -0.218, -0.735, 0.304, -0.366, -0.608, 0.192, // WHAT
            -0.352, 0.25, 0.239, -0.438, 0.131, -0.405, 0.23), // OTHER
            -1.0);

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
