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

class SpanFitTest {
    private static final double[] SPAN = {1.5, -2.0, 0.7, 0.0};

    @TempDir
    Path tmp;

    @Test
    void should_recover_the_span_weights_that_chose_the_gold_phrase() throws Exception {
        // given questions whose gold answer is one phrase of the sentence, drawn from a known softmax over the phrases,
        // written in the eval answers --features format (the other phrases share no word with the answer)
        Path file = tmp.resolve("features.jsonl");
        Files.write(file, synthetic(new Random(11), 2_000));

        // when
        CalibrationFit.Data data = CalibrationFit.read(file);
        double[] w = new SpanFit(0).fit(data.questions());

        // then
        for (int i = 0; i < SPAN.length; i++) assertThat(w[i]).as("span weight " + i).isCloseTo(SPAN[i], within(0.2));
    }

    @Test
    void should_fit_the_same_weights_twice() throws Exception {
        // given
        Path file = tmp.resolve("features.jsonl");
        Files.write(file, synthetic(new Random(3), 300));
        CalibrationFit.Data data = CalibrationFit.read(file);

        // when / then: the printed coefficients must be reproducible, so the fit is deterministic to the last bit
        assertThat(new SpanFit(SpanFit.DEFAULT_L2).fit(data.questions())).containsExactly(new SpanFit(SpanFit.DEFAULT_L2).fit(data.questions()));
    }

    @Test
    void should_fit_the_same_weights_whichever_sentence_ranking_wrote_the_file() throws Exception {
        // given the same questions, each with two sentences that hold the answer, written once ranked one way and once
        // the other (as files written under different sentence weights rank them)
        Path asRanked = tmp.resolve("ranked.jsonl");
        Path reRanked = tmp.resolve("reranked.jsonl");
        Files.write(asRanked, twoAnsweringSentences(new Random(5), 200, false));
        Files.write(reRanked, twoAnsweringSentences(new Random(5), 200, true));

        // when
        double[] w1 = new SpanFit(SpanFit.DEFAULT_L2).fit(CalibrationFit.read(asRanked).questions());
        double[] w2 = new SpanFit(SpanFit.DEFAULT_L2).fit(CalibrationFit.read(reRanked).questions());

        // then: the span model learns from the same sentences in the same order, so `eval calibrate` reaches the
        // coefficients in use from a file those coefficients wrote
        assertThat(w2).containsExactly(w1);
    }

    @Test
    void should_choose_the_lowest_share_that_keeps_answers_within_the_sentence_budget() {
        // given questions with two close candidates (probability ratio 0.61) and two far apart (0.14); both second
        // sentences hold the answer
        CalibrationFit.Question close = question(new double[] {1.0, 0.5});
        CalibrationFit.Question far = question(new double[] {2.0, 0.0});
        List<CalibrationFit.Question> qs = List.of(close, far);
        double[] w = {1.0};

        // when
        CalibrationFit.Brevity b = CalibrationFit.extraSentenceShare(qs, w);

        // then: at share <= 0.6 the close question shows both (1.5 sentences per answer, within the budget); at 0.1
        // both would (2.0, over it)
        assertThat(b.share()).isEqualTo(0.15);
        assertThat(b.sentencesPerAnswer()).isCloseTo(1.5, within(1e-9));
        assertThat(b.hit()).isCloseTo(0.5, within(1e-9));
    }

