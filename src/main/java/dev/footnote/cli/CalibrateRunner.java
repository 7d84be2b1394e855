package dev.footnote.cli;

import dev.footnote.answer.local.AnswerKind;
import dev.footnote.answer.local.Calibration;
import dev.footnote.answer.local.LocalAnswerGenerator;
import dev.footnote.eval.CalibrationFit;
import dev.footnote.eval.SpanFit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code eval calibrate}: fits the local answerer's sentence, abstention and span models and its extra-sentence share
 * from {@code eval answers --features} output and prints them as their source files hold them.
 */
final class CalibrateRunner {
    /** Decimals of the printed coefficients (and of those in the source). */
    static final int DECIMALS = 3;
    /**
     * The abstention model's default L2 penalty (--l2): small enough to leave the well-determined weights as maximum likelihood puts them (within
     * 0.03 on SQuAD), large enough to keep a rarely active feature finite (without it the weight of {@code short} runs
     * to about −21, since almost no sentence under five words holds an answer).
     */
    static final double DEFAULT_L2 = 1e-5;
    /**
     * The sentence model's L2 penalty per question: with 18 features, some nearly collinear (similarity × coverage and
     * its parts), the penalty keeps them from ±large pairs that cancel (the penalty of the numpy fit this replaced).
     */
    static final double SENTENCE_L2 = 1e-3;

    private CalibrateRunner() {
    }

    static int run(Args a) throws Exception {
        Path file = EvalCommand.existingFile(a, "features");
        double l2 = a.doubleOr("l2", DEFAULT_L2);
        if (l2 < 0) throw new Args.UsageException("--l2 must be 0 or more, got " + l2);
        CalibrationFit.Data data = CalibrationFit.read(file);
        CalibrationFit fitter = new CalibrationFit(SENTENCE_L2, l2);
        SpanFit spanFitter = new SpanFit(SpanFit.DEFAULT_L2);
        CalibrationFit.Result r = fitter.fit(data);
        double[] spans = spanFitter.fit(data.questions());
        CalibrationFit.Brevity share = CalibrationFit.extraSentenceShare(data.questions(), r.sentenceWeights());
        System.out.printf(Locale.ROOT, "%d questions (%d answerable), %d candidate sentences%n%n", r.questions(), r.answerable(), r.candidates());
        printHeldOut(data, fitter, spanFitter, share);
        printSentenceModel(data, r, share);
        printAbstentionModel(r);
        SpanFit.Figures sf = SpanFit.figures(data.questions(), spans);
        System.out.printf(Locale.ROOT, "span model (softmax over a sentence's phrases, L2 %s): short answer of the first sentence "
                + "EM %.3f F1 %.3f%n%n", SpanFit.DEFAULT_L2, sf.em(), sf.f1());
        Calibration d = Calibration.DEFAULT;
        CalibrationFit.Result now = printCoefficientsInUse(data, d);
        printSources(r, spans, share, now, d);
        return 0;
    }

    /** The sentence and span models fitted on one half of the SQuAD articles, measured on the other's. */
    private static void printHeldOut(CalibrationFit.Data data, CalibrationFit fitter, SpanFit spanFitter, CalibrationFit.Brevity share) {
        System.out.println("held-out check (fitted on the questions of one half of the SQuAD articles, measured on the other's):");
        for (int half = 0; half < 2; half++) {
            List<CalibrationFit.Question> fitOn = half(data, half);
            List<CalibrationFit.Question> checkOn = half(data, 1 - half);
            double[] w = fitter.fitSentences(fitOn, data.names().size());
            CalibrationFit.Brevity b = CalibrationFit.brevity(checkOn, w, share.share());
            SpanFit.Figures f = SpanFit.figures(checkOn, spanFitter.fit(fitOn));
            System.out.printf(Locale.ROOT, "  fit %d, check %d: first-sentence hit %.3f, gold answer in the answer %.3f at %.2f sentences "
                    + "(share %s); short answer EM %.3f F1 %.3f%n", half, 1 - half, b.firstSentenceHit(), b.hit(), b.sentencesPerAnswer(),
                    fmt(share.share()), f.em(), f.f1());
        }
        System.out.println();
    }

