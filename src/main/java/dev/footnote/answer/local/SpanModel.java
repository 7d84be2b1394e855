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
            0.098, 0.286, 0.088, -0.473, -1.154, -0.97, 0.497, 1.246, 0.608, 1.148, -0.468, 0.0,
            0.421, 0.453, -0.245, 0.573, -0.27, 0.133, -0.106, -0.154, 1.027, 0.583, -0.362, 0.05,
            // per kind: capitalised share, number, date, maximal capitalised run, locative, single word, maximal chunk
            -0.752, 1.83, -0.179, -0.271, -0.109, 0.761, -0.343, // NUMBER
            -0.364, 1.078, 1.643, 0.028, 0.608, 0.9, 0.095, // DATE
            0.868, -0.414, -0.227, 0.627, -0.474, -0.342, -0.057, // PERSON
            0.61, -0.286, -0.199, 0.349, 0.359, -0.047, 0.274, // PLACE
            0.516, -0.072, -0.103, 0.556, 0.055, -0.157, 0.232, // NAME
            -0.064, -0.099, -0.795, 0.397, -0.475, -0.623, 0.232, // WHAT
            -0.316, 0.272, 0.256, -0.44, 0.17, -0.394, 0.174), // OTHER
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