    private static CalibrationFit.Question question(double[] scores) {
        List<CalibrationFit.Candidate> cs = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            cs.add(new CalibrationFit.Candidate(0, i, "sentence number " + i + " long enough to show", new double[] {scores[i]}, i == 1));
        }
        return new CalibrationFit.Question(true, 0.5, cs);
    }

    /** Questions whose two sentences (passage 0 sentence 1, passage 1 sentence 0) both hold the answer, in either rank order. */
    private static List<String> twoAnsweringSentences(Random r, int questions, boolean swapped) {
        List<String> lines = new ArrayList<>();
        for (int q = 0; q < questions; q++) {
            String[] sentence = new String[2];
            String[] spans = new String[2];
            for (int k = 0; k < 2; k++) {
                StringBuilder text = new StringBuilder();
                StringBuilder ps = new StringBuilder();
                int n = 3 + r.nextInt(4);
                int gold = r.nextInt(n);
                for (int i = 0; i < n; i++) {
                    String word = i == gold ? "answer" + q : "word" + i;
                    text.append(word).append(' ');
                    ps.append(i > 0 ? "," : "").append("{\"text\":\"").append(word).append("\",\"f\":[");
                    for (int j = 0; j < SPAN.length; j++) ps.append(j > 0 ? "," : "").append(r.nextDouble());
                    ps.append("]}");
                }
                sentence[k] = "{\"passage\":" + k + ",\"sentence\":" + (1 - k) + ",\"text\":\"" + text
                        + "\",\"holds_answer\":true,\"features\":{\"cosine\":0.5,\"coverage\":0.5,\"best_phrase\":0}}";
                spans[k] = ps.toString();
            }
            int first = swapped ? 1 : 0;
            lines.add("{\"answerable\":true,\"answers\":[\"answer" + q + "\"],\"gold\":\"a00p0\","
                    + "\"question_features\":{\"top_passage_cosine\":0.5},\"candidates\":[" + sentence[first] + "," + sentence[1 - first] + "],"
                    + "\"spans\":[{\"rank\":0,\"spans\":[" + spans[first] + "]},{\"rank\":1,\"spans\":[" + spans[1 - first] + "]}]}");
        }
        return lines;
    }

    private static List<String> synthetic(Random r, int questions) {
        List<String> lines = new ArrayList<>();
        for (int q = 0; q < questions; q++) {
            int n = 3 + r.nextInt(8);
            double[][] x = new double[n][SPAN.length];
            double[] p = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < SPAN.length; j++) x[i][j] = j == 3 ? 1 : r.nextDouble() * 2 - 0.5;
                p[i] = Math.exp(CalibrationFit.dot(SPAN, x[i]));
                sum += p[i];
            }
            double u = r.nextDouble() * sum;
            int gold = 0;
            while (gold < n - 1 && (u -= p[gold]) > 0) gold++;
            StringBuilder spans = new StringBuilder();
            StringBuilder sentence = new StringBuilder();
            for (int i = 0; i < n; i++) {
                String text = i == gold ? "answer" + q : "word" + i;
                sentence.append(text).append(' ');
                if (i > 0) spans.append(',');
                spans.append("{\"text\":\"").append(text).append("\",\"f\":[");
                for (int j = 0; j < SPAN.length; j++) spans.append(j > 0 ? "," : "").append(x[i][j]);
                spans.append("]}");
            }
            // a sentence ranked first that does not hold the answer comes before the one that does, and is skipped
            lines.add("{\"answerable\":true,\"answers\":[\"answer" + q + "\"],\"gold\":\"a0" + (q % 10) + "p0\","
                    + "\"question_features\":{\"top_passage_cosine\":0.5},\"candidates\":["
                    + "{\"passage\":0,\"sentence\":0,\"text\":\"nothing here\",\"holds_answer\":false,\"features\":{\"cosine\":0.1,\"coverage\":0.1,\"best_phrase\":0}},"
                    + "{\"passage\":0,\"sentence\":1,\"text\":\"" + sentence + "\",\"holds_answer\":true,\"features\":{\"cosine\":0.5,\"coverage\":0.5,\"best_phrase\":0}}],"
                    + "\"spans\":[{\"rank\":0,\"spans\":[{\"text\":\"nothing\",\"f\":[9,9,9,9]}]},{\"rank\":1,\"spans\":[" + spans + "]}]}");
        }
        return lines;
    }
}