    private static void printSentenceModel(CalibrationFit.Data data, CalibrationFit.Result r, CalibrationFit.Brevity share) {
        System.out.printf(Locale.ROOT, "sentence model (listwise softmax, L2 %s):%n", SENTENCE_L2);
        for (int i = 0; i < r.names().size(); i++) System.out.printf(Locale.ROOT, "  %-20s %s%n", r.names().get(i), fmt(r.sentenceWeights()[i]));
        System.out.printf(Locale.ROOT, "  a gold answer in the 3 best sentences: %.3f of the answerable questions%n", r.topHit());
        System.out.printf(Locale.ROOT, "  extra-sentence share (the lowest on a %s grid with at most %s sentences per answer):%n",
                fmt(CalibrationFit.SHARE_STEP), fmt(CalibrationFit.SENTENCES_PER_ANSWER));
        for (double s : new double[] {0.2, 0.3, 0.4, 0.45, 0.5, 0.6, 0.7}) {
            CalibrationFit.Brevity b = CalibrationFit.brevity(data.questions(), r.sentenceWeights(), s);
            System.out.printf(Locale.ROOT, "    share %-4s first-sentence hit %.3f, gold answer in the answer %.3f at %.3f sentences%n",
                    fmt(s), b.firstSentenceHit(), b.hit(), b.sentencesPerAnswer());
        }
        System.out.printf(Locale.ROOT, "  chosen: %s (gold answer in the answer %.3f at %.3f sentences)%n%n", fmt(share.share()), share.hit(),
                share.sentencesPerAnswer());
    }

    private static void printAbstentionModel(CalibrationFit.Result r) {
        System.out.println("abstention model (logistic, answerable = 1):");
        for (int i = 0; i < CalibrationFit.CONFIDENCE_INPUTS.size(); i++) {
            System.out.printf(Locale.ROOT, "  %-20s %s%n", CalibrationFit.CONFIDENCE_INPUTS.get(i), fmt(r.confidenceWeights()[i]));
        }
        System.out.printf(Locale.ROOT, "  %-20s %s%n", "bias", fmt(r.confidenceBias()));
        System.out.printf(Locale.ROOT, "  threshold %s: %.3f of the unanswerable and %.3f of the answerable questions abstain%n%n",
                fmt(r.minConfidence()), r.unanswerableAbstained(), r.answerableAbstained());
    }

    /** The figures of the coefficients the source holds, on the same file; returns them as a fit result. */
    private static CalibrationFit.Result printCoefficientsInUse(CalibrationFit.Data data, Calibration d) {
        CalibrationFit.Result now = CalibrationFit.evaluate(data, doubles(d.sentenceWeights()), doubles(d.confidenceWeights()),
                d.confidenceBias(), d.minConfidence());
        CalibrationFit.Brevity nowShare = CalibrationFit.brevity(data.questions(), doubles(d.sentenceWeights()),
                LocalAnswerGenerator.extraSentenceShare());
        SpanFit.Figures nowSpans = SpanFit.figures(data.questions(), doubles(LocalAnswerGenerator.spanWeights()));
        System.out.printf(Locale.ROOT, "the coefficients in use, on the same file: gold answer in the 3 best sentences %.3f, in the answer "
                        + "%.3f at %.3f sentences; threshold %s: %.3f of the unanswerable and %.3f of the answerable questions abstain; "
                        + "short answer EM %.3f F1 %.3f%n%n", now.topHit(), nowShare.hit(), nowShare.sentencesPerAnswer(),
                fmt(d.minConfidence()), now.unanswerableAbstained(), now.answerableAbstained(), nowSpans.em(), nowSpans.f1());
        return now;
    }

    /** The fitted coefficients as their source files declare them, and whether the source already holds exactly these. */
    private static void printSources(CalibrationFit.Result r, double[] spans, CalibrationFit.Brevity share, CalibrationFit.Result now,
                                     Calibration d) {
        System.out.println("// Calibration.java");
        System.out.println(calibrationSource(r, d));
        System.out.println("// SpanModel.java");
        System.out.println(spanSource(spans));
        System.out.println("// LocalAnswerGenerator.java");
        System.out.println(shareSource(share.share()));
        System.out.println();
        List<String> differ = new ArrayList<>();
        if (!calibrationSource(r, d).equals(calibrationSource(now, d))) differ.add("Calibration.DEFAULT");
        if (!spanSource(spans).equals(spanSource(doubles(LocalAnswerGenerator.spanWeights())))) differ.add("SpanModel.DEFAULT");
        if (!shareSource(share.share()).equals(shareSource(LocalAnswerGenerator.extraSentenceShare()))) differ.add("EXTRA_SENTENCE_SHARE");
        System.out.println(differ.isEmpty() ? "the source holds exactly these coefficients"
                : "the source holds other coefficients in " + String.join(", ", differ));
    }

