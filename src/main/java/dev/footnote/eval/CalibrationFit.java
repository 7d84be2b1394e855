package dev.footnote.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Fits the local answerer's two linear models from {@code eval answers --features} output: the listwise sentence model
 * ({@code Calibration.sentenceWeights}) and the logistic abstention model ({@code Calibration.confidenceWeights},
 * {@code confidenceBias}) with its threshold ({@code minConfidence}).
 *
 * <p>Input: one JSON object per line and question, {@code {"answerable": bool, "question_features":
 * {"top_passage_cosine": x}, "candidates": [{"holds_answer": bool, "features": {"cosine": x, "coverage": x, ...}},
 * ...]}}; other fields are ignored. Every candidate names the same features in the same order (the order of the
 * weights); {@code cosine}, {@code coverage} and {@code best_phrase} must be among them, since the abstention model
 * reads them.
 */
public final class CalibrationFit {
    /** The abstention model's inputs, in the order of {@code Calibration.confidence}. */
    public static final List<String> CONFIDENCE_INPUTS =
            List.of("max_cosine", "max_coverage", "top_passage_cosine", "chosen_cosine", "chosen_coverage", "chosen_best_phrase");
    /** Share of the unanswerable questions that must abstain; the threshold is the lowest that reaches it. */
    public static final double UNANSWERABLE_ABSTAINED = 0.95;
    /** The threshold's grid: thresholds are printed with two decimals and chosen on steps of 0.05. */
    public static final double THRESHOLD_STEP = 0.05;
    /**
     * The brevity budget the extra-sentence share is chosen for: answers average at most this many sentences (issue
     * 13's target for {@code sentences_per_answer}; the answerer also drops near-duplicate sentences, which the file
     * cannot show, so it measures a little under this).
     */
    public static final double SENTENCES_PER_ANSWER = 1.6;
    /** The extra-sentence share's grid. */
    public static final double SHARE_STEP = 0.05;
    /** As {@code Calibration.maxSentences} and {@code LocalAnswerGenerator.MIN_EXTRA_SENTENCE_CHARS}. */
    static final int MAX_SENTENCES = 3;
    static final int MIN_EXTRA_SENTENCE_CHARS = 20;

    /**
     * One question: whether the passages can answer it, the top passage's similarity, its candidate sentences, its gold
     * answers and passage ("" when unanswerable) and the phrases of some of its sentences ({@link SpanFit}).
     */
    public record Question(boolean answerable, double topPassageCosine, List<Candidate> candidates, List<String> answers,
                           String gold, List<SentencePhrases> phrases) {
        public Question {
            candidates = List.copyOf(candidates);
            answers = List.copyOf(answers);
            phrases = List.copyOf(phrases);
        }

        public Question(boolean answerable, double topPassageCosine, List<Candidate> candidates) {
            this(answerable, topPassageCosine, candidates, List.of(), "", List.of());
        }

        boolean hasAnswer() {
            return candidates.stream().anyMatch(Candidate::holdsAnswer);
        }
    }

    /** A candidate sentence: where it is, its text, its features (in the file's order) and whether it holds a gold answer. */
    public record Candidate(int passage, int sentence, String text, double[] features, boolean holdsAnswer) {
        public Candidate(double[] features, boolean holdsAnswer) {
            this(0, 0, "", features, holdsAnswer);
        }
    }

    /** The candidate phrases of the sentence ranked {@code rank} (0 = best) when the file was written. */
    public record SentencePhrases(int rank, List<Phrase> phrases) {
        public SentencePhrases {
            phrases = List.copyOf(phrases);
        }
    }

    /** A candidate phrase (short answer) and its features, in {@code SpanModel}'s order. */
    public record Phrase(String text, double[] features) {
    }

    /** The questions of a features file, with the feature names they share. */
    public record Data(List<String> names, List<Question> questions) {
        public Data {
            names = List.copyOf(names);
            questions = List.copyOf(questions);
        }
    }

    /** Both fitted models, as {@code Calibration} holds them, and the figures that check them. */
    public record Result(List<String> names, double[] sentenceWeights, double[] confidenceWeights, double confidenceBias,
                         double minConfidence, double topHit, double unanswerableAbstained, double answerableAbstained,
                         int questions, int answerable, int candidates) {
    }

    private final double sentenceL2;
    private final double confidenceL2;

