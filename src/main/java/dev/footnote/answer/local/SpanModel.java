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
            // in parentheses, sentence start, counts another noun, after a locative preposition, question word just
            // before, just after, ends a clause, in the clause with most question words
            0.214, 0.397, 0.059, -0.669, -1.120, -0.972, 0.573, 1.233, 0.640, 1.189, -0.478,
            0.0, 0.410, 0.484, -0.215, 0.649, -0.414, 0.149, -0.156, -0.190, 1.070, 0.589,
            // per kind: capitalised share, number, date, maximal capitalised run, locative, single word, maximal chunk
            -0.746, 1.827, -0.179, -0.279, -0.093, 0.774, -0.351, // NUMBER
            -0.389, 1.029, 1.638, 0.006, 0.622, 0.911, 0.138, // DATE
            0.925, -0.432, -0.207, 0.635, -0.477, -0.338, -0.074, // PERSON
            0.593, -0.285, -0.204, 0.368, 0.347, -0.027, 0.258, // PLACE
            0.503, -0.095, -0.096, 0.554, 0.046, -0.139, 0.223, // NAME
            -0.008, -0.131, -0.793, 0.366, -0.445, -0.592, 0.277, // WHAT
            -0.304, 0.257, 0.230, -0.418, 0.149, -0.376, 0.168), // OTHER
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
