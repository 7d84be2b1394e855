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
            0.1, 0.277, 0.105, -0.482, -1.135, -0.949, 0.492, 1.234, 0.606, 1.144, -0.455, 0.0,
            0.434, 0.448, -0.246, 0.574, -0.269, 0.126, -0.127, -0.149, 1.052, 0.598, -0.367, 0.057,
            // per kind: capitalised share, number, date, maximal capitalised run, locative, single word, maximal chunk
            -0.752, 1.833, -0.182, -0.27, -0.108, 0.761, -0.341, // NUMBER
            -0.364, 1.08, 1.642, 0.029, 0.608, 0.898, 0.097, // DATE
            0.863, -0.404, -0.227, 0.669, -0.473, -0.328, -0.089, // PERSON
            0.61, -0.286, -0.2, 0.351, 0.36, -0.048, 0.273, // PLACE
            0.516, -0.071, -0.103, 0.555, 0.055, -0.155, 0.232, // NAME
            -0.065, -0.11, -0.787, 0.339, -0.487, -0.632, 0.26, // WHAT
            -0.316, 0.272, 0.255, -0.438, 0.171, -0.395, 0.175), // OTHER
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