    /**
     * @param sentenceL2 the L2 penalty on the sentence model's weights, per question; 0 for none
     * @param confidenceL2 the L2 penalty on the abstention model's weights (not the bias), per question
     */
    public CalibrationFit(double sentenceL2, double confidenceL2) {
        this.sentenceL2 = sentenceL2;
        this.confidenceL2 = confidenceL2;
    }

    public static Data read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> names = null;
        List<Question> out = new ArrayList<>();
        int line = 0;
        try (BufferedReader r = Files.newBufferedReader(file)) {
            for (String s; (s = r.readLine()) != null; ) {
                line++;
                if (s.isBlank()) continue;
                JsonNode q = json.readTree(s);
                List<Candidate> cands = new ArrayList<>();
                for (JsonNode c : q.path("candidates")) {
                    JsonNode f = c.path("features");
                    List<String> these = new ArrayList<>();
                    f.fieldNames().forEachRemaining(these::add);
                    if (names == null) names = these;
                    if (!names.equals(these)) {
                        throw new IllegalArgumentException(file + " line " + line + ": features " + these + " differ from " + names);
                    }
                    double[] x = new double[names.size()];
                    Iterator<JsonNode> v = f.elements();
                    for (int i = 0; i < x.length; i++) x[i] = v.next().asDouble();
                    cands.add(new Candidate(c.path("passage").asInt(), c.path("sentence").asInt(), c.path("text").asText(""), x,
                            c.path("holds_answer").asBoolean()));
                }
                List<String> answers = new ArrayList<>();
                for (JsonNode g : q.path("answers")) answers.add(g.asText());
                List<SentencePhrases> phrases = new ArrayList<>();
                for (JsonNode s2 : q.path("spans")) {
                    List<Phrase> ps = new ArrayList<>();
                    for (JsonNode p : s2.path("spans")) {
                        JsonNode f = p.path("f");
                        double[] x = new double[f.size()];
                        for (int i = 0; i < x.length; i++) x[i] = f.get(i).asDouble();
                        ps.add(new Phrase(p.path("text").asText(""), x));
                    }
                    phrases.add(new SentencePhrases(s2.path("rank").asInt(), ps));
                }
                out.add(new Question(q.path("answerable").asBoolean(),
                        q.path("question_features").path("top_passage_cosine").asDouble(), cands, answers,
                        q.path("gold").isTextual() ? q.path("gold").asText() : "", phrases));
            }
        }
        if (names == null) throw new IllegalArgumentException(file + " holds no candidate sentences");
        if (!names.containsAll(List.of("cosine", "coverage", "best_phrase"))) {
            throw new IllegalArgumentException(file + ": the features must include cosine, coverage and best_phrase, got " + names);
        }
        return new Data(names, out);
    }

    public Result fit(Data data) {
        List<Question> answerable = data.questions().stream().filter(Question::answerable).toList();
        double[] w = fitSentences(answerable, data.names().size());
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (Question q : data.questions()) {
            if (q.candidates().isEmpty()) continue;
            rows.add(confidenceInputs(q, w, data.names()));
            labels.add(q.answerable());
        }
        double[] c = fitLogistic(rows, labels);
        double bias = c[c.length - 1];
        double[] cw = java.util.Arrays.copyOf(c, c.length - 1);
        List<Double> unanswerable = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) if (!labels.get(i)) unanswerable.add(bias + dot(cw, rows.get(i)));
        return evaluate(data, w, cw, bias, threshold(unanswerable));
    }

    /**
     * The figures of given coefficients on {@code data}: the share of answerable questions with a gold answer among
     * the 3 best sentences, and the shares of unanswerable and answerable questions that abstain (a question without
     * candidates abstains).
     */
    public static Result evaluate(Data data, double[] sentenceWeights, double[] confidenceWeights, double bias, double threshold) {
        int answerable = 0;
        int hits = 0;
        int unanswerable = 0;
        int unanswerableAbstained = 0;
        int answerableAbstained = 0;
        for (Question q : data.questions()) {
            boolean abstains = q.candidates().isEmpty()
                    || bias + dot(confidenceWeights, confidenceInputs(q, sentenceWeights, data.names())) < threshold;
            if (q.answerable()) {
                answerable++;
                if (!q.candidates().isEmpty() && topHit(q, sentenceWeights, 3)) hits++;
                if (abstains) answerableAbstained++;
            } else {
                unanswerable++;
                if (abstains) unanswerableAbstained++;
            }
        }
        int candidates = data.questions().stream().mapToInt(q -> q.candidates().size()).sum();
        return new Result(data.names(), sentenceWeights, confidenceWeights, bias, threshold,
                (double) hits / Math.max(1, answerable), (double) unanswerableAbstained / Math.max(1, unanswerable),
                (double) answerableAbstained / Math.max(1, answerable), data.questions().size(), answerable, candidates);
    }

    /** The inputs of the abstention model for {@code q} when sentences are ranked by {@code w}. */
    static double[] confidenceInputs(Question q, double[] w, List<String> names) {
        int cos = names.indexOf("cosine");
        int cov = names.indexOf("coverage");
        int phrase = names.indexOf("best_phrase");
        double maxCos = 0;
        double maxCov = 0;
        Candidate chosen = best(q, w);
        for (Candidate c : q.candidates()) {
            maxCos = Math.max(maxCos, c.features()[cos]);
            maxCov = Math.max(maxCov, c.features()[cov]);
        }
        return new double[] {maxCos, maxCov, q.topPassageCosine(), chosen.features()[cos], chosen.features()[cov], chosen.features()[phrase]};
    }

    /**
     * The best-scoring candidate; on an exact tie the first in file order, which is the ranking that wrote the file
     * (the answerer's: score, then passage, then sentence).
     */
    private static Candidate best(Question q, double[] w) {
        Candidate best = null;
        double top = Double.NEGATIVE_INFINITY;
        for (Candidate c : q.candidates()) {
            double s = dot(w, c.features());
            if (s > top) {
                top = s;
                best = c;
            }
        }
        return best;
    }

    /** True when one of the {@code n} best-scoring candidates holds a gold answer (before removing redundant ones). */
    private static boolean topHit(Question q, double[] w, int n) {
        return q.candidates().stream().sorted(java.util.Comparator.comparingDouble((Candidate c) -> -dot(w, c.features())))
                .limit(n).anyMatch(Candidate::holdsAnswer);
    }

    /** The lowest threshold on the grid at which at least {@link #UNANSWERABLE_ABSTAINED} of these confidences abstain. */
    static double threshold(List<Double> unanswerable) {
        if (unanswerable.isEmpty()) return Double.NEGATIVE_INFINITY;
        List<Double> sorted = new ArrayList<>(unanswerable);
        java.util.Collections.sort(sorted);
        int needed = (int) Math.ceil(UNANSWERABLE_ABSTAINED * sorted.size());
        double mustExceed = sorted.get(needed - 1); // abstain means confidence < threshold
        double t = Math.ceil(mustExceed / THRESHOLD_STEP) * THRESHOLD_STEP;
        if (t <= mustExceed) t += THRESHOLD_STEP;
        // rounded to the grid's decimals, so that the threshold prints as written (-1.45, not -1.4500000000000002)
        return java.math.BigDecimal.valueOf(t).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * Listwise softmax regression: per question, the softmax of the candidates' scores is fitted to the uniform
     * distribution over the candidates that hold an answer (cross-entropy), so only the order within a question
     * matters and the model has no bias.
     */
    public double[] fitSentences(List<Question> questions, int d) {
        List<Question> qs = questions.stream().filter(q -> q.answerable() && q.hasAnswer()).toList();
        return Minimizer.minimize(w -> {
            double loss = 0;
            double[] grad = new double[d];
            for (Question q : qs) {
                List<Candidate> cs = q.candidates();
                double[] z = new double[cs.size()];
                double max = Double.NEGATIVE_INFINITY;
                int positives = 0;
                for (int i = 0; i < z.length; i++) {
                    z[i] = dot(w, cs.get(i).features());
                    max = Math.max(max, z[i]);
                    if (cs.get(i).holdsAnswer()) positives++;
                }
                double sum = 0;
                for (double v : z) sum += Math.exp(v - max);
                double logSum = max + Math.log(sum);
                for (int i = 0; i < z.length; i++) {
                    double p = Math.exp(z[i] - logSum);
                    double y = cs.get(i).holdsAnswer() ? 1.0 / positives : 0;
                    loss -= y * (z[i] - logSum);
                    double g = p - y;
                    double[] x = cs.get(i).features();
                    for (int j = 0; j < d; j++) grad[j] += g * x[j];
                }
            }
            return penalised(loss, grad, w, qs.size(), d, sentenceL2);
        }, new double[d]);
    }

    /** Logistic regression with a bias (the last weight), labels true = 1. */
    double[] fitLogistic(List<double[]> rows, List<Boolean> labels) {
        int d = rows.get(0).length;
        return Minimizer.minimize(w -> {
            double loss = 0;
            double[] grad = new double[d + 1];
            for (int r = 0; r < rows.size(); r++) {
                double[] x = rows.get(r);
                double z = w[d] + dot(w, x);
                double y = labels.get(r) ? 1 : 0;
                // log(1 + e^z) - y z, computed without overflow
                loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y * z;
                double g = 1 / (1 + Math.exp(-z)) - y;
                for (int j = 0; j < d; j++) grad[j] += g * x[j];
                grad[d] += g;
            }
            return penalised(loss, grad, w, rows.size(), d, confidenceL2);
        }, new double[d + 1]);
    }

    /** Mean loss and gradient over {@code n} examples plus {@code l2}/2·|w[0..d)|². */
    static Minimizer.Value penalised(double loss, double[] grad, double[] w, int n, int d, double l2) {
        loss /= n;
        for (int j = 0; j < grad.length; j++) grad[j] /= n;
        for (int j = 0; j < d; j++) {
            loss += l2 / 2 * w[j] * w[j];
            grad[j] += l2 * w[j];
        }
        return new Minimizer.Value(loss, grad);
    }

    /** How the answerer's choice of sentences fares at one extra-sentence share, over the answerable questions. */
    public record Brevity(double share, double firstSentenceHit, double hit, double sentencesPerAnswer) {
    }

    /**
     * The answerer's choice of sentences at {@code share} ({@code LocalAnswerGenerator.choose}): the best sentence, then
     * the next best while their softmax probability is at least {@code share} of the best's, up to 3, skipping those
     * under 20 characters and repeated texts (the redundancy check by embedding is not in the file, so it is left out).
     */
    public static Brevity brevity(List<Question> questions, double[] w, double share) {
        int n = 0;
        int first = 0;
        int hit = 0;
        int sentences = 0;
        for (Question q : questions) {
            if (!q.answerable()) continue;
            n++;
            if (q.candidates().isEmpty()) continue;
            List<Candidate> order = ranked(q, w);
            Candidate best = order.get(0);
            double top = dot(w, best.features());
            List<Candidate> chosen = new ArrayList<>(List.of(best));
            for (Candidate c : order.subList(1, order.size())) {
                if (chosen.size() >= MAX_SENTENCES || Math.exp(dot(w, c.features()) - top) < share) break;
                if (c.text().length() < MIN_EXTRA_SENTENCE_CHARS || chosen.stream().anyMatch(x -> x.text().equals(c.text()))) continue;
                chosen.add(c);
            }
            sentences += chosen.size();
            if (best.holdsAnswer()) first++;
            if (chosen.stream().anyMatch(Candidate::holdsAnswer)) hit++;
        }
        n = Math.max(1, n);
        return new Brevity(share, (double) first / n, (double) hit / n, (double) sentences / n);
    }

    /**
     * The extra-sentence share on the grid of {@link #SHARE_STEP}: the lowest (most sentences) at which the answers
     * still average at most {@link #SENTENCES_PER_ANSWER} sentences, so the best gold-answer rate within that length.
     */
    public static Brevity extraSentenceShare(List<Question> questions, double[] w) {
        Brevity chosen = null;
        for (int k = 20; k >= 1; k--) {
            Brevity b = brevity(questions, w, k * SHARE_STEP);
            if (b.sentencesPerAnswer() > SENTENCES_PER_ANSWER) break;
            chosen = new Brevity(java.math.BigDecimal.valueOf(k * SHARE_STEP).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue(),
                    b.firstSentenceHit(), b.hit(), b.sentencesPerAnswer());
        }
        return chosen != null ? chosen : brevity(questions, w, 1.0);
    }

    /** Candidates best first under {@code w}; ties by passage, then sentence, as the answerer orders them. */
    static List<Candidate> ranked(Question q, double[] w) {
        return q.candidates().stream().sorted(java.util.Comparator.comparingDouble((Candidate c) -> -dot(w, c.features()))
                .thenComparingInt(Candidate::passage).thenComparingInt(Candidate::sentence)).toList();
    }

    /**
     * Which of two halves a question falls in, for held-out checks: SQuAD articles alternate (a00, a04, … and a02,
     * a06, …, by the article number of the gold passage id); questions without one alternate by position.
     */
    public static int half(Question q, int position) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^a(\\d+)").matcher(q.gold());
        return m.find() ? Integer.parseInt(m.group(1)) / 2 % 2 : position % 2;
    }

    /** Σ a[i]·b[i] over the shorter of the two (a bias after the weights is skipped). */
    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) s += a[i] * b[i];
        return s;
    }
}
