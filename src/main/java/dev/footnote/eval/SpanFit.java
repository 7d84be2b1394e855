package dev.footnote.eval;

import dev.footnote.eval.CalibrationFit.Phrase;
import dev.footnote.eval.CalibrationFit.Question;
import dev.footnote.eval.CalibrationFit.SentencePhrases;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits the local answerer's span model ({@code SpanModel.weights}) from {@code eval answers --features} output: a
 * softmax over one sentence's candidate phrases, fitted to the uniform distribution over the phrases with the best
 * SQuAD F1 against a gold answer, in every sentence that holds a gold answer (each question counting once).
 *
 * <p>Which sentences and phrases it learns from depends only on the texts, never on the coefficients that wrote the
 * file (not on how the sentence model ranked them): so the span model is a fixed point at once, and since the sentence
 * features depend on the coefficients only through it ({@code best_phrase}), so is the whole calibration once the
 * file is written with these span weights (README "Calibration of the local answerer").
 */
public final class SpanFit {
    /** The L2 penalty per question that keeps the weights of rare features (a kind's date, a parenthesis) finite. */
    public static final double DEFAULT_L2 = 0.01;

    private final double l2;

    public SpanFit(double l2) {
        this.l2 = l2;
    }

    /** One training example: a sentence's phrases, the target distribution over them and the example's weight. */
    record Group(double[][] x, double[] target, double weight) {
    }

    /** Short-answer figures of span weights: EM and F1 of the best phrase of the top-ranked sentence, over answerable questions. */
    public record Figures(double em, double f1) {
    }

    public double[] fit(List<Question> questions) {
        List<Group> groups = groups(questions);
        if (groups.isEmpty()) throw new IllegalArgumentException("no answerable question has a phrase that overlaps a gold answer");
        int d = groups.get(0).x()[0].length;
        int questionsFitted = (int) Math.round(groups.stream().mapToDouble(Group::weight).sum()); // each weighs 1 in all
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
                    if (y > 0) loss -= g.weight() * y * (z[i] - logSum);
                    double e = g.weight() * (Math.exp(z[i] - logSum) - y);
                    for (int j = 0; j < d; j++) grad[j] += e * g.x()[i][j];
                }
            }
            return CalibrationFit.penalised(loss, grad, w, questionsFitted, d, l2);
        }, new double[d]);
    }

    /**
     * Per answerable question, one group per sentence that holds a gold answer and has a phrase with some overlap
     * (each weighted 1/their number): the target is uniform over the sentence's phrases of the highest F1. Sentences
     * are taken in passage order, whatever their rank, so the groups (and the order of the fit's sums) are the same
     * whichever coefficients wrote the file.
     */
    static List<Group> groups(List<Question> questions) {
        List<Group> out = new ArrayList<>();
        for (Question q : questions) {
            if (!q.answerable() || q.answers().isEmpty()) continue;
            List<double[][]> xs = new ArrayList<>();
            List<double[]> targets = new ArrayList<>();
            List<SentencePhrases> inPassageOrder = q.phrases().stream().filter(s -> s.rank() < q.candidates().size())
                    .sorted(java.util.Comparator.comparingInt((SentencePhrases s) -> q.candidates().get(s.rank()).passage())
                            .thenComparingInt(s -> q.candidates().get(s.rank()).sentence())).toList();
            for (SentencePhrases s : inPassageOrder) {
                if (s.phrases().isEmpty()) continue;
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
                int top = 0;
                for (double f : f1) if (f >= best - 1e-9) top++;
                double[][] x = new double[f1.length][];
                double[] t = new double[f1.length];
                for (int i = 0; i < f1.length; i++) {
                    x[i] = s.phrases().get(i).features();
                    t[i] = f1[i] >= best - 1e-9 ? 1.0 / top : 0;
                }
                xs.add(x);
                targets.add(t);
            }
            for (int k = 0; k < xs.size(); k++) out.add(new Group(xs.get(k), targets.get(k), 1.0 / xs.size()));
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
