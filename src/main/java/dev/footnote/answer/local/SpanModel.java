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
            // before, just after, ends a clause, in the clause with most question words, has a function word inside,
            // ends a capitalised run
            0.097, 0.285, 0.096, -0.478, -1.103, -0.977, 0.485, 1.238, 0.615, 1.154, -0.464, 0.0,
            0.424, 0.456, -0.237, 0.631, -0.348, 0.132, -0.129, -0.160, 1.049, 0.591, -0.370, 0.050,
            // per kind: capitalised share, number, date, maximal capitalised run, locative, single word, maximal chunk
            -0.740, 1.805, -0.166, -0.278, -0.104, 0.760, -0.347, // NUMBER
            -0.366, 1.069, 1.622, 0.024, 0.626, 0.878, 0.125, // DATE
            0.871, -0.418, -0.225, 0.636, -0.460, -0.338, -0.066, // PERSON
            0.591, -0.278, -0.196, 0.366, 0.351, -0.045, 0.264, // PLACE
            0.503, -0.072, -0.092, 0.545, 0.048, -0.139, 0.219, // NAME
            -0.070, -0.125, -0.781, 0.360, -0.489, -0.627, 0.252, // WHAT
            -0.304, 0.259, 0.230, -0.415, 0.160, -0.392, 0.168), // OTHER
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
