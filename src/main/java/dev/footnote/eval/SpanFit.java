package dev.footnote.eval;

import dev.footnote.eval.CalibrationFit.Phrase;
import dev.footnote.eval.CalibrationFit.Question;
import dev.footnote.eval.CalibrationFit.SentencePhrases;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits the local answerer's span model ({@code SpanModel.weights}) from {@code eval answers --features} output: a
 * softmax over one sentence's candidate phrases, fitted to the uniform distribution over the phrases with the best
 * SQuAD F1 against a gold answer, in the best-ranked sentence that holds a gold answer.
 */
public final class SpanFit {
    /** The L2 penalty per question that keeps the weights of rare features (a kind's date, a parenthesis) finite. */
    public static final double DEFAULT_L2 = 0.01;

    private final double l2;

    public SpanFit(double l2) {
        this.l2 = l2;
    }

    /** One training example: a sentence's phrases and the target distribution over them. */
    record Group(double[][] x, double[] target) {
    }

    /** Short-answer figures of span weights: EM and F1 of the best phrase of the top-ranked sentence, over answerable questions. */
    public record Figures(double em, double f1) {
    }

    public double[] fit(List<Question> questions) {
        List<Group> groups = groups(questions);
        if (groups.isEmpty()) throw new IllegalArgumentException("no answerable question has a phrase that overlaps a gold answer");
        int d = groups.get(0).x()[0].length;
        return Minimizer.minimize(w -> {
            double loss = 0;
            double[] grad = new double[d];
            for (Group g : groups) {
                double[] z = new double[g.x().length];
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < z.length; i++) {
                    z[i] = CalibrationFit.dot(w, g.x()[i]);
                    max = Math.max(max, z[i]);
                }
                double sum = 0;
                for (double v : z) sum += Math.exp(v - max);
                double logSum = max + Math.log(sum);
                for (int i = 0; i < z.length; i++) {
                    double y = g.target()[i];
                    if (y > 0) loss -= y * (z[i] - logSum);
                    double e = Math.exp(z[i] - logSum) - y;
                    for (int j = 0; j < d; j++) grad[j] += e * g.x()[i][j];
                }
            }
            return CalibrationFit.penalised(loss, grad, w, groups.size(), d, l2);
        }, new double[d]);
    }

    /**
     * Per answerable question, the phrases of the best-ranked sentence that holds a gold answer and has a phrase with
     * some overlap: the target is uniform over the phrases of the highest F1.
     */
    static List<Group> groups(List<Question> questions) {
        List<Group> out = new ArrayList<>();
        for (Question q : questions) {
            if (!q.answerable() || q.answers().isEmpty()) continue;
            for (SentencePhrases s : q.phrases()) {
                if (s.rank() >= q.candidates().size() || s.phrases().isEmpty()) continue;
                String sentence = q.candidates().get(s.rank()).text();
                if (q.answers().stream().noneMatch(g -> SquadNormalizer.contains(sentence, g))) continue;
                double[] f1 = new double[s.phrases().size()];
                double best = 0;
                for (int i = 0; i < f1.length; i++) {
                    Phrase p = s.phrases().get(i);
                    f1[i] = q.answers().stream().mapToDouble(g -> SquadNormalizer.f1(p.text(), g)).max().orElse(0);
                    best = Math.max(best, f1[i]);
                }
                if (best <= 0) continue;
                double[] t = new double[f1.length];
                int top = 0;
                for (int i = 0; i < f1.length; i++) if (f1[i] >= best - 1e-9) top++;
                double[][] x = new double[f1.length][];
                for (int i = 0; i < f1.length; i++) {
                    x[i] = s.phrases().get(i).features();
                    t[i] = f1[i] >= best - 1e-9 ? 1.0 / top : 0;
                }
                out.add(new Group(x, t));
                break;
            }
        }
        return out;
    }

    /** EM and F1 of {@code w}'s best phrase of the top-ranked sentence (as the file ranked it), over answerable questions. */
    public static Figures figures(List<Question> questions, double[] w) {
        int n = 0;
        double em = 0;
        double f1 = 0;
        for (Question q : questions) {
            if (!q.answerable() || q.answers().isEmpty()) continue;
            n++;
            SentencePhrases top = q.phrases().stream().filter(s -> s.rank() == 0).findFirst().orElse(null);
            if (top == null || top.phrases().isEmpty()) continue;
            Phrase best = null;
            double score = Double.NEGATIVE_INFINITY;
            for (Phrase p : top.phrases()) {
                double z = CalibrationFit.dot(w, p.features());
                if (z > score) {
                    score = z;
                    best = p;
                }
            }
            Phrase b = best;
            em += q.answers().stream().anyMatch(g -> SquadNormalizer.exactMatch(b.text(), g)) ? 1 : 0;
            f1 += q.answers().stream().mapToDouble(g -> SquadNormalizer.f1(b.text(), g)).max().orElse(0);
        }
        n = Math.max(1, n);
        return new Figures(em / n, f1 / n);
    }
}