    private static List<CalibrationFit.Question> half(CalibrationFit.Data data, int half) {
        List<CalibrationFit.Question> out = new ArrayList<>();
        for (int i = 0; i < data.questions().size(); i++) {
            if (CalibrationFit.half(data.questions().get(i), i) == half) out.add(data.questions().get(i));
        }
        return out;
    }

    /** {@code Calibration.DEFAULT} as it is written in its source file, with {@code r}'s coefficients. */
    static String calibrationSource(CalibrationFit.Result r, Calibration d) {
        return "    public static final Calibration DEFAULT = new Calibration(\n"
                + wrap(r.sentenceWeights(), "            List.of(", "                    ", 13) + "), " + d.maxPassages() + ", " + d.maxSentences() + ",\n"
                + "            List.of(" + list(r.confidenceWeights()) + "), " + fmt(r.confidenceBias()) + ", " + fmt(r.minConfidence()) + ");";
    }

    /** {@code SpanModel.DEFAULT} as it is written in its source file (the shared features, then 7 per answer kind). */
    static String spanSource(double[] w) {
        int per = LocalAnswerGenerator.spanFeaturesPerKind();
        AnswerKind[] kinds = AnswerKind.values();
        int base = w.length - per * kinds.length;
        StringBuilder s = new StringBuilder("    static final SpanModel DEFAULT = new SpanModel(List.of(\n");
        s.append(SPAN_BASE_COMMENT);
        s.append(wrap(java.util.Arrays.copyOf(w, base), "            ", "            ", 12)).append(",\n");
        s.append("            // per kind: capitalised share, number, date, maximal capitalised run, locative, single word, maximal chunk\n");
        for (int k = 0; k < kinds.length; k++) {
            s.append("            ").append(list(java.util.Arrays.copyOfRange(w, base + per * k, base + per * (k + 1))))
                    .append(k + 1 < kinds.length ? ", // " : "), // ").append(kinds[k].name()).append("\n");
        }
        return s.append("            -1.0);").toString();
    }

    static String shareSource(double share) {
        return "    static final double EXTRA_SENTENCE_SHARE = " + fmt(share) + ";";
    }

    private static final String SPAN_BASE_COMMENT = """
                        // len1, len2, len3, len4+, in-question share, edge in question, capitalised share, maximal capitalised run,
                        // maximal chunk, digit, log distance, no question word in sentence, question word before, after,
                        // in parentheses, sentence start, counts another noun, after a locative preposition, question word just
                        // before, just after, ends a clause, in the clause with most question words, has a function word inside,
                        // ends a capitalised run
            """;

    /** {@code xs} as a comma-separated list, {@code perLine} to a line, the first after {@code first}, the rest after {@code indent}. */
    private static String wrap(double[] xs, String first, String indent, int perLine) {
        StringBuilder s = new StringBuilder(first);
        for (int i = 0; i < xs.length; i++) {
            if (i > 0) s.append(i % perLine == 0 ? ",\n" + indent : ", ");
            s.append(fmt(xs[i]));
        }
        return s.toString();
    }

    private static double[] doubles(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String list(double[] xs) {
        List<String> out = new ArrayList<>();
        for (double x : xs) out.add(fmt(x));
        return String.join(", ", out);
    }

    /** {@code x} to {@link #DECIMALS} decimals without trailing zeros, as Java source writes it (5.97, -0.296, 2.0). */
    static String fmt(double x) {
        BigDecimal d = BigDecimal.valueOf(x).setScale(DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros();
        String s = d.scale() <= 0 ? d.setScale(1).toPlainString() : d.toPlainString();
        return s.equals("-0.0") ? "0.0" : s;
    }
}
