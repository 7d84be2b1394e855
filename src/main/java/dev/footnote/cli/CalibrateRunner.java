package dev.footnote.cli;

import dev.footnote.answer.local.Calibration;
import dev.footnote.eval.CalibrationFit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code eval calibrate}: fits the local answerer's sentence and abstention models from {@code eval answers --features}
 * output and prints the coefficients in the form {@code Calibration.DEFAULT} holds them.
 */
final class CalibrateRunner {
    /** Decimals of the printed coefficients (and of those in {@code Calibration.DEFAULT}). */
    static final int DECIMALS = 3;
    /**
     * The default L2 penalty: small enough to leave the well-determined weights as maximum likelihood puts them (within
     * 0.03 on SQuAD), large enough to keep a rarely active feature finite (without it the weight of {@code short} runs
     * to about −21, since almost no sentence under five words holds an answer).
     */
    static final double DEFAULT_L2 = 1e-5;

    private CalibrateRunner() {
    }

    static int run(Args a) throws Exception {
        Path file = EvalCommand.existingFile(a, "features");
        double l2 = a.doubleOr("l2", DEFAULT_L2);
        if (l2 < 0) throw new Args.UsageException("--l2 must be 0 or more, got " + l2);
        CalibrationFit.Data data = CalibrationFit.read(file);
        CalibrationFit.Result r = new CalibrationFit(l2).fit(data);
        System.out.printf(Locale.ROOT, "%d questions (%d answerable), %d candidate sentences%n%n", r.questions(), r.answerable(), r.candidates());
        System.out.println("sentence model (listwise softmax):");
        for (int i = 0; i < r.names().size(); i++) System.out.printf(Locale.ROOT, "  %-20s %s%n", r.names().get(i), fmt(r.sentenceWeights()[i]));
        System.out.printf(Locale.ROOT, "  a gold answer in the 3 best sentences: %.3f of the answerable questions%n%n", r.topHit());
        System.out.println("abstention model (logistic, answerable = 1):");
        for (int i = 0; i < CalibrationFit.CONFIDENCE_INPUTS.size(); i++) {
            System.out.printf(Locale.ROOT, "  %-20s %s%n", CalibrationFit.CONFIDENCE_INPUTS.get(i), fmt(r.confidenceWeights()[i]));
        }
        System.out.printf(Locale.ROOT, "  %-20s %s%n", "bias", fmt(r.confidenceBias()));
        System.out.printf(Locale.ROOT, "  threshold %s: %.3f of the unanswerable and %.3f of the answerable questions abstain%n%n",
                fmt(r.minConfidence()), r.unanswerableAbstained(), r.answerableAbstained());
        Calibration d = Calibration.DEFAULT;
        CalibrationFit.Result now = CalibrationFit.evaluate(data, doubles(d.sentenceWeights()), doubles(d.confidenceWeights()),
                d.confidenceBias(), d.minConfidence());
        System.out.printf(Locale.ROOT, "the Calibration.DEFAULT in use, on the same file: gold answer in the 3 best sentences %.3f; "
                + "threshold %s: %.3f of the unanswerable and %.3f of the answerable questions abstain%n%n",
                now.topHit(), fmt(d.minConfidence()), now.unanswerableAbstained(), now.answerableAbstained());
        System.out.println("Calibration.DEFAULT = new Calibration(");
        System.out.println("        List.of(" + list(r.sentenceWeights()) + "), " + d.maxPassages() + ", " + d.maxSentences() + ",");
        System.out.println("        List.of(" + list(r.confidenceWeights()) + "), " + fmt(r.confidenceBias()) + ", "
                + fmt(r.minConfidence()) + ");");
        return 0;
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
