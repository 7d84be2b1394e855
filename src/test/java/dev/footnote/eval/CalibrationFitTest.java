package dev.footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationFitTest {
    private static final double[] SENTENCE = {2.0, -1.0, 0.5};
    private static final double[] CONFIDENCE = {1.5, 2.0, -1.0, 0.5, 1.0, 0.8};
    private static final double BIAS = -2.0;

    @TempDir
    Path tmp;

    @Test
    void should_recover_the_weights_that_generated_the_labels() throws Exception {
        // given questions whose answer-holding sentence is drawn from a known softmax model, and answerability from a
        // known logistic model, written in the eval answers --features format
        Path file = tmp.resolve("features.jsonl");
        Files.write(file, synthetic(new Random(7), 10_000));

        // when
        CalibrationFit.Result r = new CalibrationFit(0, 0).fit(CalibrationFit.read(file));

        // then
        assertThat(r.names()).containsExactly("cosine", "coverage", "best_phrase");
        for (int i = 0; i < SENTENCE.length; i++) assertThat(r.sentenceWeights()[i]).as("sentence weight " + i).isCloseTo(SENTENCE[i], within(0.25));
        for (int i = 0; i < CONFIDENCE.length; i++) {
            assertThat(r.confidenceWeights()[i]).as("abstention weight " + i + " (" + CalibrationFit.CONFIDENCE_INPUTS.get(i) + ")")
                    .isCloseTo(CONFIDENCE[i], within(0.6));
        }
        assertThat(r.confidenceBias()).isCloseTo(BIAS, within(0.6));
        assertThat(r.questions()).isEqualTo(10_000);
    }

    @Test
    void should_put_the_threshold_on_the_grid_just_above_the_share_of_unanswerable_confidences() {
        // given twenty unanswerable questions' confidences
        List<Double> conf = List.of(-5.0, -4.9, -4.8, -4.7, -4.6, -4.5, -4.4, -4.3, -4.2, -4.1, -4.0, -3.9, -3.8, -3.7,
                -3.6, -3.5, -3.4, -1.6, -1.52, 3.0);

        // when: 95% (19 of 20) must abstain (confidence < threshold), so -1.52 must fall below it (at 90%, 18 of 20,
        // the threshold would be -1.55)
        double t = CalibrationFit.threshold(conf);

        // then
        assertThat(t).isCloseTo(-1.5, within(1e-9));
    }

    @Test
    void should_refuse_a_file_whose_candidates_name_different_features() throws Exception {
        Path file = tmp.resolve("bad.jsonl");
        Files.writeString(file, """
                {"answerable":true,"question_features":{"top_passage_cosine":0.5},"candidates":[{"holds_answer":true,"features":{"cosine":1,"coverage":0}},{"holds_answer":false,"features":{"coverage":0,"cosine":1}}]}
                """);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CalibrationFit.read(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
    }

    @Test
    void should_refuse_a_file_without_the_features_the_abstention_model_reads() throws Exception {
        Path file = tmp.resolve("no-phrase.jsonl");
        Files.writeString(file, """
                {"answerable":true,"question_features":{"top_passage_cosine":0.5},"candidates":[{"holds_answer":true,"features":{"cosine":1,"coverage":0}}]}
                """);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CalibrationFit.read(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("best_phrase");
    }

    private static List<String> synthetic(Random r, int questions) {
        List<String> lines = new ArrayList<>();
        for (int q = 0; q < questions; q++) {
            int n = 5 + r.nextInt(10);
            double[][] x = new double[n][3];
            double[] p = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 3; j++) x[i][j] = r.nextDouble();
                p[i] = Math.exp(x[i][0] * SENTENCE[0] + x[i][1] * SENTENCE[1] + x[i][2] * SENTENCE[2]);
                sum += p[i];
            }
            double u = r.nextDouble() * sum;
            int pos = 0;
            while (pos < n - 1 && (u -= p[pos]) > 0) pos++;
            double top = r.nextDouble();
            // answerability from the logistic model over the inputs the fit will compute, with the true sentence weights
            int best = 0;
            double maxCos = 0;
            double maxCov = 0;
            for (int i = 0; i < n; i++) {
                if (CalibrationFit.dot(SENTENCE, x[i]) > CalibrationFit.dot(SENTENCE, x[best])) best = i;
                maxCos = Math.max(maxCos, x[i][0]);
                maxCov = Math.max(maxCov, x[i][1]);
            }
            double[] in = {maxCos, maxCov, top, x[best][0], x[best][1], x[best][2]};
            double z = BIAS + CalibrationFit.dot(CONFIDENCE, in);
            boolean answerable = r.nextDouble() < 1 / (1 + Math.exp(-z));
            StringBuilder c = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i > 0) c.append(',');
                c.append("{\"holds_answer\":").append(answerable && i == pos).append(",\"features\":{\"cosine\":").append(x[i][0])
                        .append(",\"coverage\":").append(x[i][1]).append(",\"best_phrase\":").append(x[i][2]).append("}}");
            }
            lines.add("{\"answerable\":" + answerable + ",\"question_features\":{\"top_passage_cosine\":" + top
                    + "},\"candidates\":[" + c + "]}");
        }
        return lines;
    }
}
